import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../local/mail/smtp-sink.js';

describe('the local SMTP sink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink(0);
  });
  afterAll(() => sink.stop());

  it('keeps a message sent over SMTP with its recipients, subject and Chinese text', async () => {
    const transport = createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });

    await transport.sendMail({
      from: 'casework@haiqiao.example',
      to: ['clerk-water@haiqiao.example', 'duty@haiqiao.example'],
      subject: '新工单 T-1：停水',
      text: '请于30分钟内签收。\nNew ticket T-1: water supply outage.',
    });
    await sink.settled();

    expect(sink.messages()).toEqual([
      expect.objectContaining({
        from: 'casework@haiqiao.example',
        to: ['clerk-water@haiqiao.example', 'duty@haiqiao.example'],
        subject: '新工单 T-1：停水',
        text: expect.stringContaining('请于30分钟内签收'),
      }),
    ]);
    transport.close();
  });
});
