import { describe, expect, it } from 'vitest';
import { CreateTicket, TicketActionBody } from '../../schemas/commands.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { Subscriptions } from '../../schemas/unit.js';
import { Category } from '../../schemas/catalogue.js';
import { describeIssues, fieldIssues } from '../../schemas/validation-error.js';
import { noiseComplaint } from '../domain/tickets/world.js';

function problems(result: { success: boolean; error?: Parameters<typeof fieldIssues>[0] }): string {
  return result.error ? describeIssues(fieldIssues(result.error)) : '';
}

describe('validation messages name the field and the reason', () => {
  it('for a ticket body missing its address and with a bad phone number', () => {
    const body = {
      ...noiseComplaint,
      location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen' },
      citizen: { name: '李女士', phone: 'call me' },
    };

    expect(problems(CreateTicket.safeParse(body))).toBe(
      'location.address: required; citizen.phone: must be a phone number',
    );
  });

  it('for an action of an unknown type', () => {
    expect(problems(TicketActionBody.safeParse({ type: 'approve' }))).toMatch(/^type: unknown action "approve"; expected one of accept, /);
  });

  it('for an action missing its own field', () => {
    expect(problems(TicketActionBody.safeParse({ type: 'request-extension', days: 0, reason: '需要更多时间' }))).toBe(
      'days: Too small: expected number to be >0',
    );
  });

  it("for an action's own field, in Chinese as for any other body (they read English before)", () => {
    const tooLong = TicketActionBody.safeParse({ type: 'mark-difficult', reason: '理'.repeat(1001) });
    const none = TicketActionBody.safeParse({ type: 'request-extension', days: 0, reason: '需要更多时间' });

    expect(tooLong.error && describeIssues(fieldIssues(tooLong.error), 'zh')).toBe('reason: 最多 1000 个字符');
    expect(none.error && describeIssues(fieldIssues(none.error), 'zh')).toBe('days: 应大于 0');
  });

  it.each([
    ['"constructor", which every object inherits (it answered 500)', 'constructor', 'type: unknown action "constructor"; expected one of accept, '],
    ['"__proto__" (it answered 500)', '__proto__', 'type: unknown action "__proto__"; expected one of accept, '],
    ['an object no string can be made of (it answered 500)', { toString: 1 }, 'type: unknown action object; expected one of accept, '],
    ['100 KB long (it was echoed whole)', 'x'.repeat(100_000), `type: unknown action "${'x'.repeat(40)}…"; expected one of accept, `],
  ])('for an action whose type is %s', (_what, type, message) => {
    expect(problems(TicketActionBody.safeParse({ type }))).toContain(message);
  });

  it('for a webhook subscription with a short secret', () => {
    expect(problems(Subscriptions.safeParse({ emails: ['clerk@haiqiao.example'], webhooks: [{ url: 'https://x.example/hook', secret: 'short' }] }))).toBe(
      'webhooks[0].secret: must be at least 16 characters',
    );
  });

  it('for a department category without its department', () => {
    expect(problems(Category.safeParse({ code: 'LAB-009', name: { zh: '欠薪', en: 'Wages' }, kind: 'complaint', handlerType: 'department' }))).toBe(
      'departmentId: required when handlerType is "department"',
    );
  });
});

describe('the ticket history', () => {
  it('accepts only known event types', () => {
    expect(TicketEvent.safeParse({ type: 'ticket.vanished', ticketId: 'T-1', seq: 1, at: '2026-11-23T02:00:00Z', actor: { kind: 'system' } }).success).toBe(false);
  });
});
