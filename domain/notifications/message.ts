// Every text a notification carries, in one place: what a unit reads about its ticket, and what the supervision office
// reads when a unit could not be reached. Chinese first, one English line.
import type { Delivery } from '../../schemas/delivery.js';
import type { Ticket } from '../../schemas/ticket.js';
import { statusNames } from '../tickets/names.js';
import { beijingTime } from '../time/beijing-time.js';
import { ledgerReasonNames } from '../zeroing/ledger-reason.js';
import { monthBounds } from '../zeroing/months.js';
import type { Notice } from './channel.js';
import { caseSummary } from '../panel/panel-view.js';
import { isNotifiedType, panelTypes, type NotifiedType } from './recipients.js';

const titles: Record<NotifiedType, [string, string]> = {
  'ticket.dispatched': ['新工单', 'New ticket'],
  'ticket.warning': ['工单即将超时提醒', 'Deadline approaching'],
  'ticket.escalated': ['工单升级', 'Ticket escalated'],
  'ticket.whistled': ['吹哨报到', 'Whistle: report in'],
  'ticket.reported-in': ['已报到', 'A unit reported in'],
  'ticket.participant-replied': ['协办单位答复', 'A called-in unit replied'],
  'ticket.report-in-missed': ['吹哨未按时报到', 'Report-in missed'],
  'ticket.returned': ['退单待审核', 'Return to review'],
  'ticket.return-reviewed': ['退单审核结果', 'Return reviewed'],
  'ticket.marked-difficult': ['疑难工单待决定', 'Difficult case to decide'],
  'ticket.extension-requested': ['延期申请待审批', 'Extension requested'],
  'ticket.resolved': ['工单已办结', 'Ticket resolved'],
  'ticket.reopened': ['工单重办', 'Ticket reopened'],
  'ticket.closed': ['工单已关闭', 'Ticket closed'],
  'ticket.panel-convened': ['联席会商邀请', 'You sit on a joint-review panel'],
  'ticket.panel-reminded': ['联席会商投票提醒', 'Your vote is due'],
  'ticket.panel-decided': ['联席会商结果', 'The panel decided'],
  'zeroing.assigned': ['列入动态清零台账', 'On the zeroing ledger'],
  'zeroing.cleared': ['清零台账已销号', 'Cleared from the zeroing ledger'],
};

// Who must act, where the event asks someone other than the receiving unit's clerk to decide: lines of the mail.
const mustAct: Partial<Record<NotifiedType, string>> = {
  'ticket.marked-difficult': '市热线办作出决定：重新派单、限期办理或解释结案',
  'ticket.whistled': '被召集的区和部门在报到时限内报到（report-in），与街道共同处置，街道牵头',
  'ticket.report-in-missed': '区级协调未报到的部门，市热线办督办',
  'ticket.extension-requested': '市热线办审批延期申请',
  'ticket.returned': '热线派单台审核退单：批准改派或驳回',
  'ticket.panel-convened': '会商成员在截止前投票并写明理由：指定承办单位、限期办理、超出现行政策或诉求不合理',
  'ticket.panel-reminded': '尚未投票，请在截止前投票；逾期视为弃权',
  'zeroing.assigned': '本月底前重新办理：经回访确认已解决且满意，或由市热线办认定已合理处置后销号；未销号的转入下月台账并列入红榜',
};

export interface Mail {
  subject: string;
  text: string;
}

/** The email for an event about a ticket: what the unit needs to act, the deadlines in Beijing time, and the link. */
export function mailFor(type: NotifiedType, ticket: Ticket, webBaseUrl: string, categoryName?: string): Mail {
  const [zh, en] = titles[type];
  const { accept, complete } = ticket.deadlines;
  const acting = mustAct[type];
  const calledIn = type === 'ticket.whistled' ? ticket.whistle : undefined;
  if (panelTypes.has(type)) return panelMail(type, ticket, webBaseUrl, categoryName);
  return {
    subject: `【12345】${zh}：${ticket.id} ${ticket.title}`,
    text: [
      `${zh}：${ticket.title}`,
      `工单编号：${ticket.id}\u3000当前层级：${['', '承办单位', '区级兜底', '市级督办'][ticket.level]}\u3000状态：${statusNames[ticket.status].zh}`,
      ...(categoryName ? [`诉求类别：${categoryName}`] : []),
      `诉求内容：${ticket.description}`,
      `地址：${ticket.location.address}`,
      ...(ticket.status === 'dispatched' && accept ? [`签收时限：${shanghaiTime(accept)}`] : []),
      ...(complete ? [`办结时限：${shanghaiTime(complete)}`] : []),
      ...(acting ? [`需办理：${acting}`] : []),
      ...(calledIn ? [`需报到单位：${calledIn.participants.map((p) => p.unitId).join('、')}（${shanghaiTime(calledIn.reportBy)}前报到）`] : []),
      ...(type === 'zeroing.assigned' && ticket.zeroing ? [zeroingLine(ticket.zeroing)] : []),
      `查看并办理：${webBaseUrl}/tickets/${ticket.id}`,
      '',
      `${en}: ticket ${ticket.id} "${ticket.title}" needs your attention: ${webBaseUrl}/tickets/${ticket.id}`,
    ].join('\n'),
  };
}

