// Errors of the joint-review panel: each carries the HTTP status and the rule it enforces, so handlers map them without guessing.

export type PanelCompositionRule = 'panel.role-unavailable' | 'panel.too-few-members';

/** The pool cannot seat a panel under the rules once conflicted members sit out. */
export class PanelCompositionError extends Error {
  readonly status = 422;

  constructor(
    readonly rule: PanelCompositionRule,
    message: string,
  ) {
    super(message);
    this.name = 'PanelCompositionError';
  }
}

export type VoteRule = 'panel.closed' | 'panel.deadline-passed' | 'panel.not-a-member';

/** A vote that may not be cast: 403 when the voter does not sit on the panel, 409 when voting is over. */
export class VoteRejectedError extends Error {
  readonly status: 403 | 409;

  constructor(
    readonly rule: VoteRule,
    message: string,
  ) {
    super(message);
    this.name = 'VoteRejectedError';
    this.status = rule === 'panel.not-a-member' ? 403 : 409;
  }
}
