// What a failed delivery says to people: the error's message alone, never a stack trace or a path on a server.

const MAX_LENGTH = 200;

/** A one-line, path-free reason from an error text (a Lambda error's JSON cause included). */
export function publicReason(text: string): string {
  let message = text;
  try {
    // A task's failure Cause is the Lambda error as JSON: {errorType, errorMessage, trace: [...]}.
    const parsed = JSON.parse(text) as { errorMessage?: unknown; errorType?: unknown };
    if (typeof parsed.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // plain text
  }
  const firstLine = message.split('\n')[0] ?? '';
  const pathFree = firstLine
    .replace(/file:\/\/\S+/g, '[path]')
    .replace(/(?<![\w:/])\/(?:[\w.@-]+\/)+[\w.@-]+(?::\d+){0,2}/g, '[path]')
    .trim();
  return pathFree.length > MAX_LENGTH ? `${pathFree.slice(0, MAX_LENGTH - 1)}…` : pathFree || 'delivery failed';
}

/** The kind of failure an attempt or a flag records, for readers who may not see its text (a unit's own people). */
export type FailureCategory = 'refused' | 'timeout' | 'network' | 'failed' | `http-${number}xx`;

/** What a failure comes to: `refused` (the target's address is not allowed), `timeout`, `http-5xx`, ...; none for a success. */
export function failureCategory(attempt: { status?: number; error?: string }): FailureCategory | undefined {
  const { status, error } = attempt;
  if (status !== undefined && (status < 200 || status > 299)) return `http-${Math.floor(status / 100)}xx`;
  if (!error) return undefined;
  if (/target refused/i.test(error)) return 'refused';
  // A flag's reason is the last attempt's error as the workflow caught it: "<target>: HTTP 503".
  const http = /\bHTTP ([1-5])\d\d\b/.exec(error);
  if (http) return `http-${Number(http[1])}xx`;
  if (/timed? ?out|aborted/i.test(error)) return 'timeout';
  if (/\b(network|fetch failed|socket|certificate|TLS|SSL)\b/i.test(error) || /\b(ECONN\w+|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/.test(error)) return 'network';
  return 'failed';
}
