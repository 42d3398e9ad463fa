// A department's webhook receiver down for six hours (issue 15): the delivery is retried through the outage, arrives
// once it is back, under the one delivery id, and is not given up on.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { noiseComplaint } from './support/stories.js';

const HOUR = 3600_000;
let runtime: Runtime;
const received: { delivery: string; event: string }[] = [];

const handle = (req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  req.on('end', () => {
    received.push({ delivery: String(req.headers['casework-delivery']), event: String(req.headers['casework-event']) });
    res.writeHead(204).end();
  });
};

function listen(port = 0): Promise<Server> {
  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

beforeAll(async () => {
  runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

it('retries through a six-hour outage of the receiver (connections refused) and delivers once it is back', async () => {
  const first = await listen();
  const port = (first.address() as AddressInfo).port;
  const admin = await login(runtime, 'admin');
  const put = await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { webhooks: [{ url: `http://127.0.0.1:${port}/casework`, secret: 'whsec-dongmen-0123456789' }] }, admin);
  expect(put.status).toBe(200);
  // The receiver goes down: nothing listens on its port for six hours of the clock.
  await new Promise((r) => first.close(r));

  const created = await call(runtime, 'POST', '/v1/tickets', noiseComplaint, await login(runtime, 'operator-1'));
  const id = String(created.body?.id);
  await runtime.idle();
  const start = runtime.clock.now().getTime();
  await runtime.advanceTo(new Date(start + 6 * HOUR));
  expect(received).toEqual([]);

  const back = await listen(port);
  try {
    // Retries back off; within a few hours more the next one finds the receiver up.
    await runtime.advanceTo(new Date(start + 12 * HOUR));
    const dispatched = received.filter((r) => r.event === 'ticket.dispatched');
    expect(dispatched).toHaveLength(1);

    const ticket = (await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(runtime, 'supervisor-1'))).body as { notifications: { channel: string; ok: boolean; deliveryId: string }[] };
    const attempts = ticket.notifications.filter((n) => n.channel === 'webhook' && n.deliveryId === dispatched[0]!.delivery);
    expect(attempts.length).toBeGreaterThan(3);
    expect(attempts.filter((a) => a.ok)).toHaveLength(1);
    expect(attempts.at(-1)?.ok).toBe(true);
    const undelivered = await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, await login(runtime, 'supervisor-1'));
    expect(undelivered.body?.items).not.toContainEqual(expect.objectContaining({ ticketId: id }));
  } finally {
    await new Promise((r) => back.close(r));
  }
});
