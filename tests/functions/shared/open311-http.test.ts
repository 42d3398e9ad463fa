// The Open311 edge: arguments gathered from a form or JSON as the spec's clients send them, replies and errors in JSON
// or XML as the spec writes them.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../domain/errors.js';
import type { ApiEvent } from '../../../functions/shared/http.js';
import { open311Handler, open311Reply, postArguments } from '../../../functions/shared/open311-http.js';
import { lambdaContext } from '../../../local/lambda/lambda-context.js';

const event = (rawPath: string, extra: Partial<ApiEvent> = {}) => ({ rawPath, headers: {}, requestContext: {}, ...extra }) as unknown as ApiEvent;
const form = (body: string, query?: Record<string, string>) => event('/open311/v2/requests.json', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, queryStringParameters: query });

describe('postArguments', () => {
  it('gathers attribute[code] and attribute[code][] under attribute, and takes api_key from the query too', () => {
    const args = postArguments(form('service_code=NBR-001&attribute%5Btitle%5D=%E5%99%AA%E9%9F%B3&attribute%5Btags%5D%5B%5D=a&attribute%5Btags%5D%5B%5D=b', { api_key: 'k' }));
    expect(args).toEqual({ api_key: 'k', service_code: 'NBR-001', attribute: { title: '噪音', tags: ['a', 'b'] } });
  });

  it('reads a JSON body as the same arguments, coordinates as numbers', () => {
    const body = JSON.stringify({ service_code: 'NBR-001', lat: 30.02, long: '121.05', attribute: { urgency: 'danger', tags: ['a'] } });
    expect(postArguments(event('/x', { body, headers: { 'content-type': 'application/json' } }))).toEqual({
      service_code: 'NBR-001',
      lat: '30.02',
      long: '121.05',
      attribute: { urgency: 'danger', tags: ['a'] },
    });
  });

  it('refuses an argument given twice, a number where text belongs, and a body neither form nor JSON', () => {
    expect(() => postArguments(form('phone=1&phone=2'))).toThrow(ValidationError);
    expect(() => postArguments(event('/x', { body: '{"description":5}', headers: { 'content-type': 'application/json' } }))).toThrow(/description: must be text/);
    expect(() => postArguments(event('/x', { body: 'hello', headers: { 'content-type': 'text/plain' } }))).toThrow(/content-type/);
  });
});

describe('open311Reply', () => {
  it('writes XML with the spec’s element names, escaping what a description holds', () => {
    const reply = open311Reply(event('/open311/v2/requests.xml'), 200, 'service_requests', [{ service_request_id: 'T1', description: '<b>A & B</b>' }]);
    expect(reply.headers).toEqual({ 'content-type': 'text/xml; charset=utf-8' });
    expect(reply.body).toBe('<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>T1</service_request_id><description>&lt;b&gt;A &amp; B&lt;/b&gt;</description></request></service_requests>');
    expect(new XMLParser().parse(String(reply.body)).service_requests.request.description).toBe('<b>A & B</b>');
  });

  it('answers JSON for .json, and format= chooses over the extension', () => {
    expect(open311Reply(event('/open311/v2/services.json'), 200, 'services', []).body).toBe('[]');
    expect(open311Reply(event('/open311/v2/services.json', { queryStringParameters: { format: 'xml' } }), 200, 'services', []).headers).toEqual({ 'content-type': 'text/xml; charset=utf-8' });
  });
});

describe('open311Handler', () => {
  it('answers a validation error with one spec error per field, in Chinese unless English is asked for', async () => {
    const handler = open311Handler(async () => {
      throw new ValidationError([
        { path: 'lat', message: 'must be at most 90', zh: '不能大于 90' },
        { path: 'phone', message: 'required', zh: '必填' },
      ]);
    });
    const zh = await handler(event('/open311/v2/requests.json'), lambdaContext({ functionName: 'test' }));
    expect(zh.statusCode).toBe(400);
    expect(JSON.parse(String(zh.body))).toEqual([
      { code: 400, description: 'lat: 不能大于 90' },
      { code: 400, description: 'phone: 必填' },
    ]);
    const en = await handler(event('/open311/v2/requests.json', { headers: { 'accept-language': 'en' } }), lambdaContext({ functionName: 'test' }));
    expect(JSON.parse(String(en.body))[0]).toEqual({ code: 400, description: 'lat: must be at most 90' });
  });
});
