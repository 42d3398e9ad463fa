// In AWS mail goes through the SES API with the function's role; the stack says so with MAIL_TRANSPORT=ses.
import { SESv2Client, type SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeFrom } from '../../../adapters/mail/send-mail.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('sendMail in AWS', () => {
  it('sends one SES SendEmail with the Chinese subject and text as UTF-8, from the configured address', async () => {
    vi.stubEnv('MAIL_TRANSPORT', 'ses');
    vi.stubEnv('MAIL_FROM', '12345 工单系统 <casework@haiqiao.example>');
    vi.stubEnv('AWS_REGION', 'ap-east-1');
    const send = vi.spyOn(SESv2Client.prototype, 'send').mockResolvedValue({ MessageId: 'm-1' } as never);
    vi.resetModules();
    const { sendMail } = await import('../../../adapters/mail/send-mail.js');

    await sendMail(['dongmen@haiqiao.example', 'xiwan@haiqiao.example'], '【12345】新工单', '请签收。');

    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0]![0] as SendEmailCommand).input).toEqual({
      FromEmailAddress: '=?UTF-8?B?MTIzNDUg5bel5Y2V57O757uf?= <casework@haiqiao.example>',
      Destination: { ToAddresses: ['dongmen@haiqiao.example', 'xiwan@haiqiao.example'] },
      Content: { Simple: { Subject: { Data: '【12345】新工单', Charset: 'UTF-8' }, Body: { Text: { Data: '请签收。', Charset: 'UTF-8' } } } },
    });
  });

  it('fails when SES refuses, so the delivery workflow retries', async () => {
    vi.stubEnv('MAIL_TRANSPORT', 'ses');
    vi.stubEnv('AWS_REGION', 'ap-east-1');
    vi.spyOn(SESv2Client.prototype, 'send').mockRejectedValue(new Error('MessageRejected: Email address is not verified') as never);
    vi.resetModules();
    const { sendMail } = await import('../../../adapters/mail/send-mail.js');

    await expect(sendMail(['x@haiqiao.example'], 's', 't')).rejects.toThrow('MessageRejected');
  });
});

describe('the From address SES is given', () => {
  it('encodes a non-ASCII display name as a MIME encoded-word and leaves ASCII ones alone', () => {
    expect(encodeFrom('12345 工单系统 <casework@haiqiao.example>')).toBe('=?UTF-8?B?MTIzNDUg5bel5Y2V57O757uf?= <casework@haiqiao.example>');
    expect(encodeFrom('Hotline <hotline@city.example>')).toBe('Hotline <hotline@city.example>');
    expect(encodeFrom('hotline@city.example')).toBe('hotline@city.example');
  });
});
