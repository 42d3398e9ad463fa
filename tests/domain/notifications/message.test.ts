import { describe, expect, it } from 'vitest';
import { mailFor, ticketNotice, undeliveredNotice } from '../../../domain/notifications/message.js';
import { anOpenTicket } from '../fixtures.js';

describe('the email a unit receives', () => {
  const ticket = anOpenTicket('2025-03-14 17:30', {
    id: 'T20250303-4K7Q2X',
    title: '小区停水三天',
    description: '东门路12号小区已停水三天，无人通知。',
    status: 'dispatched',
    deadlines: { complete: '2025-03-14T09:30:00.000Z', accept: '2025-03-04T01:00:00.000Z', warnings: [], provisional: false },
    location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号' },
  });

  it('reads in Chinese with what the unit needs to act: category, description, address, both deadlines, a link, then one English line', () => {
    const mail = mailFor('ticket.dispatched', ticket, 'https://casework.example', '供水故障');
    expect(mail.subject).toBe('【12345】新工单：T20250303-4K7Q2X 小区停水三天');
    expect(mail.text.split('\n')).toEqual([
      '新工单：小区停水三天',
      '工单编号：T20250303-4K7Q2X\u3000当前层级：承办单位\u3000状态：待签收',
      '诉求类别：供水故障',
      '诉求内容：东门路12号小区已停水三天，无人通知。',
      '地址：东门路12号',
      '签收时限：2025-03-04 09:00（北京时间）',
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

  it('becomes a notice carrying the delivery id, the event and the ticket for programs', () => {
    const notice = ticketNotice({ deliveryId: 'T20250303-4K7Q2X-2-s-haibin-dongmen-webhook0', event: 'ticket.dispatched', occurredAt: '2025-03-03T01:00:00.000Z' }, ticket, 'https://casework.example');

    expect(notice).toMatchObject({ id: 'T20250303-4K7Q2X-2-s-haibin-dongmen-webhook0', type: 'ticket.dispatched', subject: '【12345】新工单：T20250303-4K7Q2X 小区停水三天', data: { ticket } });
  });
});

describe('the mail of a difficult case', () => {
  it('tells the supervision office it must decide', () => {
    const ticket = anOpenTicket('2025-03-14 17:30', { id: 'T20250303-4K7Q2X', title: '违建纠纷', status: 'difficult', unitId: 'supervision' });

    const mail = mailFor('ticket.marked-difficult', ticket, 'https://casework.example');

    expect(mail.subject).toBe('【12345】疑难工单待决定：T20250303-4K7Q2X 违建纠纷');
    expect(mail.text).toContain('需办理：市热线办作出决定：重新派单、限期办理或解释结案');
    expect(mail.text).toContain('状态：疑难待定');
  });
});

describe('the notice the supervision office receives when a unit cannot be reached', () => {
  it('names the ticket, the event in Chinese, the channel and the unit to phone, with a link', () => {
    const delivery = { deliveryId: 'T20250303-4K7Q2X-2-s-haibin-xiwan-webhook0', ticketId: 'T20250303-4K7Q2X', seq: 2, event: 'ticket.dispatched', occurredAt: '2025-03-03T01:00:00.000Z', unitId: 's-haibin-xiwan', channel: 'webhook', target: 0 };

    const notice = undeliveredNotice(delivery, new Date('2025-03-04T01:00:00Z'), 'https://casework.example');

    expect(notice).toMatchObject({ id: 'T20250303-4K7Q2X-2-s-haibin-xiwan-webhook0-undelivered', type: 'notification.undelivered', subject: '【12345】通知未送达：T20250303-4K7Q2X' });
    expect(notice.text.split('\n')).toEqual([
      '工单 T20250303-4K7Q2X 的“新工单”通知（webhook）24 小时内未能送达 s-haibin-xiwan，请电话联系该单位。',
      '查看工单：https://casework.example/tickets/T20250303-4K7Q2X',
      '',
      'A webhook notification "New ticket" to s-haibin-xiwan about T20250303-4K7Q2X failed for 24 hours: https://casework.example/tickets/T20250303-4K7Q2X',
    ]);
  });
});