// A panel member's mail: the case and the question, the vote's deadline and the panel's page; no caller's details.
function panelMail(type: NotifiedType, ticket: Ticket, webBaseUrl: string, categoryName?: string): Mail {
  const [zh, en] = titles[type];
  const acting = mustAct[type];
  const panelId = ticket.review?.panelIds.at(-1) ?? '';
  const link = `${webBaseUrl}/panels/${panelId}`;
  const until = ticket.review?.votingUntil;
  return {
    subject: `【12345】${zh}：${ticket.id} ${ticket.title}`,
    text: [
      `${zh}：${ticket.title}`,
      `工单编号：${ticket.id}\u3000会商编号：${panelId}\u3000状态：${statusNames[ticket.status].zh}`,
      ...(categoryName ? [`诉求类别：${categoryName}`] : []),
      `诉求内容：${ticket.description}`,
      `地址：${ticket.location.address}`,
      ...(ticket.review ? [`会商事项：${ticket.review.reason}`] : []),
      ...(until && type !== 'ticket.panel-decided' ? [`投票截止：${shanghaiTime(until)}`] : []),
      ...(acting ? [`需办理：${acting}`] : []),
      `查看会商：${link}`,
      '',
      `${en}: panel ${panelId} on ticket ${ticket.id} "${ticket.title}": ${link}`,
    ].join('\n'),
  };
}

/** The notice of one delivery of a ticket event: its mail text, and the ticket (for panel members, the case) for programs. */
export function ticketNotice(delivery: Pick<Delivery, 'deliveryId' | 'event' | 'occurredAt'>, ticket: Ticket, webBaseUrl: string, categoryName?: string): Notice {
  if (!isNotifiedType(delivery.event)) throw new Error(`${delivery.event} is not an event units are notified of`);
  const mail = mailFor(delivery.event, ticket, webBaseUrl, categoryName);
  const data = panelTypes.has(delivery.event) ? { case: caseSummary(ticket), panelId: ticket.review?.panelIds.at(-1) } : { ticket };
  return { id: delivery.deliveryId, type: delivery.event, occurredAt: delivery.occurredAt, subject: mail.subject, text: mail.text, data };
}

/** What the supervision office is told when a unit could not be reached for about a day: call them. */
export function undeliveredNotice(delivery: Delivery, at: Date, webBaseUrl: string): Notice {
  const [zh, en] = isNotifiedType(delivery.event) ? titles[delivery.event] : [delivery.event, delivery.event];
  const link = `${webBaseUrl}/tickets/${delivery.ticketId}`;
  return {
    id: `${delivery.deliveryId}-undelivered`,
    type: 'notification.undelivered',
    occurredAt: at.toISOString(),
    subject: `【12345】通知未送达：${delivery.ticketId}`,
    text: [
      `工单 ${delivery.ticketId} 的“${zh}”通知（${delivery.channel}）24 小时内未能送达 ${delivery.unitId}，请电话联系该单位。`,
      `查看工单：${link}`,
      '',
      `A ${delivery.channel} notification "${en}" to ${delivery.unitId} about ${delivery.ticketId} failed for 24 hours: ${link}`,
    ].join('\n'),
    data: { delivery: { deliveryId: delivery.deliveryId, ticketId: delivery.ticketId, unitId: delivery.unitId, channel: delivery.channel, event: delivery.event } },
  };
}

// Why the ticket is on the ledger, and by when it must be cleared: the last instant of the month in Beijing.
function zeroingLine(mark: NonNullable<Ticket['zeroing']>): string {
  const lastMinute = new Date(monthBounds(mark.month).end.getTime() - 60_000).toISOString();
  return `清零台账：${mark.month}（${ledgerReasonNames[mark.reason]}），销号时限：${shanghaiTime(lastMinute)}`;
}

function shanghaiTime(iso: string): string {
  return `${beijingTime(iso)}（北京时间）`;
}
