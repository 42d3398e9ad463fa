// Sign-in: locally a picker of the demo users grouped by role; in AWS, Cognito's hosted UI.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { Role } from '../../../schemas/common.js';
import { roleNames } from '../../../domain/tickets/names.js';
import { ApiError, api } from '../api.js';
import { appConfig } from '../config.js';
import { homeOf } from '../components/layout.js';
import { LoadStatus } from '../components/status.js';
import { useLang } from '../i18n.js';
import { type SessionUser, signIn } from '../session.js';
import { useLoad } from '../use-load.js';
import { startHostedSignIn } from '../cognito.js';

const text = {
  title: { zh: '登录', en: 'Sign in' },
  pick: { zh: '选择一位演示用户登录（本地运行）', en: 'Pick a demo user to sign in as (local runtime)' },
  hosted: { zh: '使用统一身份认证登录', en: 'Sign in with the city account' },
};

const roleOrder: Role[] = ['supervisor', 'clerk', 'coordinator', 'operator', 'panelist', 'admin'];

/** The sign-in screen. */
export function SignIn() {
  const { t } = useLang();
  const { route } = useLocation();
  const [failure, setFailure] = useState<ApiError>();
  const users = useLoad(async () => {
    const config = await appConfig();
    return config.mode === 'local' ? api<SessionUser[]>('/_local/users') : undefined;
  }, []);
  const pick = async (user: SessionUser) => {
    try {
      const session = await api<{ token: string; user: SessionUser }>('/_local/login', { method: 'POST', body: { user: user.id } });
      signIn({ token: session.token, user: session.user });
      route(homeOf(session.user.role));
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };
  return (
    <section class="sign-in">
      <h1>{t(text.title)}</h1>
      <LoadStatus loading={users.loading} error={users.error ?? failure} />
      {users.data === undefined && !users.loading && (
        <button type="button" onClick={() => void startHostedSignIn()}>{t(text.hosted)}</button>
      )}
      {users.data && <p class="muted">{t(text.pick)}</p>}
      {users.data &&
        roleOrder.map((role) => {
          const ofRole = users.data?.filter((u) => u.role === role) ?? [];
          if (ofRole.length === 0) return null;
          return (
            <fieldset key={role} class="user-group">
              <legend>{t(roleNames[role])}</legend>
              {ofRole.map((u) => (
                <button type="button" key={u.id} data-user={u.id} onClick={() => void pick(u)}>
                  {u.name}
                  <small>{u.unitId ?? u.id}</small>
                </button>
              ))}
            </fieldset>
          );
        })}
    </section>
  );
}
