// What each event of a ticket's history is called on its timeline.
import type { TicketEvent } from '../../schemas/ticket-events.js';
import type { Text } from './i18n.js';

export const eventNames: Record<TicketEvent['type'], Text> = {
  'ticket.created': { zh: '登记', en: 'Created' },
  'ticket.dispatched': { zh: '派单', en: 'Dispatched' },
  'ticket.accepted': { zh: '签收', en: 'Accepted' },
  'ticket.warning': { zh: '临期预警', en: 'Deadline warning' },
  'ticket.escalated': { zh: '升级', en: 'Escalated' },
  'ticket.whistled': { zh: '吹哨', en: 'Whistle blown' },
  'ticket.reported-in': { zh: '报到', en: 'Reported in' },
  'ticket.participant-replied': { zh: '协办单位答复', en: 'Participant replied' },
  'ticket.report-in-missed': { zh: '未按时报到', en: 'Report-in missed' },
  'ticket.returned': { zh: '退单', en: 'Returned' },
  'ticket.return-reviewed': { zh: '退单审核', en: 'Return reviewed' },
  'ticket.designation-required': { zh: '需指定承办单位', en: 'Designation required' },
  'ticket.extension-requested': { zh: '申请延期', en: 'Extension requested' },
  'ticket.extension-decided': { zh: '延期审批', en: 'Extension decided' },
  'ticket.marked-difficult': { zh: '标记疑难', en: 'Marked difficult' },
  'ticket.difficult-decided': { zh: '疑难事项决定', en: 'Difficult case decided' },
  'ticket.referred-to-panel': { zh: '提交联席会商', en: 'Referred to a panel' },
  'ticket.panel-convened': { zh: '会商组成', en: 'Panel convened' },
  'ticket.panel-reminded': { zh: '提醒会商成员', en: 'Panel member reminded' },
  'ticket.panel-decided': { zh: '会商决定', en: 'Panel decided' },
  'ticket.review-unseated': { zh: '会商未能组成，退回督办', en: 'No panel could be seated' },
  'zeroing.assigned': { zh: '列入清零台账', en: 'Put on the zeroing ledger' },
  'zeroing.cleared': { zh: '清零销号', en: 'Cleared from the ledger' },
  'ticket.resolved': { zh: '办结', en: 'Resolved' },
  'ticket.callback-recorded': { zh: '回访', en: 'Callback recorded' },
  'ticket.reopened': { zh: '重办', en: 'Reopened' },
  'ticket.closed': { zh: '关闭', en: 'Closed' },
};
