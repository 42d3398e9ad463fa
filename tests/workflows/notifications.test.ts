// Departments hear about their tickets by signed webhook and email; a webhook that is down is retried, then flagged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../adapters/webhook/signature.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { lambdaContext } from '../../local/lambda/lambda-context.js';
import { stateMachineArn } from '../../local/runtime/state-machines.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { mailbox } from './support/stories.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answered: number;
}

/** A department's webhook receiver that answers 500 to the first `failures` deliveries. */
async function receiver(failures: number) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const answered = received.length < failures ? 500 : 204;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/casework`, received, close: () => new Promise((r) => server.close(r)) };
}

const complaint = {
  channel: 'app',
  category: 'NBR-001',
  title: '广场舞噪音扰民',
  description: '每晚九点后广场舞音响声音过大。',
  location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门广场' },
  citizen: { name: '王先生', phone: '13900000002' },
};
const secret = 'whsec-dongmen-0123456789';

describe('notifications to a street', () => {
  let runtime: Runtime;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
    hook = await receiver(3);
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    await hook?.close();
  });

  it('lets only an administrator set where a unit is notified, naming bad fields', async () => {
    const clerk = await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: [] }, await login(runtime, 'clerk-haibin-dongmen'));
    const bad = await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { webhooks: [{ url: 'ftp://x', secret: 'short' }] }, await login(runtime, 'admin'));

    expect(clerk.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(bad.body?.message).toBe('webhooks[0].url: 应为 http 或 https 网址；webhooks[0].secret: 至少 16 个字符');
  });

  it('removes every subscription of a unit only when told so in as many words, never on an empty or mistyped body (issue 15)', async () => {
    const admin = await login(runtime, 'admin');
    await call(runtime, 'PUT', '/v1/units/s-haibin-xiwan/subscriptions', { emails: ['xiwan@haiqiao.example'] }, admin);
    const empty = await call(runtime, 'PUT', '/v1/units/s-haibin-xiwan/subscriptions', {}, admin);
    const typo = await call(runtime, 'PUT', '/v1/units/s-haibin-xiwan/subscriptions', { email: ['xiwan@haiqiao.example'] }, admin);
    expect(empty.status).toBe(400);
    expect(empty.body?.issues).toEqual([{ path: 'emails', message: '将不再保留任何邮箱和 Webhook；如确要取消全部订阅，请发送 "clearAll": true' }]);
    expect(typo.status).toBe(400);
    expect((await call(runtime, 'GET', '/v1/units/s-haibin-xiwan/subscriptions', undefined, admin)).body).toMatchObject({ emails: ['xiwan@haiqiao.example'] });

    const cleared = await call(runtime, 'PUT', '/v1/units/s-haibin-xiwan/subscriptions', { clearAll: true }, admin);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ emails: [], webhooks: [] });
  });

  it('retries a webhook that fails three times, then delivers it signed, with one delivery id throughout; the email arrives at once', async () => {
    const admin = await login(runtime, 'admin');
    const put = await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: ['dongmen@haiqiao.example'], webhooks: [{ url: hook.url, secret }] }, admin);
    expect(put.status).toBe(200);

    const created = await call(runtime, 'POST', '/v1/tickets', complaint, await login(runtime, 'operator-1'));
    const id = String(created.body?.id);
    await runtime.idle();
    expect(hook.received.map((r) => r.answered)).toEqual([500]);
    const mail = await mailbox(runtime);
    expect(mail).toContainEqual(expect.objectContaining({ to: ['dongmen@haiqiao.example'], subject: `【12345】新工单：${id} 广场舞噪音扰民` }));
    const text = String(mail[0]?.text);
    expect(text).toContain('状态：待签收');
    expect(text).toContain('诉求类别：邻里噪音扰民');
    expect(text).toContain('诉求内容：每晚九点后广场舞音响声音过大。');
    expect(text).toMatch(/签收时限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(text).toMatch(/办结时限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(text).toContain(`查看并办理：${runtime.api.url}/tickets/${id}`);
    expect(text).toContain(`New ticket: ticket ${id} "广场舞噪音扰民" needs your attention`);

    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 10 * 60_000));

    expect(hook.received.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    const delivered = hook.received[3] as Received;
    expect(new Set(hook.received.map((r) => r.headers['casework-delivery'])).size).toBe(1);
    expect(delivered.headers['casework-event']).toBe('ticket.dispatched');
    expect(verifyWebhook(secret, delivered.body, String(delivered.headers['casework-signature']))).toBe(true);
    expect(verifyWebhook('not-the-secret-at-all', delivered.body, String(delivered.headers['casework-signature']))).toBe(false);
    expect(JSON.parse(delivered.body)).toMatchObject({ type: 'ticket.dispatched', ticket: { id, unitId: 's-haibin-dongmen' } });

    const seen = await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(runtime, 'supervisor-1'));
    const attempts = (seen.body?.notifications as { channel: string; ok: boolean; attempt: number }[]).filter((n) => n.channel === 'webhook');
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  it('gives up on a webhook that stays down for a day and lists it for the supervision office', async () => {
    const down = await receiver(1000);
    await call(runtime, 'PUT', '/v1/units/s-haibin-xiwan/subscriptions', { webhooks: [{ url: down.url, secret }] }, await login(runtime, 'admin'));
    await call(runtime, 'PUT', '/v1/units/supervision/subscriptions', { emails: ['duty@supervision.haiqiao.example'] }, await login(runtime, 'admin'));
    const created = await call(runtime, 'POST', '/v1/tickets', { ...complaint, location: { ...complaint.location, streetId: 's-haibin-xiwan' } }, await login(runtime, 'operator-1'));
    const id = String(created.body?.id);
    await runtime.idle();

    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 25 * 3600_000));

    // The first try and 30 retries; the street's later escalation notice is a delivery of its own.
    expect(down.received.filter((r) => r.headers['casework-event'] === 'ticket.dispatched')).toHaveLength(31);
    const list = await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, await login(runtime, 'supervisor-1'));
    expect(list.body?.items).toContainEqual(expect.objectContaining({ ticketId: id, unitId: 's-haibin-xiwan' }));
    const clerk = await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, await login(runtime, 'clerk-haibin-dongmen'));
    expect(clerk.status).toBe(403);
    // The office's duty mailbox is told to phone the street, once for the delivery given up on.
    const mail = await mailbox(runtime);
    const told = mail.filter((m) => m.subject === `【12345】通知未送达：${id}`);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ to: ['duty@supervision.haiqiao.example'] });
    expect(told[0]?.text).toContain(`工单 ${id} 的“新工单”通知（webhook）24 小时内未能送达 s-haibin-xiwan，请电话联系该单位。`);
    await down.close();
  });

  it('makes each notification once when its stream record is replayed, whether it went through or is being retried', async () => {
    const flaky = await receiver(1);
    await call(runtime, 'PUT', '/v1/units/s-qingshan-songlin/subscriptions', { emails: ['songlin@haiqiao.example'], webhooks: [{ url: flaky.url, secret }] }, await login(runtime, 'admin'));
    const created = await call(runtime, 'POST', '/v1/tickets', { ...complaint, location: { districtId: 'd-qingshan', streetId: 's-qingshan-songlin', address: '松林路 8 号' } }, await login(runtime, 'operator-1'));
    const id = String(created.body?.id);
    await runtime.idle();
    const { tickets } = await import('../../functions/shared/services.js');
    const { handler } = await import('../../functions/streams/notify-units.js');
    const dispatched = (await tickets.history(id)).find((e) => e.type === 'ticket.dispatched');
    // What the TicketEvents stream hands notify-units again after a batch failed part-way.
    const replay = async () => {
      const stream = { Records: [{ eventName: 'INSERT', dynamodb: { NewImage: marshall(dispatched, { removeUndefinedValues: true }) } }] } as unknown as DynamoDBStreamEvent;
      await handler(stream, lambdaContext({ functionName: 'notify-units' }));
    };

    const deliveries = async () =>
      (await runtime.engine.listExecutions({ stateMachineArn: stateMachineArn('notification-delivery') })).executions.filter((e) => e.name.startsWith(id)).map((e) => e.name.split('-').at(-1)).sort();
    const started = await deliveries();

    await replay();
    expect(flaky.received.map((r) => r.answered)).toEqual([500]);
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 10 * 60_000));
    await replay();
    await runtime.idle();

    expect(flaky.received.map((r) => r.answered)).toEqual([500, 204]);
    expect((await mailbox(runtime)).filter((m) => m.to.includes('songlin@haiqiao.example') && m.subject.includes(id))).toHaveLength(1);
    // One delivery workflow per target, named after it: a replay starts none again.
    expect(started).toEqual(['email0', 'webhook0']);
    expect(await deliveries()).toEqual(started);
    await flaky.close();
  });
});
