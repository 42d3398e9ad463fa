// The email channel against a real SMTP server on loopback (the local runtime's mailbox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel, Notice } from '../../../domain/notifications/channel.js';
import { type SmtpSink, startSmtpSink } from '../../../local/mail/smtp-sink.js';
import { freePort } from '../../../local/runtime/free-port.js';

const notice: Notice = {
  id: 'T20261123-4K7Q2X-2-s-haibin-dongmen-email0',
  type: 'ticket.dispatched',
  occurredAt: '2026-11-23T02:00:00.000Z',
  subject: '【12345】新工单：T20261123-4K7Q2X 楼上夜间噪音',
  text: '新工单：楼上夜间噪音\n查看并办理：http://127.0.0.1:3000/tickets/T20261123-4K7Q2X',
  data: {},
};

describe('the email channel', () => {
  let sink: SmtpSink;
  let email: NotificationChannel<string[]>;
  beforeAll(async () => {
    sink = await startSmtpSink(await freePort());
    // The transport reads where to send when its module loads, as in a Lambda container.
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
    email = (await import('../../../adapters/notify/email-channel.js')).emailChannel;
  });
  afterAll(() => sink.stop());

  it('makes one target of all of a unit’s addresses, and none when it has no address', () => {
    expect(email.targets({ emails: ['a@haiqiao.example', 'b@haiqiao.example'], webhooks: [] })).toEqual([['a@haiqiao.example', 'b@haiqiao.example']]);
    expect(email.targets({ emails: [], webhooks: [] })).toEqual([]);
  });

  it('sends the notice’s subject and text to every address of the target', async () => {
    const result = await email.send(['dongmen@haiqiao.example', 'duty@haiqiao.example'], notice, new Date());
    await sink.settled();

    expect(result).toEqual({ ok: true, target: 'dongmen@haiqiao.example, duty@haiqiao.example' });
    expect(sink.messages().at(-1)).toMatchObject({ to: ['dongmen@haiqiao.example', 'duty@haiqiao.example'], subject: notice.subject, text: expect.stringContaining('查看并办理') });
  });

  it('says a refused send failed instead of throwing', async () => {
    await sink.stop();

    const result = await email.send(['dongmen@haiqiao.example'], notice, new Date());

    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
