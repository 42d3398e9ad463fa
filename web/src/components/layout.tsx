// The frame of every screen: the app's name, what this person can open, the language switch, signing out.
import type { ComponentChildren } from 'preact';
import type { Role } from '../../../schemas/common.js';
import { roleNames } from '../../../domain/tickets/names.js';
import { type Text, useLang } from '../i18n.js';
import { signOut } from '../session.js';
import { useSession } from '../use-session.js';

const text = {
  app: { zh: '12345 热线工单', en: '12345 Hotline Casework' },
  signOut: { zh: '退出', en: 'Sign out' },
  signIn: { zh: '登录', en: 'Sign in' },
  switchTo: { zh: 'English', en: '中文' },
  switchLabel: { zh: 'Switch to English', en: '切换到中文' },
  nav: { zh: '主导航', en: 'Main' },
};

interface NavItem {
  href: string;
  label: Text;
  roles: readonly Role[] | 'everyone';
}

const navItems: NavItem[] = [
  { href: '/board', label: { zh: '督办看板', en: 'Board' }, roles: ['supervisor', 'admin', 'operator', 'coordinator'] },
  { href: '/tickets', label: { zh: '工单待办', en: 'Tickets' }, roles: ['clerk', 'coordinator', 'supervisor', 'operator', 'admin'] },
  { href: '/panels', label: { zh: '联席会商', en: 'Panels' }, roles: ['panelist', 'supervisor', 'admin'] },
  { href: '/league', label: { zh: '单位排行', en: 'League table' }, roles: ['supervisor', 'admin', 'clerk', 'coordinator'] },
  { href: '/zeroing', label: { zh: '动态清零', en: 'Zeroing' }, roles: ['supervisor', 'admin', 'clerk', 'coordinator'] },
  { href: '/progress', label: { zh: '我的诉求', en: 'My request' }, roles: 'everyone' },
];

/** The header and the screen under it. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, lang, setLang } = useLang();
  const session = useSession();
  const items = navItems.filter((i) => i.roles === 'everyone' || (session && i.roles.includes(session.user.role)));
  return (
    <>
      <header class="top">
        <a class="brand" href="/">{t(text.app)}</a>
        <nav aria-label={t(text.nav)}>
          {items.map((i) => (
            <a key={i.href} href={i.href}>{t(i.label)}</a>
          ))}
        </nav>
        <div class="who">
          {session ? (
            <>
              <span data-testid="who">{session.user.name} · {t(roleNames[session.user.role])}</span>
              <button type="button" class="link" onClick={() => { signOut(); location.assign('/sign-in'); }}>{t(text.signOut)}</button>
            </>
          ) : (
            <a href="/sign-in">{t(text.signIn)}</a>
          )}
          <button type="button" class="lang" aria-label={t(text.switchLabel)} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t(text.switchTo)}
          </button>
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}

/** Where a person starts after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'supervisor':
    case 'admin':
      return '/board';
    case 'panelist':
      return '/panels';
    default:
      return '/tickets';
  }
}
