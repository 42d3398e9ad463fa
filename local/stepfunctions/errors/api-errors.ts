// Errors of the programmatic API (and the HTTP server): each carries the AWS error code clients see.
export class SfnApiError extends Error {
  readonly code: string;
  readonly httpStatus = 400;

  constructor(code: string, message: string) {
    super(message);
    this.name = `${code}Error`;
    this.code = code;
  }
}

export class InvalidDefinitionError extends SfnApiError {
  constructor(message: string) {
    super('InvalidDefinition', message);
  }
}
export class InvalidArnError extends SfnApiError {
  constructor(message: string) {
    super('InvalidArn', message);
  }
}
export class InvalidNameError extends SfnApiError {
  constructor(message: string) {
    super('InvalidName', message);
  }
}
export class InvalidExecutionInputError extends SfnApiError {
  constructor(message: string) {
    super('InvalidExecutionInput', message);
  }
}
export class InvalidOutputError extends SfnApiError {
  constructor(message: string) {
    super('InvalidOutput', message);
  }
}
export class InvalidTokenError extends SfnApiError {
  constructor(message: string) {
    super('InvalidToken', message);
  }
}
export class StateMachineDoesNotExistError extends SfnApiError {
  constructor(message: string) {
    super('StateMachineDoesNotExist', message);
  }
}
export class StateMachineAlreadyExistsError extends SfnApiError {
  constructor(message: string) {
    super('StateMachineAlreadyExists', message);
  }
}
export class ExecutionDoesNotExistError extends SfnApiError {
  constructor(message: string) {
    super('ExecutionDoesNotExist', message);
  }
}
export class ExecutionAlreadyExistsError extends SfnApiError {
  constructor(message: string) {
    super('ExecutionAlreadyExists', message);
  }
}
export class TaskDoesNotExistError extends SfnApiError {
  constructor(message: string) {
    super('TaskDoesNotExist', message);
  }
}
export class TaskTimedOutError extends SfnApiError {
  constructor(message: string) {
    super('TaskTimedOut', message);
  }
}
export class ValidationError extends SfnApiError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}
