// Errors of the domain: each names the rule it enforces and carries the HTTP status it maps to.
import type { FieldIssue } from '../schemas/validation-error.js';
import { describeIssues } from '../schemas/validation-error.js';

/**
 * Base of every error a person can cause; `rule` is a stable code, `message` is for people. The one way a broken
 * rule is reported: thrown, from the domain up to the HTTP edge, which answers with `status`.
 */
export abstract class CaseworkError extends Error {
  abstract readonly status: number;
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The body is malformed or refers to things that do not exist (400). */
export class ValidationError extends CaseworkError {
  readonly status = 400;
  constructor(readonly issues: FieldIssue[]) {
    super('validation', describeIssues(issues));
  }
}

/** The thing addressed does not exist (404). */
export class NotFoundError extends CaseworkError {
  readonly status = 404;
  constructor(what: string, id: string) {
    super(`${what}.not-found`, `${what} "${id}" does not exist`);
  }
}

/** The actor may not do this to this ticket (403). */
export class ForbiddenError extends CaseworkError {
  readonly status = 403;
}

/** The action is not allowed in the ticket's current state, or a race was lost (409). */
export class ConflictError extends CaseworkError {
  readonly status = 409;
}

/** Well-formed, but a business rule forbids it (422). */
export class RuleViolationError extends CaseworkError {
  readonly status = 422;
}
