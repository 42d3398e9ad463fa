// The HTTP edge of every API handler: middy, JSON responses, and domain errors mapped to their status.
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { CaseworkError, type Language, UnsupportedMediaTypeError, ValidationError } from '../../domain/errors.js';
import { fieldIssues } from '../../schemas/validation-error.js';
import { logger, withLogging } from './logger.js';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** A JSON response. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/**
 * A JSON response a poller may already hold: tagged with a hash of `tagged` (the body, or the part of it whose change
 * matters), and a request naming that tag in If-None-Match gets a 304 with no body. `no-cache`: always ask again.
 */
export function revalidatedJson(event: ApiEvent, body: unknown, tagged: unknown = body): ApiResult {
  const etag = `"${createHash('sha256').update(JSON.stringify(tagged)).digest('base64url')}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  // Comparison for If-None-Match is weak: a W/ tag matches its strong twin.
  const held = (event.headers?.['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (held.includes(etag) || held.includes('*')) return { statusCode: 304, headers };
  return json(200, body, headers);
}

/** A path parameter checked by its schema (an id's characters and length, a month's form): a 400 naming it otherwise. */
export function pathParameter<S extends z.ZodType>(event: ApiEvent, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(event.pathParameters?.[name] ?? '');
  if (parsed.success) return parsed.data;
  throw new ValidationError(fieldIssues(parsed.error).map((issue) => ({ ...issue, path: name })));
}

/** A request header checked by its schema: a 400 naming the header otherwise. */
export function parseHeader<S extends z.ZodType>(event: ApiEvent, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(event.headers?.[name]);
  if (parsed.success) return parsed.data;
  throw new ValidationError(fieldIssues(parsed.error).map((issue) => ({ ...issue, path: name })));
}

/** True when the request asks for a spreadsheet (`Accept: text/csv`). */
export const wantsCsv = (event: ApiEvent): boolean => /text\/csv/i.test(event.headers?.accept ?? '');

/** A CSV download named `filename`. */
export function csv(body: string, filename: string): ApiResult {
  return { statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` }, body };
}

// application/json and its kin (merge-patch+json), with or without parameters; media types ignore case.
const jsonMediaType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Parses the request body with a schema; a malformed body is a 400 naming each field. A body is read only when it
 * says it is JSON: one sent as text or as a form (what fetch and curl send unless told) answers 415.
 */
export function parseBody<S extends z.ZodType>(event: ApiEvent, schema: S): z.output<S> {
  const type = event.headers?.['content-type'];
  if (event.body !== undefined && event.body !== '' && !jsonMediaType.test(type ?? '')) {
    const given = type === undefined ? undefined : JSON.stringify(type.slice(0, 80));
    throw new UnsupportedMediaTypeError('body.json-only', {
      zh: `content-type：请求体应为 JSON（application/json），${given ? `而不是 ${given}` : '未注明类型'}`,
      en: `content-type: must be application/json, not ${given ?? 'missing'}`,
    });
  }
  let raw: unknown;
  try {
    raw = event.body === undefined || event.body === '' ? undefined : JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);
  } catch {
    throw new ValidationError([{ path: '(body)', message: 'is not valid JSON', zh: '不是有效的 JSON' }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error));
  return parsed.data;
}

/** Parses the query string with a schema; a malformed or unknown parameter is a 400 naming it. */
export function parseQuery<S extends z.ZodType>(event: ApiEvent, schema: S): z.output<S> {
  return parseNamed(event.queryStringParameters ?? {}, schema, { message: 'is not a parameter of this route', zh: '不是此接口的参数' });
}

/**
 * Parses named values (a query string, a form) with a strict schema: a 400 naming each one that is malformed, and each
 * unknown one by its own name with `unknown` as the reason (a typo would otherwise be ignored silently).
 */
export function parseNamed<S extends z.ZodType>(values: unknown, schema: S, unknown: { message: string; zh: string }): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const described = fieldIssues(parsed.error);
  const issues = parsed.error.issues.flatMap((issue, i) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ path: key, ...unknown })) : described.slice(i, i + 1),
  );
  throw new ValidationError(issues);
}

/** Chinese unless the request prefers English (`Accept-Language: en`, by its q-values); people here read Chinese first. */
export function preferredLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.tag.startsWith('zh') || l.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') && ranked[0].q > 0 ? 'en' : 'zh';
}

/** Wraps a handler: a CaseworkError becomes its status with `{error, rule, message, issues?}`; anything else is a 500. */
export function httpHandler(fn: (event: ApiEvent) => Promise<ApiResult>) {
  return middy<ApiEvent, ApiResult>(fn).use(withLogging()).use({
    onError: async (request) => {
      const error = request.error;
      if (error instanceof CaseworkError) {
        const language = preferredLanguage(request.event.headers?.['accept-language']);
        request.response = json(
          error.status,
          {
            error: error.name,
            rule: error.rule,
            message: error.text[language],
            ...(error instanceof ValidationError ? { issues: error.issues.map((i) => ({ path: i.path, message: language === 'zh' ? (i.zh ?? i.message) : i.message })) } : {}),
          },
          { 'content-language': language === 'zh' ? 'zh-CN' : 'en' },
        );
        return;
      }
      logger.error('unhandled error', error as Error);
      request.response = json(500, { error: 'InternalError', message: 'something went wrong; it has been logged' });
    },
  });
}
