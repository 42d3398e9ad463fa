// Webhook targets under the production policy (no loopback), on the real runtime: an address that is not public is
// refused when subscribed and again when delivered, nothing is sent to it, and it is given up on at once; a unit's
// people read their own deliveries only, without where they went.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { noiseComplaint } from '../domain/tickets/world.js';
import { mailbox } from '../workflows/support/stories.js';
import { call, login, testRuntime } from './support/runtime.js';

const secret = 'whsec-dongmen-0123456789';

interface Attempt {
  deliveryId: string;
  unitId: string;
  channel?: string;
  attempt?: number;
  ok?: boolean;
  target?: string;
  error?: string;
}

/** A TCP listener on loopback that only counts who connects: a delivery that reached it was sent. */
async function listener() {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('webhook targets as production sees them', () => {
  let runtime: Runtime;
  let local: Awaited<ReturnType<typeof listener>>;
  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z', allowWebhookLoopback: false });
    local = await listener();
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    await local?.close();
  });

  it('refuses the cloud metadata service as a webhook, in any spelling, naming the field in Chinese and English', async () => {
    const admin = await login(runtime, 'admin');
    const put = (url: string, language = 'zh') =>
      call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { webhooks: [{ url, secret }] }, admin, { 'accept-language': language });

    const metadata = await put('http://169.254.169.254/latest/meta-data/');
    const inEnglish = await put('http://169.254.169.254/latest/meta-data/', 'en');

    expect(metadata.status).toBe(400);
    expect(metadata.body?.message).toBe('webhooks[0].url: 不能指向链路本地地址（169.254.169.254），只允许公网地址');
    expect(inEnglish.body?.message).toBe('webhooks[0].url: must not point to a link-local address (169.254.169.254): only public addresses are allowed');
    for (const url of ['https://2852039166/latest/meta-data/', 'https://0xA9FEA9FE/', 'https://[::ffff:169.254.169.254]/', 'https://[fd00:ec2::254]/latest/meta-data/', 'https://10.0.0.5/hook', `https://localhost:${local.port}/hook`, `https://127.0.0.1:${local.port}/hook`, 'https://user:pass@hooks.haiqiao.example/hook', 'http://hooks.haiqiao.example/hook']) {
      const answer = await put(url);
      expect([url, answer.status, (answer.body?.issues as { path: string }[] | undefined)?.map((i) => i.path)]).toEqual([url, 400, ['webhooks[0].url']]);
    }
    expect((await call(runtime, 'GET', '/v1/units/s-haibin-dongmen/subscriptions', undefined, admin)).body).toMatchObject({ webhooks: [] });
  });

  it('accepts a public https host by name: its addresses are checked when it is delivered to', async () => {
    const admin = await login(runtime, 'admin');

    const put = await call(runtime, 'PUT', '/v1/units/dept-water/subscriptions', { webhooks: [{ url: 'https://hooks.water.haiqiao.example/casework', secret }] }, admin);

    expect(put.status).toBe(200);
    await call(runtime, 'PUT', '/v1/units/dept-water/subscriptions', { webhooks: [] }, admin);
  });

  describe('a ticket whose street kept targets from before the check', () => {
    let id: string;
    beforeAll(async () => {
      const admin = await login(runtime, 'admin');
      // Stored as they were before targets were checked (or as a host's DNS answers later): the delivery checks again.
      const { directory } = await import('../../functions/shared/services.js');
      await directory.putSubscriptions('s-haibin-dongmen', {
        emails: ['dongmen@haiqiao.example'],
        webhooks: [
          { url: `https://localhost:${local.port}/casework`, secret },
          { url: 'http://169.254.169.254/latest/meta-data/', secret },
        ],
      });
      await call(runtime, 'PUT', '/v1/units/supervision/subscriptions', { emails: ['duty@supervision.haiqiao.example'] }, admin);
      await call(runtime, 'PUT', '/v1/units/dept-urban-management/subscriptions', { emails: ['urban@haiqiao.example'] }, admin);
      const created = await call(runtime, 'POST', '/v1/tickets', noiseComplaint, await login(runtime, 'operator-1'));
      id = String(created.body?.id);
      await runtime.idle();
    });

    it('sends nothing to them, records each as refused once and gives it up at once for the supervision office', async () => {
      const seen = await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(runtime, 'supervisor-1'));
      const attempts = (seen.body?.notifications as Attempt[]).filter((n) => n.channel === 'webhook');
      const undelivered = await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, await login(runtime, 'supervisor-1'));

      expect(local.connections).toBe(0);
      expect(attempts.map((a) => [a.deliveryId.slice(-8), a.attempt, a.ok, a.error])).toEqual([
        ['webhook0', 1, false, 'target refused: must not point to this machine (localhost): only public hosts are allowed'],
        ['webhook1', 1, false, 'target refused: must not point to a link-local address (169.254.169.254): only public addresses are allowed'],
      ]);
      expect((undelivered.body?.items as Attempt[]).filter((i) => i.deliveryId.startsWith(id)).map((i) => i.deliveryId.slice(-8)).sort()).toEqual(['webhook0', 'webhook1']);
      expect((await mailbox(runtime)).filter((m) => m.subject === `【12345】通知未送达：${id}`)).toHaveLength(2);
      for (const user of ['clerk-haibin-dongmen', 'coordinator-haibin']) {
        expect((await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, await login(runtime, user))).status).toBe(403);
      }
    });

    it("shows the street's clerk its own deliveries without where they went, and a department called in only its own", async () => {
      const clerk = await login(runtime, 'clerk-haibin-dongmen');
      await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk);
      await runtime.idle();
      const whistled = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '占道经营需城管到场' }, clerk);
      expect(whistled.status).toBe(200);
      await runtime.idle();

      const street = await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, clerk);
      const department = await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(runtime, 'clerk-urban-management'));
      const supervisor = await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(runtime, 'supervisor-1'));

      const streetLog = street.body?.notifications as Attempt[];
      expect(streetLog.length).toBeGreaterThanOrEqual(3);
      expect(new Set(streetLog.map((n) => n.unitId))).toEqual(new Set(['s-haibin-dongmen']));
      expect(streetLog.filter((n) => 'target' in n)).toEqual([]);
      expect(streetLog.filter((n) => n.channel === 'webhook').map((n) => n.error)).toEqual(['refused', 'refused']);
      expect(JSON.stringify(streetLog)).not.toMatch(/localhost|169\.254|dongmen@/);
      const departmentLog = department.body?.notifications as Attempt[];
      expect(departmentLog.length).toBeGreaterThanOrEqual(1);
      expect(new Set(departmentLog.map((n) => n.unitId))).toEqual(new Set(['dept-urban-management']));
      expect(departmentLog.filter((n) => 'target' in n)).toEqual([]);
      expect((supervisor.body?.notifications as Attempt[]).map((n) => n.target)).toEqual(expect.arrayContaining([`https://localhost:${local.port}/casework`, 'urban@haiqiao.example']));
    });
  });
});
