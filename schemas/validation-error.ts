// Turns zod issues into the messages people read: `location.streetId: unknown street "xx"`.
import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Renders an issue path the way a person writes it: `members[2].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}

/** One `{path, message}` per zod issue, in the order zod reported them. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** The issues as one line: `location.streetId: unknown street "xx"; title: too short`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
