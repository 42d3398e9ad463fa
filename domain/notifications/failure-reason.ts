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
