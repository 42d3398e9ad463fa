// Runtime failures raised while running states: one class per `States.*` error, plus task-defined errors.
export class StatesError extends Error {
  /** The error name as Step Functions reports it (`States.Runtime`, or a task's own error name). */
  readonly error: string;
  /** The cause text as reported in history and DescribeExecution (may be absent). */
  override readonly cause: string | undefined;
  /** Engine-detected failures get AWS's "An error occurred while executing the state ..." prefix. */
  readonly prefixWithState: boolean;

  constructor(error: string, cause?: string, prefixWithState = false) {
    super(cause ? `${error}: ${cause}` : error);
    this.name = 'StatesError';
    this.error = error;
    this.cause = cause;
    this.prefixWithState = prefixWithState;
  }
}

/** A failure reported by a task's resource or a Fail state: error and cause are user data. */
export class TaskError extends StatesError {
  constructor(error: string, cause?: string) {
    super(error, cause);
    this.name = 'TaskError';
  }
}

export class StatesRuntimeError extends StatesError {
  constructor(cause: string) {
    super('States.Runtime', cause, true);
    this.name = 'StatesRuntimeError';
  }
}

export class StatesTimeoutError extends StatesError {
  constructor(cause?: string) {
    super('States.Timeout', cause);
    this.name = 'StatesTimeoutError';
  }
}

export class StatesHeartbeatTimeoutError extends StatesError {
  constructor(cause?: string) {
    super('States.HeartbeatTimeout', cause);
    this.name = 'StatesHeartbeatTimeoutError';
  }
}

export class StatesTaskFailedError extends StatesError {
  constructor(cause?: string) {
    super('States.TaskFailed', cause);
    this.name = 'StatesTaskFailedError';
  }
}

export class StatesNoChoiceMatchedError extends StatesError {
  constructor(cause = 'No Matches!') {
    super('States.NoChoiceMatched', cause);
    this.name = 'StatesNoChoiceMatchedError';
  }
}

export class StatesIntrinsicFailureError extends StatesError {
  constructor(cause: string) {
    super('States.IntrinsicFailure', cause, true);
    this.name = 'StatesIntrinsicFailureError';
  }
}

export class StatesParameterPathFailureError extends StatesError {
  constructor(cause: string) {
    super('States.ParameterPathFailure', cause, true);
    this.name = 'StatesParameterPathFailureError';
  }
}

export class StatesResultPathMatchFailureError extends StatesError {
  constructor(cause: string) {
    super('States.ResultPathMatchFailure', cause, true);
    this.name = 'StatesResultPathMatchFailureError';
  }
}

export class StatesItemReaderFailedError extends StatesError {
  constructor(cause: string) {
    super('States.ItemReaderFailed', cause, true);
    this.name = 'StatesItemReaderFailedError';
  }
}

export class StatesExceedToleratedFailureThresholdError extends StatesError {
  constructor(cause = 'The specified tolerated failure threshold was exceeded') {
    super('States.ExceedToleratedFailureThreshold', cause);
    this.name = 'StatesExceedToleratedFailureThresholdError';
  }
}

export class StatesQueryEvaluationError extends StatesError {
  constructor(cause: string) {
    super('States.QueryEvaluationError', cause, true);
    this.name = 'StatesQueryEvaluationError';
  }
}

export class StatesPermissionsError extends StatesError {
  constructor(cause: string) {
    super('States.Permissions', cause);
    this.name = 'StatesPermissionsError';
  }
}

export class StatesBranchFailedError extends StatesError {
  constructor(cause: string) {
    super('States.BranchFailed', cause);
    this.name = 'StatesBranchFailedError';
  }
}

/** Errors that Retry/Catch never see: they always fail the execution (AWS: States.Runtime is not retriable). */
export function isUncatchable(error: StatesError): boolean {
  return error.error === 'States.Runtime';
}
