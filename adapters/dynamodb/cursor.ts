// Opaque page cursors: DynamoDB's LastEvaluatedKey, base64url-encoded so clients cannot depend on its shape.
import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';

/** Encodes a LastEvaluatedKey, or undefined when the listing is complete. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** Decodes a cursor a client sent back; a mangled one is the client's error. */
export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch {
    // fall through to the validation error
  }
  throw refused({ en: 'is not a cursor this API returned', zh: '不是本接口返回的翻页游标' });
}

const hashOf = (fingerprint: string) => createHash('sha256').update(fingerprint).digest('base64url').slice(0, 16);

/** A cursor bound to one query: the key where the next page starts, and a hash of the query's fingerprint. */
export function encodeQueryCursor(key: Record<string, unknown> | undefined, fingerprint: string): string | undefined {
  return key ? encodeCursor({ q: hashOf(fingerprint), k: key }) : undefined;
}

/** The start key of a cursor issued for this very query; a cursor of another query (or none of ours) is refused. */
export function decodeQueryCursor(cursor: string | undefined, fingerprint: string): Record<string, unknown> | undefined {
  const decoded = decodeCursor(cursor);
  if (decoded === undefined) return undefined;
  const { q, k } = decoded;
  if (typeof k !== 'object' || k === null || Array.isArray(k)) throw refused({ en: 'is not a cursor this API returned', zh: '不是本接口返回的翻页游标' });
  if (q !== hashOf(fingerprint)) {
    throw refused({ en: 'belongs to another query: send the same parameters as the page it came with', zh: '属于另一个查询：请带上与上一页相同的查询参数' });
  }
  return k as Record<string, unknown>;
}

/** A cursor the client made up or took from elsewhere: the client's error, naming the parameter. */
export function refused(why: { en: string; zh: string }): ValidationError {
  return new ValidationError([{ path: 'cursor', message: why.en, zh: why.zh }]);
}
