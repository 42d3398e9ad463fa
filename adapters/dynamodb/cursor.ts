// Opaque page cursors: DynamoDB's LastEvaluatedKey, base64url-encoded so clients cannot depend on its shape.
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
  throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
}
