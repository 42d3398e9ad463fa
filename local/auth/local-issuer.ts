// Signs and verifies the demo users' JWTs locally, standing in for Cognito's user pool.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { User } from '../../schemas/actor.js';
import { userClaims } from '../../adapters/auth/claims.js';

const ALG = 'ES256';
export const LOCAL_ISSUER = 'https://casework.local/auth';
export const LOCAL_AUDIENCE = 'casework';

export interface LocalIssuer {
  /** A signed JWT for the user, valid for `ttlSeconds` of the given clock. */
  issue(user: User, now: Date, ttlSeconds?: number): Promise<string>;
  /** The token's claims if it is ours and unexpired at `now`; throws otherwise. */
  verify(token: string, now: Date): Promise<JWTPayload>;
}

/** An issuer with a key pair kept in `keyFile` (created on first use), or in memory when no file is given. */
export async function createLocalIssuer(keyFile?: string): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await loadOrCreateKeys(keyFile);
  return {
    issue: (user, now, ttlSeconds = 12 * 3600) =>
      new SignJWT(userClaims(user))
        .setProtectedHeader({ alg: ALG })
        .setSubject(user.id)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + ttlSeconds)
        .sign(privateKey),
    verify: async (token, now) =>
      (await jwtVerify(token, publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, currentDate: now })).payload,
  };
}

async function loadOrCreateKeys(keyFile?: string): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  if (keyFile && existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    const { d: _d, ...publicJwk } = jwk;
    return { privateKey: (await importJWK(jwk, ALG)) as CryptoKey, publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey };
  }
  const pair = await generateKeyPair(ALG, { extractable: true });
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(await exportJWK(pair.privateKey)), { mode: 0o600 });
  }
  return pair;
}
