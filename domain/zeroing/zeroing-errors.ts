// Errors of the zeroing ledger: the domain's error model, each with the rule it enforces and its HTTP status.
import { CaseworkError, type Text } from '../errors.js';

export type ZeroingRule =
  | 'zeroing.entry-not-open'
  | 'zeroing.not-yet-resolved'
  | 'zeroing.wrong-ticket'
  | 'zeroing.note-too-short';

/** A ledger change the campaign's rules do not allow: 409 when the state forbids it, 422 when the evidence is malformed. */
export class ZeroingRuleError extends CaseworkError {
  constructor(
    override readonly rule: ZeroingRule,
    readonly status: 409 | 422,
    message: Text,
  ) {
    super(rule, message);
  }
}
