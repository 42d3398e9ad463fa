// Every route's answers, to every role, good and bad requests alike: no webhook secret, no stack trace, no server path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { freePort } from '../../local/runtime/free-port.js';
import { call, login, testRuntime } from './support/runtime.js';
import { noiseComplaint } from '../domain/tickets/world.js';

const secret = 'whsec-never-echo-0123456789';
const leaks: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\n\s+at /],
  ['source file', /\.(ts|mjs|js):\d+/],
  ['server path', /\/(work|var\/task|home|root|tmp)\//],
  ['dependency', /node_modules/],
];

describe('what answers give away', () => {
  let runtime: Runtime;
  let ticketId: string;
  const answers: { request: string; status: number; text: string }[] = [];
  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
    const admin = await login(runtime, 'admin');
    // A webhook nobody listens on: every attempt fails, and after a day it is flagged undelivered.
    const dead = `http://127.0.0.1:${await freePort()}/hook`;
    await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: ['dongmen@haiqiao.example'], webhooks: [{ url: dead, secret }] }, admin);
    ticketId = String((await call(runtime, 'POST', '/v1/tickets', noiseComplaint, await login(runtime, 'operator-1'))).body?.id);
    await runtime.idle();
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 25 * 3600_000));

    const users = ((await call(runtime, 'GET', '/_local/users')).body as unknown as { id: string; role: string }[]).filter(
      (u, i, all) => all.findIndex((v) => v.role === u.role) === i,
    );
    for (const user of users) {
      const token = await login(runtime, user.id);
      for (const route of manifest.routes) {
        const path = route.path.replace('{id}', route.path.startsWith('/v1/units') ? 's-haibin-dongmen' : ticketId);
        const bodies: (string | undefined)[] =
          route.method === 'GET' ? [undefined] : ['{"broken', '{}', JSON.stringify({ type: 'accept' }), JSON.stringify({ resolved: true, satisfied: true })];
        for (const body of bodies) {
          const res = await fetch(`${runtime.api.url}${path}`, { method: route.method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
          answers.push({ request: `${user.role} ${route.method} ${path} ${body ?? ''}`, status: res.status, text: await res.text() });
        }
      }
    }
  }, 120_000);
  afterAll(() => runtime?.stop());

  it('walked every route as every role, and the undelivered list and delivery log had failures to show', () => {
    expect(new Set(answers.map((a) => a.request.split(' ').slice(1, 3).join(' '))).size).toBeGreaterThanOrEqual(manifest.routes.length);
    const undelivered = answers.find((a) => a.request.startsWith('supervisor GET /v1/notifications/undelivered'));
    expect(undelivered?.text).toContain(ticketId);
    const ticket = answers.find((a) => a.request.startsWith(`supervisor GET /v1/tickets/${ticketId}`));
    expect(ticket?.text).toContain('"ok":false');
  });

  it('never reads the stream barrier’s reserved item as a ticket (no id has its form), and answers 404 for an id that is no ticket', async () => {
    const token = await login(runtime, 'supervisor-1');
    const reserved = await call(runtime, 'GET', `/v1/tickets/${encodeURIComponent('~casework-stream-barrier')}`, undefined, token);
    expect(reserved.status).toBe(400);
    expect(reserved.body).toMatchObject({ issues: [{ path: 'id' }] });
    expect((await call(runtime, 'GET', '/v1/tickets/T20261123-NOSUCH', undefined, token)).status).toBe(404);
  });

  it('never echoes a webhook secret, only that one is set', () => {
    expect(answers.filter((a) => a.text.includes(secret)).map((a) => a.request)).toEqual([]);
    const read = answers.find((a) => a.request.startsWith('admin GET /v1/units/s-haibin-dongmen/subscriptions'));
    expect(JSON.parse(read?.text ?? '{}')).toMatchObject({ webhooks: [{ secretSet: true }] });
  });

  it('never shows a stack trace or a path on the server, and never answers 500', () => {
    const found = answers.flatMap((a) => leaks.filter(([, pattern]) => pattern.test(a.text)).map(([what]) => `${what}: ${a.request}: ${a.text.slice(0, 200)}`));
    expect(found).toEqual([]);
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.request} -> ${a.status}`)).toEqual([]);
  });
});
