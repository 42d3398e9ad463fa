// What a unit reads in its mailbox: Chinese first, one English line, and a link to the ticket.
import type { Ticket, TicketStatus } from '../../schemas/ticket.js';
import type { NotifiedType } from './recipients.js';

const titles: Record<NotifiedType, [string, string]> = {
  'ticket.dispatched': ['新工单', 'New ticket'],
  'ticket.warning': ['工单即将超时提醒', 'Deadline approaching'],
  'ticket.escalated': ['工单升级', 'Ticket escalated'],
  'ticket.returned': ['工单退回', 'Ticket returned'],
  'ticket.extension-requested': ['延期申请待审批', 'Extension requested'],
  'ticket.resolved': ['工单已办结', 'Ticket resolved'],
  'ticket.reopened': ['工单重办', 'Ticket reopened'],
  'ticket.closed': ['工单已关闭', 'Ticket closed'],
};

// The words 12345 hotlines use for where a ticket stands.
const statusNames: Record<TicketStatus, string> = {
  received: '已登记',
  dispatched: '待签收',
  accepted: '办理中',
  difficult: '疑难待定',
  'awaiting-designation': '待指定承办单位',
  resolved: '已办结待回访',
  closed: '已关闭',
};

export interface Mail {
  subject: string;
  text: string;
}

/** The email for an event about a ticket. */
export function mailFor(type: NotifiedType, ticket: Ticket, webBaseUrl: string): Mail {
  const [zh, en] = titles[type];
  const deadline = ticket.deadlines.complete ? [`办结时限：${shanghaiTime(ticket.deadlines.complete)}`] : [];
  return {
    subject: `【12345】${zh}：${ticket.id} ${ticket.title}`,
    text: [
      `${zh}：${ticket.title}`,
      `工单编号：${ticket.id}\u3000当前层级：${['', '承办单位', '区级兜底', '市级督办'][ticket.level]}\u3000状态：${statusNames[ticket.status]}`,
      `地址：${ticket.location.address}`,
      ...deadline,
      `查看并办理：${webBaseUrl}/tickets/${ticket.id}`,
      '',
      `${en}: ticket ${ticket.id} "${ticket.title}" needs your attention: ${webBaseUrl}/tickets/${ticket.id}`,
    ].join('\n'),
  };
}

function shanghaiTime(iso: string): string {
  return `${new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}
