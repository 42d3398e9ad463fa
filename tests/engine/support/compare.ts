// Comparison rules of the recorded asl-cases: exact (key order ignored, JSON causes as JSON) and shape (placeholders).

/** Deep equality ignoring key order; numbers compare numerically. */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqualJson(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && deepEqualJson(ao[k], bo[k]));
}

/** Parses text as JSON when it is JSON (for causes), else returns it unchanged. */
export function maybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches `actual` against `expected` where placeholder strings stand for any value of their kind. */
export function matchesShape(expected: unknown, actual: unknown, placeholders: string[]): boolean {
  if (typeof expected === 'string') {
    if (placeholders.includes(expected)) return actual !== undefined;
    if (typeof actual !== 'string') return false;
    const present = placeholders.filter((p) => expected.includes(p)).sort((x, y) => y.length - x.length);
    if (present.length === 0) return expected === actual;
    const splitter = new RegExp(`(${present.map(escapeRegExp).join('|')})`);
    const pattern = expected
      .split(splitter)
      .map((part) => (present.includes(part) ? '[\\s\\S]+?' : escapeRegExp(part)))
      .join('');
    return new RegExp(`^${pattern}$`).test(actual);
  }
  if (typeof expected === 'number' || typeof expected === 'boolean' || expected === null) return deepEqualJson(expected, actual);
  if (typeof actual !== 'object' || actual === null || Array.isArray(expected) !== Array.isArray(actual)) return false;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((v, i) => matchesShape(v, actual[i], placeholders));
  }
  const eo = expected as Record<string, unknown>;
  const ao = actual as Record<string, unknown>;
  const keys = Object.keys(eo);
  return keys.length === Object.keys(ao).length && keys.every((k) => k in ao && matchesShape(eo[k], ao[k], placeholders));
}

/** Replaces `{{NOW:fmt}}` (optionally `{{NOW+60:fmt}}`) with the given time in strftime-like format. */
export function substituteNow(text: string, now: Date): string {
  return text.replace(/\{\{NOW(?:([+-]\d+))?:([^}]*)\}\}/g, (_m, offset: string | undefined, fmt: string) => {
    const t = new Date(now.getTime() + (offset ? Number(offset) * 1000 : 0));
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return fmt
      .replace(/%Y/g, String(t.getUTCFullYear()))
      .replace(/%m/g, pad(t.getUTCMonth() + 1))
      .replace(/%d/g, pad(t.getUTCDate()))
      .replace(/%H/g, pad(t.getUTCHours()))
      .replace(/%M/g, pad(t.getUTCMinutes()))
      .replace(/%S/g, pad(t.getUTCSeconds()))
      .replace(/%f/g, pad(t.getUTCMilliseconds() * 1000, 6))
      .replace(/%z/g, '+0000');
  });
}
