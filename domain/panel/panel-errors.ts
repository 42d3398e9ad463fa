// Errors of the joint-review panel: the domain's error model, each with the rule it enforces and its HTTP status.
import { CaseworkError, RuleViolationError, type Text } from '../errors.js';

export type PanelCompositionRule = 'panel.role-unavailable' | 'panel.too-few-members';

/** The pool cannot seat a panel under the rules once conflicted members sit out (422). */
export class PanelCompositionError extends RuleViolationError {
  constructor(
    override readonly rule: PanelCompositionRule,
    message: Text,
  ) {
    super(rule, message);
  }
}

export type VoteRule = 'vote.not-a-member' | 'vote.panel-closed' | 'vote.deadline-passed' | 'vote.already-cast';

/** A vote that may not be cast: 403 when the voter does not sit on the panel, 409 when voting is over or done. */
export class VoteRejectedError extends CaseworkError {
  readonly status: 403 | 409;

  constructor(
    override readonly rule: VoteRule,
    message: Text,
  ) {
    super(rule, message);
    this.status = rule === 'vote.not-a-member' ? 403 : 409;
  }
}
