// JSON value helpers shared by every part of the engine (the boundary type for all state data).
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy through JSON so state data never aliases between frames. */
export function cloneJson<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Structural equality of two JSON values (key order ignored, numbers compared numerically). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEquals(a[k], b[k]));
  }
  return false;
}

/** Compact JSON text the way Step Functions prints values inside causes and history. */
export function toJsonText(value: Json | undefined): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * The JSON text of a value, made only when it is written out (JSON.stringify calls `toJSON`). History
 * events hold it instead of a string: values are never mutated, and most history is never read.
 */
export class DeferredJsonText {
  constructor(readonly value: Json | undefined) {}
  toJSON(): string {
    return toJsonText(this.value);
  }
}

/** Deferred JSON text of a value, for history event details. */
export function jsonText(value: Json | undefined): Json {
  // Typed as Json: it serialises as a JSON string, and readers of history see it through JSON.
  return new DeferredJsonText(value) as unknown as Json;
}

/** A history value as clients see it: deferred texts turned into their strings. */
export function resolveJsonTexts<T>(value: T): T {
  if (value instanceof DeferredJsonText) return value.toJSON() as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(resolveJsonTexts) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveJsonTexts(v);
  return out as T;
}

/** The JSON type name AWS uses in messages ('object', 'array', 'string', 'number', 'boolean', 'null'). */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
