// Who is signed in: the token lives in session storage for this tab only, never in a URL.
import type { Role } from '../../schemas/common.js';

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  unitId?: string;
  memberId?: string;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'casework.session';
const listeners = new Set<() => void>();

/** The signed-in session of this tab, if any. */
export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

/** Keeps the session for this tab and tells the app. */
export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

/** Forgets the session (also when the API says the token expired). */
export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

/** Calls back whenever someone signs in or out; returns the unsubscribe. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
