import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiGateway, startApiGateway } from '../../../local/api-gateway/api-gateway.js';
import { type LocalIssuer, createLocalIssuer } from '../../../local/auth/local-issuer.js';
import { demoUser } from '../../../local/seed/demo-city.js';

const now = new Date('2026-11-23T02:00:00Z');

describe('the local API Gateway', () => {
  let gateway: ApiGateway;
  let issuer: LocalIssuer;
  const received: APIGatewayProxyEventV2WithJWTAuthorizer[] = [];

  beforeAll(async () => {
    issuer = await createLocalIssuer();
    gateway = await startApiGateway({
      port: 0,
      now: () => now,
      routes: [
        { method: 'POST', path: '/v1/tickets/{id}/actions', function: 'act', auth: true },
        { method: 'GET', path: '/v1/tickets/overdue', function: 'overdue', auth: true },
        { method: 'GET', path: '/v1/tickets/{id}', function: 'get', auth: true },
        { method: 'GET', path: '/health', function: 'health', auth: false },
        { method: 'GET', path: '/v1/board', function: 'board', auth: false },
      ],
      verify: async (token) => (await issuer.verify(token, now)) as Record<string, string>,
      invoke: async (fn, event) => {
        received.push(event as APIGatewayProxyEventV2WithJWTAuthorizer);
        if (fn === 'health') return { ok: true };
        if (fn === 'board') {
          const held = (event as APIGatewayProxyEventV2WithJWTAuthorizer).headers['if-none-match'] === '"v1"';
          return held ? { statusCode: 304, headers: { ETag: '"v1"', 'Cache-Control': 'no-cache' } } : { statusCode: 200, headers: { ETag: '"v1"' }, body: '{"open":1}' };
        }
        return { statusCode: 202, headers: { 'X-Fn': fn }, body: JSON.stringify({ fn }) };
      },
    });
  });
  afterAll(() => gateway.stop());

  it('passes path parameters, body and the JWT claims as API Gateway would', async () => {
    const token = await issuer.issue(demoUser('clerk-water'), now);

    const res = await fetch(`${gateway.url}/v1/tickets/T-42/actions?dry=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'accept' }),
    });

    expect(res.status).toBe(202);
    expect(res.headers.get('x-fn')).toBe('act');
    const event = received.at(-1);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/tickets/{id}/actions',
      rawPath: '/v1/tickets/T-42/actions',
      pathParameters: { id: 'T-42' },
      queryStringParameters: { dry: '1' },
      body: '{"type":"accept"}',
      isBase64Encoded: false,
    });
    expect(event?.requestContext.authorizer.jwt.claims).toMatchObject({
      sub: 'clerk-water',
      'custom:role': 'clerk',
      'custom:unitId': 'dept-water',
    });
  });

  it('prefers a literal route over a parameter', async () => {
    const token = await issuer.issue(demoUser('supervisor-1'), now);
    const res = await fetch(`${gateway.url}/v1/tickets/overdue`, { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual({ fn: 'overdue' });
  });

  it('answers 401 without a valid token and never calls the function', async () => {
    const before = received.length;
    // A clerk's token with the role changed to admin: the signature no longer matches.
    const [header, payload, signature] = (await issuer.issue(demoUser('clerk-water'), now)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, 'custom:role': 'admin' })).toString('base64url'), signature].join('.');

    expect((await fetch(`${gateway.url}/v1/tickets/T-1`)).status).toBe(401);
    expect((await fetch(`${gateway.url}/v1/tickets/T-1`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    expect(received.length).toBe(before);
  });

  it('passes If-None-Match to the function and its bodiless 304 back, with the ETag', async () => {
    const first = await fetch(`${gateway.url}/v1/board`);
    const etag = first.headers.get('etag');
    expect([first.status, etag, await first.text()]).toEqual([200, '"v1"', '{"open":1}']);

    const again = await fetch(`${gateway.url}/v1/board`, { headers: { 'if-none-match': etag ?? '' } });

    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe('"v1"');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('content-length')).toBeNull();
    expect(await again.text()).toBe('');
  });

  it('serves public routes without a token, and 404/405 for the rest', async () => {
    expect(await (await fetch(`${gateway.url}/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${gateway.url}/v2/nothing`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/health`, { method: 'DELETE' })).status).toBe(405);
  });
});
