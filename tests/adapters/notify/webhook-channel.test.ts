// The webhook channel against a real HTTP receiver on loopback (allowed, as the local runtime allows it): signed body,
// delivery id, failures reported; under the production policy the same receiver is refused.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../domain/notifications/channel.js';
import { createWebhookChannel, webhookChannel } from '../../../adapters/notify/webhook-channel.js';
import { verifyWebhook } from '../../../adapters/webhook/signature.js';

const secret = 'whsec-dongmen-0123456789';
const notice: Notice = {
  id: 'T20261123-4K7Q2X-2-s-haibin-dongmen-webhook0',
  type: 'ticket.dispatched',
  occurredAt: '2026-11-23T02:00:00.000Z',
  subject: '【12345】新工单',
  text: '新工单',
  data: { ticket: { id: 'T20261123-4K7Q2X', unitId: 's-haibin-dongmen' } },
};

// What the local runtime configures: its tests' receivers listen on loopback.
const localChannel = createWebhookChannel({ policy: () => ({ allowLoopback: true }) });

describe('the webhook channel', () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let answer = 204;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('makes each of a unit’s webhooks a target of its own', () => {
    const hooks = [{ url: 'https://a.example/h', secret }, { url: 'https://b.example/h', secret }];
    expect(webhookChannel.targets({ emails: ['x@haiqiao.example'], webhooks: hooks })).toEqual(hooks);
  });

  it('posts the notice as signed JSON with its event and delivery id', async () => {
    const result = await localChannel.send({ url, secret }, notice, new Date('2026-11-23T02:00:05Z'));

    expect(result).toEqual({ ok: true, status: 204, target: url });
    const [got] = received.slice(-1);
    expect(got?.headers['casework-event']).toBe('ticket.dispatched');
    expect(got?.headers['casework-delivery']).toBe(notice.id);
    expect(JSON.parse(got?.body ?? '')).toEqual({ id: notice.id, type: 'ticket.dispatched', occurredAt: notice.occurredAt, ticket: notice.data.ticket });
    expect(verifyWebhook(secret, got?.body ?? '', String(got?.headers['casework-signature']))).toBe(true);
  });

  it('reports a receiver’s error status as a failed attempt', async () => {
    answer = 503;

    expect(await localChannel.send({ url, secret }, notice, new Date())).toEqual({ ok: false, status: 503, error: 'HTTP 503', target: url });
  });

  it('refuses a receiver on loopback where loopback is not allowed (AWS), sending nothing', async () => {
    const before = received.length;

    const result = await webhookChannel.send({ url: url.replace('http:', 'https:'), secret }, notice, new Date());

    expect(result).toEqual({ ok: false, refused: true, error: 'target refused: must not point to a loopback address (127.0.0.1): only public addresses are allowed', target: url.replace('http:', 'https:') });
    expect(received).toHaveLength(before);
  });

  it('never reports the credentials of a URL stored with them', async () => {
    const result = await localChannel.send({ url: url.replace('http://', 'http://user:pass@'), secret }, notice, new Date());

    expect(result).toMatchObject({ ok: false, refused: true, target: url });
  });
});
