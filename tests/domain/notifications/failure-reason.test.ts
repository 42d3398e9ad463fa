// A delivery's failure as people read it: the message, without a stack trace or a server's paths.
import { describe, expect, it } from 'vitest';
import { publicReason } from '../../../domain/notifications/failure-reason.js';

describe('the reason a delivery failed', () => {
  it('keeps only the message of a Lambda error cause, dropping its trace', () => {
    const cause = JSON.stringify({
      errorType: 'DeliveryFailedError',
      errorMessage: 'https://hooks.example/casework: HTTP 503',
      trace: ['DeliveryFailedError: https://hooks.example/casework: HTTP 503', '    at handler (/var/task/index.mjs:12:9)'],
    });

    expect(publicReason(cause)).toBe('https://hooks.example/casework: HTTP 503');
  });

  it('drops every line after the first and replaces server paths, keeping URLs', () => {
    const text = 'Error: cannot read /work/main/adapters/mail/send-mail.ts:14:3 for http://127.0.0.1:9/x\n    at send (file:///work/main/x.ts:1:1)';

    expect(publicReason(text)).toBe('Error: cannot read [path] for http://127.0.0.1:9/x');
  });

  it('never answers more than 200 characters, nor nothing', () => {
    expect(publicReason('x'.repeat(500))).toHaveLength(200);
    expect(publicReason('')).toBe('delivery failed');
  });
});
