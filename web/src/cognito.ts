// Signing in through Cognito's hosted UI with the authorization code and PKCE: the code comes back in the URL and is
// exchanged at once; the token itself never appears in a URL.
import { appConfig } from './config.js';
import { type SessionUser, signIn } from './session.js';

const VERIFIER_KEY = 'casework.pkce';
const redirectUri = () => `${location.origin}/sign-in/callback`;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Sends the browser to the hosted UI. */
export async function startHostedSignIn(): Promise<void> {
  const config = await appConfig();
  if (config.mode !== 'cognito') return;
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`https://${config.domain}/oauth2/authorize?${query}`);
}

/** Exchanges the code the hosted UI sent back for tokens and keeps the session; false when there is none to take. */
export async function finishHostedSignIn(): Promise<SessionUser | undefined> {
  const config = await appConfig();
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  history.replaceState(null, '', '/sign-in');
  if (config.mode !== 'cognito' || !code || !verifier) return undefined;
  sessionStorage.removeItem(VERIFIER_KEY);
  const response = await fetch(`https://${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: redirectUri(), code_verifier: verifier }),
  });
  if (!response.ok) return undefined;
  const { id_token: idToken } = (await response.json()) as { id_token: string };
  const claims = JSON.parse(atob(idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
  const user: SessionUser = {
    id: claims.sub ?? '',
    name: claims.name ?? claims.email ?? '',
    role: claims['custom:role'] as SessionUser['role'],
    ...(claims['custom:unitId'] ? { unitId: claims['custom:unitId'] } : {}),
    ...(claims['custom:memberId'] ? { memberId: claims['custom:memberId'] } : {}),
  };
  signIn({ token: idToken, user });
  return user;
}
