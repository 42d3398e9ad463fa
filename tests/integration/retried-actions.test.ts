// A client cut off mid-request retries it: with the same Idempotency-Key a ticket action applies once, and the retry
// answers with what the first attempt applied (issue 15: "retries apply nothing twice").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { noiseComplaint } from '../domain/tickets/world.js';
import { call, login, testRuntime } from './support/runtime.js';

let runtime: Runtime;
let operator: string;
let clerk: string;
let otherClerk: string;

beforeAll(async () => {
  runtime = await testRuntime();
  operator = await login(runtime, 'operator-1');
  clerk = await login(runtime, 'clerk-haibin-dongmen');
  otherClerk = await login(runtime, 'clerk-qiaodong-jiefang');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

async function newTicket(): Promise<string> {
  const res = await call(runtime, 'POST', '/v1/tickets', noiseComplaint, operator);
  expect(res.status).toBe(201);
  await runtime.idle();
  return String(res.body?.id);
}

const timelineTypes = async (id: string) =>
  ((await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, operator)).body?.timeline as { type: string }[]).map((e) => e.type);

describe('a ticket action retried with the same Idempotency-Key', () => {
  it('applies once; the retry answers 200 with the first attempt’s events and says it is a replay', async () => {
    const id = await newTicket();
    const key = { 'idempotency-key': `accept-${id}` };
    const first = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk, key);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ id, status: 'accepted', version: first.body?.version, events: first.body?.events });
    expect((await timelineTypes(id)).filter((t) => t === 'ticket.accepted')).toHaveLength(1);
  });

  it('without the key, the same retry is refused as the state conflict it is', async () => {
    const id = await newTicket();
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk)).status).toBe(200);
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk)).status).toBe(409);
  });

  it('a callback retried after the ticket moved on still answers with what it applied, once', async () => {
    const id = await newTicket();
    await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk);
    await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'resolve', reply: '已协调停工' }, clerk);
    await runtime.idle();
    const key = { 'idempotency-key': `callback-${id}` };
    const body = { resolved: true, satisfied: true };
    const first = await call(runtime, 'POST', `/v1/tickets/${id}/callback`, body, operator, key);
    expect(first.status).toBe(200);
    await runtime.idle();
    const retry = await call(runtime, 'POST', `/v1/tickets/${id}/callback`, body, operator, key);
    expect(retry.status).toBe(200);
    expect(retry.body?.events).toEqual(first.body?.events);
    expect((await timelineTypes(id)).filter((t) => t === 'ticket.callback-recorded')).toHaveLength(1);
  });

  it('the same key with another body, or on another ticket, is a 422 that changes nothing', async () => {
    const id = await newTicket();
    const key = { 'idempotency-key': `reused-${id}` };
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk, key)).status).toBe(200);
    const other = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'resolve', reply: '已处理' }, clerk, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ rule: 'idempotency.key-reused', message: expect.stringContaining('Idempotency-Key') });
    const second = await newTicket();
    expect((await call(runtime, 'POST', `/v1/tickets/${second}/actions`, { type: 'accept' }, clerk, key)).status).toBe(422);
    expect((await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, operator)).body).toMatchObject({ status: 'accepted' });
    expect((await call(runtime, 'GET', `/v1/tickets/${second}`, undefined, operator)).body).toMatchObject({ status: 'dispatched' });
  });

  it('is the caller’s own key: a retry by one who may not read the ticket learns nothing from it', async () => {
    const id = await newTicket();
    const key = { 'idempotency-key': `mine-${id}` };
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk, key)).status).toBe(200);
    const stranger = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, otherClerk, key);
    expect(stranger.status).toBe(403);
    expect(stranger.text).not.toContain('accepted');
  });
});
