import { describe, expect, it } from 'vitest';
import { mailFor } from '../../../domain/notifications/message.js';
import { anOpenTicket } from '../fixtures.js';

describe('the email a unit receives', () => {
  const ticket = anOpenTicket('2025-03-14 17:30', { id: 'T20250303-4K7Q2X', title: '小区停水三天', status: 'dispatched', location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号' } });

  it('reads in Chinese with the ticket, its level, status, address and deadline, a link, then one English line', () => {
    const mail = mailFor('ticket.dispatched', ticket, 'https://casework.example');
    expect(mail.subject).toBe('【12345】新工单：T20250303-4K7Q2X 小区停水三天');
    expect(mail.text.split('\n')).toEqual([
      '新工单：小区停水三天',
      '工单编号：T20250303-4K7Q2X\u3000当前层级：承办单位\u3000状态：待签收',
      '地址：东门路12号',
      '办结时限：2025-03-14 17:30（北京时间）',
      '查看并办理：https://casework.example/tickets/T20250303-4K7Q2X',
      '',
      'New ticket: ticket T20250303-4K7Q2X "小区停水三天" needs your attention: https://casework.example/tickets/T20250303-4K7Q2X',
    ]);
  });

  it('names an escalated ticket’s level and leaves out a deadline the ticket does not have', () => {
    const mail = mailFor('ticket.escalated', { ...ticket, level: 3, status: 'accepted', deadlines: { warnings: [], provisional: false } }, 'https://casework.example');
    expect(mail.text).toContain('当前层级：市级督办\u3000状态：办理中');
    expect(mail.text).not.toContain('办结时限');
    expect(mail.text.split('\n').at(-1)).toMatch(/^Ticket escalated: /);
  });
});
