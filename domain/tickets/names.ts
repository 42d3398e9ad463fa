// The words 12345 hotlines use for a ticket's status and for the people who act, in Chinese and English.
import type { Role, TicketKind, Urgency } from '../../schemas/common.js';
import type { TicketStatus } from '../../schemas/ticket.js';
import type { Text } from '../errors.js';

export const statusNames: Record<TicketStatus, Text> = {
  received: { zh: '已登记', en: 'received' },
  dispatched: { zh: '待签收', en: 'dispatched' },
  accepted: { zh: '办理中', en: 'accepted' },
  difficult: { zh: '疑难待定', en: 'difficult' },
  'awaiting-designation': { zh: '待指定承办单位', en: 'awaiting designation' },
  'return-review': { zh: '退单待审核', en: 'return under review' },
  'in-review': { zh: '联席会商中', en: 'in joint review' },
  resolved: { zh: '已办结待回访', en: 'resolved' },
  closed: { zh: '已关闭', en: 'closed' },
};

/** 咨询, 求助, 建议, 投诉, 举报. */
export const kindNames: Record<TicketKind, Text> = {
  consultation: { zh: '咨询', en: 'consultation' },
  help: { zh: '求助', en: 'help' },
  suggestion: { zh: '建议', en: 'suggestion' },
  complaint: { zh: '投诉', en: 'complaint' },
  report: { zh: '举报', en: 'report' },
};

export const urgencyNames: Record<Urgency, Text> = {
  normal: { zh: '一般', en: 'normal' },
  utility: { zh: '水、电、气、暖中断', en: 'water, power, gas or heating out' },
  danger: { zh: '危及人身或财产安全', en: 'life or property at risk' },
};

export const roleNames: Record<Role, Text> = {
  operator: { zh: '话务员', en: 'operator' },
  clerk: { zh: '承办单位工作人员', en: 'clerk' },
  coordinator: { zh: '区级协调员', en: 'coordinator' },
  supervisor: { zh: '市热线办督办人员', en: 'supervisor' },
  panelist: { zh: '会商成员', en: 'panel member' },
  admin: { zh: '系统管理员', en: 'administrator' },
};
