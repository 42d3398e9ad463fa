// The app: who is signed in decides where "/" leads; every screen sits in the same frame.
import type { ComponentChildren } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { Layout, homeOf } from './components/layout.js';
import { finishHostedSignIn } from './cognito.js';
import { LangProvider, useLang } from './i18n.js';
import { Board } from './pages/board.js';
import { League } from './pages/league.js';
import { PanelPage } from './pages/panel.js';
import { Panels } from './pages/panels.js';
import { Progress } from './pages/progress.js';
import { SignIn } from './pages/sign-in.js';
import { TicketPage } from './pages/ticket.js';
import { Tickets } from './pages/tickets.js';
import { Zeroing } from './pages/zeroing.js';
import { useSession } from './use-session.js';

const notFound = { zh: '没有这个页面', en: 'No such page' };

function Home() {
  const session = useSession();
  const { route } = useLocation();
  useEffect(() => route(session ? homeOf(session.user.role) : '/sign-in', true), [session, route]);
  return null;
}

function HostedCallback() {
  const { route } = useLocation();
  useEffect(() => {
    void finishHostedSignIn().then((user) => route(user ? homeOf(user.role) : '/sign-in', true));
  }, [route]);
  return null;
}

/** A screen that needs a signed-in person: without one, the sign-in picker. */
function Private({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const { route } = useLocation();
  useEffect(() => {
    if (!session) route('/sign-in', true);
  }, [session, route]);
  return session ? <>{children}</> : null;
}

function NotFound() {
  const { t } = useLang();
  return <h1>{t(notFound)}</h1>;
}

/** The whole app. */
export function App() {
  return (
    <LangProvider>
      <LocationProvider>
        <Layout>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/sign-in" component={SignIn} />
            <Route path="/sign-in/callback" component={HostedCallback} />
            <Route path="/progress" component={Progress} />
            <Route path="/board" component={() => <Private><Board /></Private>} />
            <Route path="/tickets" component={() => <Private><Tickets /></Private>} />
            <Route path="/tickets/:id" component={(p: { id: string }) => <Private><TicketPage id={p.id} /></Private>} />
            <Route path="/panels" component={() => <Private><Panels /></Private>} />
            <Route path="/panels/:id" component={(p: { id: string }) => <Private><PanelPage id={p.id} /></Private>} />
            <Route path="/league" component={() => <Private><League /></Private>} />
            <Route path="/zeroing" component={() => <Private><Zeroing /></Private>} />
            <Route default component={NotFound} />
          </Router>
        </Layout>
      </LocationProvider>
    </LangProvider>
  );
}
