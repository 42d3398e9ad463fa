// The checks every ticket decision shares: state, ownership and role. Each throws the rule it enforces, by the
// command's own id (`request-extension.status`), worded in Chinese and English.
import type { Actor, UserActor } from '../../schemas/actor.js';
import type { TicketCommand } from '../../schemas/commands.js';
import type { Role } from '../../schemas/common.js';
import type { Ticket, TicketStatus } from '../../schemas/ticket.js';
import { ConflictError, ForbiddenError, type Text } from '../errors.js';
import { roleNames, statusNames } from './names.js';

export type CommandName = TicketCommand['type'] | 'create-ticket';

// What each command is called in a sentence: "cannot <en> a ticket that is…", "不能对…的工单<zh>".
const doing: Record<CommandName, Text> = {
  'create-ticket': { zh: '登记工单', en: 'create a ticket' },
  dispatch: { zh: '派单', en: 'dispatch' },
  accept: { zh: '签收', en: 'accept' },
  resolve: { zh: '办结', en: 'resolve' },
  return: { zh: '退单', en: 'return' },
  'request-extension': { zh: '申请延期', en: 'request an extension for' },
  'decide-extension': { zh: '审批延期', en: 'decide an extension for' },
  whistle: { zh: '吹哨', en: 'whistle for' },
  'report-in': { zh: '报到', en: 'report in for' },
  'add-reply': { zh: '添加答复', en: 'add a reply to' },
  'panel-convened': { zh: '召集会商', en: 'convene a panel for' },
  'panel-reminded': { zh: '提醒会商成员', en: 'remind the panel of' },
  'panel-closed': { zh: '结束会商', en: 'close the panel of' },
  'review-unseated': { zh: '退回未能组成会商的', en: 'hand back the unseated review of' },
  'certify-zeroing': { zh: '认定已合理处置（销号）', en: 'certify as handled for the zeroing ledger' },
  'zeroing-assign': { zh: '列入清零台账', en: 'put on the zeroing ledger' },
  'report-in-timeout': { zh: '结束报到', en: 'close the report-in of' },
  'mark-difficult': { zh: '标记疑难', en: 'mark as difficult' },
  'decide-difficult': { zh: '决定疑难事项', en: 'decide a difficult case for' },
  designate: { zh: '指定承办单位', en: 'designate a unit for' },
  'review-return': { zh: '审核退单', en: 'review the return of' },
  'return-review-timeout': { zh: '结束退单审核', en: 'time out the return review of' },
  callback: { zh: '记录回访', en: 'record a callback for' },
  'callback-timeout': { zh: '结束回访', en: 'time out the callback of' },
  warn: { zh: '发出预警', en: 'warn about' },
  escalate: { zh: '升级', en: 'escalate' },
};

/** Refuses a command the ticket's status does not allow, naming what would allow it. */
export function requireStatus(ticket: Ticket, command: CommandName, allowed: readonly TicketStatus[]): void {
  if (allowed.includes(ticket.status)) return;
  const what = doing[command];
  if (ticket.status === 'closed') {
    throw new ConflictError('ticket.closed', { zh: `工单 ${ticket.id} 已关闭，不能${what.zh}`, en: `cannot ${what.en}: ticket ${ticket.id} is closed` });
  }
  throw new ConflictError(`${command}.status`, {
    zh: `工单状态为“${statusNames[ticket.status].zh}”，不能${what.zh}；仅在“${allowed.map((s) => statusNames[s].zh).join('”或“')}”时可以`,
    en: `cannot ${what.en} a ticket that is ${ticket.status}; allowed when ${allowed.join(' or ')}`,
  });
}

/** Only the unit that holds the ticket may act on it as its handler. */
export function requireHandler(ticket: Ticket, actor: Actor, command: CommandName): UserActor {
  const what = doing[command];
  if (actor.kind !== 'user' || !['clerk', 'coordinator', 'supervisor'].includes(actor.role)) {
    throw new ForbiddenError('ticket.handler-only', { zh: `只有承办单位可以${what.zh}`, en: `only the handling unit can ${what.en} it` });
  }
  if (actor.unitId !== ticket.unitId) {
    throw new ForbiddenError('ticket.not-your-unit', {
      zh: `工单 ${ticket.id} 由 ${ticket.unitId ?? '（无）'} 承办，${actor.unitId ?? '无所属单位的用户'}不能${what.zh}`,
      en: `ticket ${ticket.id} is handled by ${ticket.unitId ?? 'no unit'}; ${actor.unitId ?? 'a user without a unit'} cannot ${what.en} it`,
    });
  }
  return actor;
}

/** Only people with one of these roles may do this. */
export function requireRole(actor: Actor, roles: readonly Role[], command: CommandName): UserActor {
  if (actor.kind !== 'user' || !roles.includes(actor.role)) {
    const what = doing[command];
    throw new ForbiddenError(`${command}.role`, {
      zh: `只有${roles.map((r) => roleNames[r].zh).join('或')}可以${what.zh}`,
      en: `only ${roles.join(' or ')} may ${what.en.replace(/ (for|of|about)$/, '')}`,
    });
  }
  return actor;
}

/** Time-driven commands come from the workflow, never from a person. */
export function requireSystem(actor: Actor, command: CommandName): void {
  if (actor.kind !== 'system') {
    throw new ForbiddenError(`${command}.system-only`, { zh: `“${doing[command].zh}”由系统按时限自动执行`, en: `${command} is done by the system` });
  }
}
