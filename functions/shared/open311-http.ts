// The HTTP edge of the Open311 routes: the format asked for (.json/.xml, or format=), the spec's error array, the
// arguments of a form or JSON body, and the API key that names the client.
import middy from '@middy/core';
import { XMLBuilder } from 'fast-xml-parser';
import type { z } from 'zod';
import { hashApiKey } from '../../domain/open311/api-key.js';
import { CaseworkError, ForbiddenError, UnsupportedMediaTypeError, ValidationError } from '../../domain/errors.js';
import { describeIssues } from '../../schemas/validation-error.js';
import { type ApiEvent, type ApiResult, parseNamed, preferredLanguage } from './http.js';
import { logger, withLogging } from './logger.js';

export type Open311Format = 'json' | 'xml';

/** The format of the reply: `format=xml|json` when given (the query wins), else the path's extension, else JSON. */
export function open311Format(event: ApiEvent): Open311Format {
  const asked = event.queryStringParameters?.format;
  if (asked === 'xml' || asked === 'json') return asked;
  return /\.xml$/i.test(event.rawPath) ? 'xml' : 'json';
}

/** A path parameter's value without its format extension (`NBR-001.json` -> `NBR-001`). */
export function withoutExtension(value: string | undefined): string {
  return (value ?? '').replace(/\.(json|xml)$/i, '');
}

// The element a list's items are named by in XML, where the spec names them (services -> service, …).
const itemNames: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };
const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });

/** A value as the builder's tree: a list becomes repeated elements named by `itemNames`. */
function xmlTree(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return { [item]: value.map((v) => xmlTree(v, item)) };
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlTree(v, k)]));
  return value;
}

/** The spec's reply: JSON as is, or XML under `root` (a list's root names its items: services, service_requests…). */
export function open311Reply(event: ApiEvent, statusCode: number, root: string, body: unknown): ApiResult {
  if (open311Format(event) === 'json') return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
  const xml = builder.build({ [root]: xmlTree(body, root) }) as string;
  return { statusCode, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: `<?xml version="1.0" encoding="utf-8"?>${xml}` };
}

/** Wraps an Open311 handler: a CaseworkError becomes the spec's error array, one entry per field that is wrong. */
export function open311Handler(fn: (event: ApiEvent) => Promise<ApiResult>) {
  return middy<ApiEvent, ApiResult>(fn).use(withLogging()).use({
    onError: async (request) => {
      const error = request.error;
      const event = request.event;
      if (!(error instanceof CaseworkError)) {
        logger.error('unhandled error', error as Error);
        request.response = open311Reply(event, 500, 'errors', [{ code: 500, description: 'something went wrong; it has been logged' }]);
        return;
      }
      const language = preferredLanguage(event.headers?.['accept-language']);
      const descriptions =
        error instanceof ValidationError ? error.issues.map((issue) => describeIssues([issue], language)) : [error.text[language]];
      request.response = open311Reply(
        event,
        error.status,
        'errors',
        descriptions.map((description) => ({ code: error.status, description })),
      );
      request.response.headers = { ...request.response.headers, 'content-language': language === 'zh' ? 'zh-CN' : 'en' };
    },
  });
}

/** Checks arguments with a schema: a 400 naming each argument otherwise. */
export function parseArguments<S extends z.ZodType>(args: Record<string, unknown>, schema: S): z.output<S> {
  return parseNamed(args, schema, { message: 'is not an argument of this method', zh: '不是此方法的参数' });
}

const formType = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const jsonType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * The arguments of a POST: the query string's and the body's (a form, as the spec's clients send, or JSON), with
 * `attribute[code]` (and `attribute[code][]`) gathered under `attribute`.
 */
export function postArguments(event: ApiEvent): Record<string, unknown> {
  const pairs: [string, string][] = Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => [k, v ?? '']);
  const text = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const type = event.headers?.['content-type'] ?? '';
  if (text !== '' && formType.test(type)) pairs.push(...new URLSearchParams(text).entries());
  else if (text !== '' && jsonType.test(type)) pairs.push(...jsonPairs(text));
  else if (text !== '') {
    throw new UnsupportedMediaTypeError('open311.body-type', {
      zh: 'content-type：请求体应为表单（application/x-www-form-urlencoded）或 JSON',
      en: 'content-type: the body must be a form (application/x-www-form-urlencoded) or JSON',
    });
  }
  const args: Record<string, unknown> = {};
  const attribute: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const code = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (code?.[1] !== undefined) {
      const held = attribute[code[1]];
      attribute[code[1]] = code[2] || held !== undefined ? [...(held === undefined ? [] : [held].flat()), value] : value;
    } else if (args[name] !== undefined) {
      throw new ValidationError([{ path: name, message: 'is given more than once', zh: '重复提供' }]);
    } else {
      args[name] = value;
    }
  }
  return Object.keys(attribute).length > 0 ? { ...args, attribute } : args;
}

/** A JSON body's fields as form pairs: numbers and booleans as their text, an `attribute` object as `attribute[code]`. */
function jsonPairs(json: string): [string, string][] {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    throw new ValidationError([{ path: '(body)', message: 'is not valid JSON', zh: '不是有效的 JSON' }]);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: '(body)', message: 'must be an object of arguments', zh: '应为参数对象' }]);
  }
  // As a form would carry them: text, and numbers only for the coordinates.
  const text = (path: string, value: unknown, numeric = false): string => {
    if (typeof value === 'string' || (numeric && typeof value === 'number')) return String(value);
    throw new ValidationError([{ path, message: numeric ? 'must be a number or text' : 'must be text', zh: numeric ? '应为数字或文字' : '应为文字' }]);
  };
  return Object.entries(body).flatMap(([name, value]): [string, string][] => {
    if (name !== 'attribute') return [[name, text(name, value, name === 'lat' || name === 'long')]];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError([{ path: 'attribute', message: 'must be an object of attribute codes', zh: '应为以属性代码为键的对象' }]);
    }
    return Object.entries(value).flatMap(([code, v]): [string, string][] =>
      Array.isArray(v) ? v.map((x): [string, string] => [`attribute[${code}][]`, text(`attribute.${code}`, x)]) : [[`attribute[${code}]`, text(`attribute.${code}`, v)]],
    );
  });
}

/** The client an API key names, by its hash; a 403 for a key missing, unknown or removed. */
export async function requireClient(key: unknown, clientOf: (hash: string) => Promise<string | undefined>): Promise<string> {
  const client = typeof key === 'string' && key !== '' && key.length <= 200 ? await clientOf(hashApiKey(key)) : undefined;
  if (client) return client;
  throw new ForbiddenError('open311.api-key', {
    zh: `api_key：${key === undefined || key === '' ? '缺少 API 密钥' : 'API 密钥无效或已停用'}；请向市12345热线办的系统管理员申请`,
    en: `api_key: ${key === undefined || key === '' ? 'missing' : 'not valid, or revoked'}; ask the city hotline office's administrator for one`,
  });
}
