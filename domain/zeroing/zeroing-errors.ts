// Errors of the zeroing ledger: each carries the HTTP status and the rule it enforces.

export type ZeroingRule =
  | 'zeroing.entry-not-open'
  | 'zeroing.not-yet-resolved'
  | 'zeroing.wrong-ticket'
  | 'zeroing.note-too-short';

/** A ledger change the campaign's rules do not allow: 409 when the state forbids it, 422 when the evidence is malformed. */
export class ZeroingRuleError extends Error {
  constructor(
    readonly rule: ZeroingRule,
    readonly status: 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'ZeroingRuleError';
  }
}
