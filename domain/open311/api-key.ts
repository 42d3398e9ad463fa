// Open311 API keys: drawn at random, given to the client once, kept only as a hash.
import { createHash, randomBytes } from 'node:crypto';

/** A new key: 32 random bytes, prefixed so that a leaked one is recognised for what it is. */
export function newApiKey(): string {
  return `cw311_${randomBytes(32).toString('base64url')}`;
}

/**
 * The stored form of a key. A key is drawn from 256 bits, so a plain SHA-256 cannot be reversed by guessing and a
 * lookup by hash stays one read (a slow, salted hash is for passwords people choose).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
