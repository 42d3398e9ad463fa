// Errors of the domain: each names the rule it enforces and carries the HTTP status it maps to.
import type { FieldIssue } from '../schemas/validation-error.js';
import { describeIssues } from '../schemas/validation-error.js';

/** A text people read, in Simplified Chinese (the default) and English. */
export interface Text {
  zh: string;
  en: string;
}
export type Language = keyof Text;

/**
 * Base of every error a person can cause; `rule` is a stable id (`extension.too-long`), `text` what people read in
 * either language. The one way a broken rule is reported: thrown, from the domain up to the HTTP edge, which answers
 * with `status` in the language the request asks for.
 */
export abstract class CaseworkError extends Error {
  abstract readonly status: number;
  readonly text: Text;
  constructor(
    readonly rule: string,
    text: Text,
  ) {
    super(text.en);
    this.text = text;
    this.name = new.target.name;
  }
}

/** The body is malformed or refers to things that do not exist (400). */
export class ValidationError extends CaseworkError {
  readonly status = 400;
  constructor(readonly issues: FieldIssue[]) {
    super('validation', { zh: describeIssues(issues, 'zh'), en: describeIssues(issues, 'en') });
  }
}

const things: Record<string, string> = { ticket: '工单', unit: '单位', panel: '会商', 'panel-member': '会商成员', campaign: '清零月度台账', entry: '台账条目', category: '诉求类别', 'open311-client': 'Open311 客户端', 'service-request': '服务请求', service: '服务' };

/** The body is in a form the API does not read: it reads JSON only (415). */
export class UnsupportedMediaTypeError extends CaseworkError {
  readonly status = 415;
}

/** The thing addressed does not exist (404). */
export class NotFoundError extends CaseworkError {
  readonly status = 404;
  constructor(what: string, id: string) {
    super(`${what}.not-found`, { zh: `${things[what] ?? what}“${id}”不存在`, en: `${what} "${id}" does not exist` });
  }
}

/** Nothing answers to what was given, said without telling which part did not fit (404). */
export class NoMatchError extends CaseworkError {
  readonly status = 404;
}

/** Too many tries in a short time (429). */
export class TooManyRequestsError extends CaseworkError {
  readonly status = 429;
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
