// The app: who is signed in decides where "/" leads; every screen sits in the same frame.
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
function Private({ page: Page, ...props }: { page: (props: Record<string, string>) => preact.JSX.Element | null } & Record<string, unknown>) {
  const session = useSession();
  const { route } = useLocation();
  useEffect(() => {
    if (!session) route('/sign-in', true);
  }, [session, route]);
  return session ? <Page {...(props as Record<string, string>)} /> : null;
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
            <Route path="/board" component={() => <Private page={Board} />} />
            <Route path="/tickets" component={() => <Private page={Tickets} />} />
            <Route path="/tickets/:id" component={(p: { id: string }) => <Private page={TicketPage} id={p.id} />} />
            <Route path="/panels" component={() => <Private page={Panels} />} />
            <Route path="/panels/:id" component={(p: { id: string }) => <Private page={PanelPage} id={p.id} />} />
            <Route path="/league" component={() => <Private page={League} />} />
            <Route path="/zeroing" component={() => <Private page={Zeroing} />} />
            <Route default component={NotFound} />
          </Router>
        </Layout>
      </LocationProvider>
    </LangProvider>
  );
}
