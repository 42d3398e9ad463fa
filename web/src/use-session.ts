// The signed-in session as component state, current across sign-in and sign-out.
import { useEffect, useState } from 'preact/hooks';
import { type Session, currentSession, onSessionChange } from './session.js';

/** The session of this tab, re-rendering when it changes. */
export function useSession(): Session | undefined {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  return session;
}
