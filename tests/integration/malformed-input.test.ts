// Malformed paths and parameters are the caller's mistake: a 400 that names what is wrong, never a 500 (issue 15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { noiseComplaint } from '../domain/tickets/world.js';
import { call, login, testRuntime } from './support/runtime.js';

let runtime: Runtime;
let supervisor: string;

beforeAll(async () => {
  runtime = await testRuntime();
  supervisor = await login(runtime, 'supervisor-1');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('a path whose percent-encoding is not UTF-8', () => {
  it.each([
    ['GET', '/v1/tickets/%E0%A4%A'],
    ['GET', '/v1/tickets/%E0%A4%A/workflow'],
    ['POST', '/v1/tickets/%ZZ/actions'],
    ['GET', '/v1/panels/%ZZ'],
    ['GET', '/v1/zeroing/campaigns/%E0%A4%A'],
    ['PUT', '/v1/units/%E0/subscriptions'],
    ['GET', '/v1/progress/%E0%A4?phone=1234'],
  ])('%s %s answers 400 naming the path', async (method, path) => {
    const res = await call(runtime, method, path, method === 'GET' ? undefined : {}, supervisor);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'ValidationError', message: expect.stringContaining('(path)') });
  });

  it('a page of the web app with such a path is the app itself, which says there is no such page', async () => {
    const res = await call(runtime, 'GET', '/tickets%E0%A4%A');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="app">');
  });
});

describe('a path parameter out of its form', () => {
  it.each([
    ['GET', `/v1/tickets/${'x'.repeat(65)}`, 'id'],
    ['GET', '/v1/tickets/T1%20OR%201=1', 'id'],
    ['GET', `/v1/tickets/${'x'.repeat(3000)}/workflow`, 'id'],
    ['POST', `/v1/tickets/${'x'.repeat(65)}/actions`, 'id'],
    ['GET', `/v1/panels/${'p'.repeat(65)}`, 'id'],
    ['POST', `/v1/panels/${'p'.repeat(65)}/votes`, 'id'],
    ['GET', '/v1/zeroing/campaigns/2026-13', 'month'],
    ['GET', '/v1/zeroing/campaigns/2026-1/entries', 'month'],
    ['GET', `/v1/progress/${'x'.repeat(65)}?phone=0001`, 'id'],
  ])('%s %s answers 400 naming %s, in Chinese by default', async (method, path, field) => {
    const res = await call(runtime, method, path, method === 'GET' ? undefined : {}, supervisor);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'ValidationError', issues: [{ path: field, message: expect.stringMatching(/^应为/) }] });
  });

  it("an administrator's unit id with a slash in it answers 400 naming it", async () => {
    const res = await call(runtime, 'GET', '/v1/units/a%2Fb/subscriptions', undefined, await login(runtime, 'admin'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ issues: [{ path: 'id' }] });
  });

  it('names it in English when asked', async () => {
    const res = await call(runtime, 'GET', `/v1/tickets/${'x'.repeat(65)}`, undefined, supervisor, { 'accept-language': 'en' });
    expect(res.body).toMatchObject({ issues: [{ path: 'id', message: 'must be 1-64 letters, digits, ".", "_" or "-"' }] });
  });
});

describe('a forged paging cursor', () => {
  it.each(['/v1/tickets?cursor=garbage', '/v1/tickets?queue=open&cursor=eyJpZCI6MX0', '/v1/zeroing/campaigns/2026-11/entries?cursor=garbage'])('%s answers 400 naming the cursor', async (path) => {
    const res = await call(runtime, 'GET', path, undefined, supervisor);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ issues: [{ path: 'cursor' }] });
  });
});

describe('a query parameter the route does not have', () => {
  // A typo would otherwise widen the listing silently: /v1/panels answered every panel of the month to `?staus=open`.
  it.each(['/v1/panels?staus=open', '/v1/tickets?stauts=open', '/v1/metrics/units?mnth=2026-11'])('%s answers 400 naming it', async (path) => {
    const res = await call(runtime, 'GET', path, undefined, supervisor);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ issues: [{ path: path.split('?')[1]?.split('=')[0], message: '不是此接口的参数' }] });
  });
});

describe("a citizen's progress lookup with more or less than four digits", () => {
  it('answers 400 naming the phone, in Chinese (it read 格式不正确（regex）)', async () => {
    const res = await call(runtime, 'GET', '/v1/progress/T20261123-NOSUCH?phone=12');
    expect(res.body).toMatchObject({ issues: [{ path: 'phone', message: '应为手机号后四位' }] });
  });
});

describe('an Idempotency-Key out of its form', () => {
  // A key of the IdempotencyKeys table: past 2,048 bytes DynamoDB refuses it, which answered 500.
  it.each([['3,000 characters long', 'k'.repeat(3000)], ['empty', ''], ['with a space', 'my key']])('%s answers 400 naming the header, and opens no ticket', async (_what, key) => {
    const operator = await login(runtime, 'operator-1');
    const before = await call(runtime, 'GET', '/v1/tickets?limit=200', undefined, supervisor);

    const res = await call(runtime, 'POST', '/v1/tickets', noiseComplaint, operator, { 'idempotency-key': key, 'accept-language': 'en' });

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ issues: [{ path: 'idempotency-key', message: 'must be 1-128 printable ASCII characters' }] });
    expect((await call(runtime, 'GET', '/v1/tickets?limit=200', undefined, supervisor)).body).toEqual(before.body);
  });
});
