// Ticket transitions: (ticket, command, context) -> the events it causes, or the rule it breaks.
import type { TicketCommand } from '../../schemas/commands.js';
import type { Outcome, Ticket } from '../../schemas/ticket.js';
import type { NewTicketEvent } from '../../schemas/ticket-events.js';
import { ConflictError, ForbiddenError, RuleViolationError } from '../errors.js';
import { canWhistle, nextRung } from '../escalation/escalation-ladder.js';
import { rerouteAfterReturn, routeTicket } from '../routing/route-ticket.js';
import { allot, applyLimit, completionDays, extend } from '../sla/deadlines.js';
import type { DecisionContext } from './decision-context.js';
import { beijingTime } from '../time/beijing-time.js';
import { requireHandler, requireRole, requireStatus, requireSystem } from './guards.js';

type Handler<C extends TicketCommand['type']> = (
  ticket: Ticket,
  command: Extract<TicketCommand, { type: C }>,
  ctx: DecisionContext,
) => NewTicketEvent[];

const inHand = ['dispatched', 'accepted'] as const;
const handlerUnitTypes = new Set(['street', 'department', 'district']);

/** Decides what a command does to a ticket: the events it causes; a broken rule is thrown as its CaseworkError. */
export function decide(ticket: Ticket, command: TicketCommand, ctx: DecisionContext): NewTicketEvent[] {
  const handler = handlers[command.type] as Handler<typeof command.type>;
  return handler(ticket, command, ctx);
}

const stamp = (ctx: DecisionContext) => ({ at: ctx.now.toISOString(), actor: ctx.actor });
const closed = (ctx: DecisionContext, outcome: Outcome): NewTicketEvent => ({
  ...stamp(ctx),
  type: 'ticket.closed',
  outcome,
  transferTo: outcome.transferTo,
});

function requireHandlerUnit(unitId: string, ctx: DecisionContext, field: string): void {
  const unit = ctx.city.unit(unitId);
  if (!unit || !handlerUnitTypes.has(unit.type)) {
    throw new RuleViolationError('unit.not-a-handler', {
      zh: `${field}：“${unitId}”不是本市的街道、区或部门`,
      en: `${field}: "${unitId}" is not a street, district or department of this city`,
    });
  }
}

/** A fresh level-1 allotment for the ticket's kind, from now. */
function freshDeadlines(ticket: Ticket, ctx: DecisionContext, opts: { acceptance: boolean; returnable: boolean; days?: number }) {
  return allot(
    {
      from: ctx.now,
      completionDays: opts.days ?? completionDays(ticket.kind, ctx.policy),
      urgency: opts.acceptance ? ticket.urgency : undefined,
      returnable: opts.returnable,
    },
    ctx.policy,
    ctx.calendar,
  );
}

const handlers: { [C in TicketCommand['type']]: Handler<C> } = {
  dispatch(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'dispatch');
    requireStatus(ticket, 'dispatch', ['received']);
    const category = ctx.city.category(ticket.category);
    if (!category) throw new RuleViolationError('category.unknown', { zh: `category：没有诉求类别“${ticket.category}”`, en: `category: unknown category "${ticket.category}"` });
    const route = routeTicket(category, ticket.location);
    if (route.kind === 'transfer') return [closed(ctx, { resolution: 'transferred', transferTo: route.line })];
    if (route.kind === 'answer') return [closed(ctx, { resolution: 'answered', reply: route.answer })];
    return [
      {
        ...stamp(ctx),
        type: 'ticket.dispatched',
        unitId: route.unitId,
        level: 1,
        reason: 'direct',
        accepted: false,
        deadlines: freshDeadlines(ticket, ctx, { acceptance: true, returnable: true }),
        dispatchMs: Math.max(0, ctx.now.getTime() - Date.parse(ticket.createdAt)),
      },
    ];
  },

  accept(ticket, _command, ctx) {
    requireStatus(ticket, 'accept', ['dispatched']);
    const actor = requireHandler(ticket, ctx.actor, 'accept');
    return [{ ...stamp(ctx), type: 'ticket.accepted', unitId: actor.unitId ?? '' }];
  },

  resolve(ticket, command, ctx) {
    requireStatus(ticket, 'resolve', inHand);
    const actor = requireHandler(ticket, ctx.actor, 'resolve');
    const waiting = pendingReportIns(ticket);
    if (waiting.length > 0) {
      throw new ConflictError('resolve.awaiting-report-in', {
        zh: `吹哨召集的 ${waiting.join('、')} 尚未报到；报到或报到时限届满后方可办结`,
        en: `${waiting.join(', ')} called in by the whistle have not reported in; resolve once they have, or their time is up`,
      });
    }
    const unitId = actor.unitId ?? '';
    const accepted: NewTicketEvent[] =
      ticket.status === 'dispatched' ? [{ ...stamp(ctx), type: 'ticket.accepted', unitId }] : [];
    const callbackDeadline = ctx.calendar.addWorkingDays(ctx.now, ctx.policy.callbackWorkingDays).at.toISOString();
    return [...accepted, { ...stamp(ctx), type: 'ticket.resolved', unitId, reply: command.reply, callbackDeadline }];
  },

  return(ticket, command, ctx) {
    requireStatus(ticket, 'return', inHand);
    const actor = requireHandler(ticket, ctx.actor, 'return');
    if (ticket.designated) {
      throw new RuleViolationError('return.designated', { zh: '本单位由市热线办指定承办，不能退单', en: 'the supervision office designated this unit; it cannot return the ticket' });
    }
    if (ticket.level !== 1) {
      throw new RuleViolationError('return.escalated', { zh: '已升级的工单不能退单', en: 'an escalated ticket cannot be returned' });
    }
    if (ticket.deadlines.returnBy && ctx.now > new Date(ticket.deadlines.returnBy)) {
      const closedAt = beijingTime(ticket.deadlines.returnBy);
      const days = ctx.policy.returnWindowWorkingDays;
      throw new RuleViolationError('return.window-closed', {
        zh: `退单时限已于 ${closedAt}（北京时间）截止（派单后 ${days} 个工作日内）`,
        en: `the return window closed at ${closedAt} Beijing time (${days} working days after dispatch)`,
      });
    }
    const returns = ticket.counters.returns + 1;
    // Checks the suggested unit now, so the desk reviews only returns that could be approved as asked.
    const next = rerouteAfterReturn(ticket, returns, command.suggestedUnitId, ctx.city, ctx.policy);
    const returned = {
      ...stamp(ctx),
      type: 'ticket.returned' as const,
      unitId: actor.unitId ?? '',
      reason: command.reason,
      suggestedUnitId: command.suggestedUnitId,
    };
    if (next.kind === 'designation') {
      return [
        returned,
        { ...stamp(ctx), type: 'ticket.designation-required', supervisionUnitId: next.supervisionUnitId, returns },
      ];
    }
    // 退单审核: the hotline's dispatch desk looks at every return before the ticket moves.
    const reviewBy = applyLimit(ctx.policy.returnReview, ctx.now, ctx.calendar).at.toISOString();
    const fromStatus = ticket.status === 'accepted' ? 'accepted' : 'dispatched';
    return [{ ...returned, review: { reviewerUnitId: ctx.city.supervision.id, reviewBy, fromStatus } }];
  },

  'review-return'(ticket, command, ctx) {
    requireRole(ctx.actor, ['operator', 'supervisor'], 'review-return');
    requireStatus(ticket, 'review-return', ['return-review']);
    const pending = ticket.pendingReturn;
    if (!pending) throw new ConflictError('review-return.none-pending', { zh: '没有待审核的退单', en: 'no return is waiting for review' });
    const reviewed = { ...stamp(ctx), type: 'ticket.return-reviewed' as const, returningUnitId: pending.unitId };
    if (command.decision === 'reject') {
      // Back to the returning unit as it was: same status, same deadlines.
      return [{ ...reviewed, approved: false, reason: command.reason }];
    }
    const target = command.unitId ?? pending.suggestedUnitId;
    const next = target
      ? { kind: 'dispatch' as const, unitId: target }
      : rerouteAfterReturn({ ...ticket, unitId: pending.unitId }, ticket.counters.returns, undefined, ctx.city, ctx.policy);
    if (next.kind !== 'dispatch') throw new ConflictError('review-return.designation', { zh: '该工单须由市热线办指定承办单位', en: 'the supervision office must designate the unit' });
    requireHandlerUnit(next.unitId, ctx, 'unitId');
    if (next.unitId === pending.unitId) {
      throw new RuleViolationError('review-return.same-unit', { zh: 'unitId：批准退单须改派其他单位；否则请驳回', en: 'unitId: approving a return sends the ticket elsewhere; reject it instead' });
    }
    return [
      { ...reviewed, approved: true, unitId: next.unitId },
      {
        ...stamp(ctx),
        type: 'ticket.dispatched',
        unitId: next.unitId,
        level: 1,
        reason: 'rerouted',
        accepted: false,
        deadlines: freshDeadlines(ticket, ctx, { acceptance: true, returnable: true }),
        dispatchMs: Math.max(0, ctx.now.getTime() - Date.parse(ticket.createdAt)),
      },
    ];
  },

  'return-review-timeout'(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'return-review-timeout');
    requireStatus(ticket, 'return-review-timeout', ['return-review']);
    const reviewBy = ticket.pendingReturn?.reviewBy;
    if (reviewBy && ctx.now < new Date(reviewBy)) {
      throw new ConflictError('return-review.not-due', { zh: `退单审核时限为 ${beijingTime(reviewBy)}（北京时间）`, en: `the return may be reviewed until ${beijingTime(reviewBy)} Beijing time` });
    }
    // Nobody reviewed it in time: the supervision office decides who handles it.
    return [{ ...stamp(ctx), type: 'ticket.designation-required', supervisionUnitId: ctx.city.supervision.id, returns: ticket.counters.returns }];
  },

  'request-extension'(ticket, command, ctx) {
    requireStatus(ticket, 'request-extension', ['accepted']);
    const actor = requireHandler(ticket, ctx.actor, 'request-extension');
    const { extension } = ctx.policy;
    if (ticket.pendingExtension) {
      throw new ConflictError('extension.pending', { zh: '已有一项延期申请等待审批', en: 'an extension request is already waiting for a decision' });
    }
    if (ticket.counters.extensions >= extension.maxPerTicket) {
      throw new RuleViolationError('extension.limit', { zh: `每张工单最多延期 ${extension.maxPerTicket} 次`, en: `a ticket can be extended at most ${extension.maxPerTicket} times` });
    }
    if (command.days > extension.maxWorkingDays) {
      throw new RuleViolationError('extension.too-long', {
        zh: `days：每次延期最多 ${extension.maxWorkingDays} 个工作日`,
        en: `days: an extension adds at most ${extension.maxWorkingDays} working days`,
      });
    }
    if (ticket.deadlines.complete && ctx.now >= new Date(ticket.deadlines.complete)) {
      throw new RuleViolationError('extension.deadline-passed', {
        zh: '办结时限已过；延期须在时限届满前申请',
        en: 'the deadline has already passed; an extension must be asked for before it',
      });
    }
    return [
      { ...stamp(ctx), type: 'ticket.extension-requested', unitId: actor.unitId ?? '', days: command.days, reason: command.reason },
    ];
  },

  'decide-extension'(ticket, command, ctx) {
    requireRole(ctx.actor, ['supervisor'], 'decide-extension');
    const pending = ticket.pendingExtension;
    if (!pending) throw new ConflictError('extension.none-pending', { zh: '没有等待审批的延期申请', en: 'no extension request is waiting for a decision' });
    const deadlines = command.approve ? extend(ticket.deadlines, pending.days, ctx.policy, ctx.calendar) : ticket.deadlines;
    return [{ ...stamp(ctx), type: 'ticket.extension-decided', approved: command.approve, comment: command.comment, deadlines }];
  },

  whistle(ticket, command, ctx) {
    requireStatus(ticket, 'whistle', inHand);
    const actor = requireHandler(ticket, ctx.actor, 'whistle');
    if (!canWhistle(ticket, ctx.city)) {
      throw new RuleViolationError('whistle.street-only', { zh: '只有承办工单的街道可以吹哨', en: 'only a street handling a ticket at level 1 can blow the whistle' });
    }
    command.departmentIds.forEach((id, i) => {
      if (ctx.city.unit(id)?.type !== 'department') {
        throw new RuleViolationError('whistle.unknown-department', { zh: `departmentIds[${i}]：没有部门“${id}”`, en: `departmentIds[${i}]: unknown department "${id}"` });
      }
    });
    if (pendingReportIns(ticket).length > 0) {
      throw new ConflictError('whistle.pending', { zh: '上一次吹哨的单位尚未全部报到', en: 'the units of the last whistle have not all reported in yet' });
    }
    // 吹哨报到: the street stays the lead; its district and the departments it names report in and act with it.
    const reportBy = applyLimit(ctx.policy.acceptance[ticket.urgency], ctx.now, ctx.calendar).at.toISOString();
    return [
      {
        ...stamp(ctx),
        type: 'ticket.whistled',
        unitId: actor.unitId ?? '',
        departmentIds: command.departmentIds,
        reason: command.reason,
        districtId: ticket.location.districtId,
        reportBy,
      },
    ];
  },

  'report-in'(ticket, command, ctx) {
    requireStatus(ticket, 'report-in', inHand);
    const { unitId, participant } = calledIn(ticket, ctx, 'report-in');
    if (participant.reportedAt) {
      throw new ConflictError('report-in.already', { zh: `${unitId} 已于 ${beijingTime(participant.reportedAt)}（北京时间）报到`, en: `${unitId} reported in at ${beijingTime(participant.reportedAt)} Beijing time` });
    }
    return [{ ...stamp(ctx), type: 'ticket.reported-in', unitId, leadUnitId: ticket.unitId ?? '', note: command.note }];
  },

  'add-reply'(ticket, command, ctx) {
    requireStatus(ticket, 'add-reply', inHand);
    const { unitId, participant } = calledIn(ticket, ctx, 'add-reply');
    if (!participant.reportedAt) {
      throw new ConflictError('add-reply.report-in-first', { zh: `${unitId} 尚未报到，请先报到再添加答复`, en: `${unitId} has not reported in; report in before adding a reply` });
    }
    return [{ ...stamp(ctx), type: 'ticket.participant-replied', unitId, leadUnitId: ticket.unitId ?? '', reply: command.reply }];
  },

  'report-in-timeout'(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'report-in-timeout');
    requireStatus(ticket, 'report-in-timeout', inHand);
    const pending = pendingReportIns(ticket);
    const reportBy = ticket.whistle?.reportBy;
    if (pending.length === 0 || !reportBy || ctx.now < new Date(reportBy)) {
      throw new ConflictError('report-in.not-due', { zh: '没有逾期未报到的单位', en: 'no unit is late to report in' });
    }
    // Told to the district coordinator and shown to the supervision office.
    return [
      { ...stamp(ctx), type: 'ticket.report-in-missed', unitIds: pending, districtId: ticket.location.districtId, supervisionUnitId: ctx.city.supervision.id },
    ];
  },

  'mark-difficult'(ticket, command, ctx) {
    requireStatus(ticket, 'mark-difficult', inHand);
    const actor = requireHandler(ticket, ctx.actor, 'mark-difficult');
    return [
      {
        ...stamp(ctx),
        type: 'ticket.marked-difficult',
        unitId: actor.unitId ?? '',
        supervisionUnitId: ctx.city.supervision.id,
        reason: command.reason,
      },
    ];
  },

  'decide-difficult'(ticket, command, ctx) {
    requireRole(ctx.actor, ['supervisor'], 'decide-difficult');
    if (command.decision === 'refer-to-panel') return referToPanel(ticket, command, ctx);
    requireStatus(ticket, 'decide-difficult', ['difficult']);
    const base = { ...stamp(ctx), type: 'ticket.difficult-decided' as const };
    if (command.decision === 'close') {
      return [
        { ...base, decision: 'close', explanation: command.explanation },
        closed(ctx, { resolution: 'explained', explanation: command.explanation }),
      ];
    }
    requireHandlerUnit(command.unitId, ctx, 'unitId');
    const order = command.decision === 'order';
    if (order && command.days > ctx.policy.completionWorkingDays.complaint) {
      const most = ctx.policy.completionWorkingDays.complaint;
      throw new RuleViolationError('difficult.order-too-long', { zh: `days：限期办理最多 ${most} 个工作日`, en: `days: an order allows at most ${most} working days` });
    }
    return [
      { ...base, decision: command.decision, unitId: command.unitId, days: order ? command.days : undefined },
      {
        ...stamp(ctx),
        type: 'ticket.dispatched',
        unitId: command.unitId,
        level: 1,
        reason: order ? 'ordered' : 'redispatched',
        accepted: order,
        deadlines: freshDeadlines(ticket, ctx, { acceptance: !order, returnable: false, days: order ? command.days : undefined }),
        dispatchMs: Math.max(0, ctx.now.getTime() - Date.parse(ticket.createdAt)),
      },
    ];
  },

  'panel-convened'(ticket, { panel }, ctx) {
    requireSystem(ctx.actor, 'panel-convened');
    requireStatus(ticket, 'panel-convened', ['in-review']);
    if (ticket.review?.panelIds.includes(panel.id)) throw new ConflictError('panel.already-convened', { zh: `会商 ${panel.id} 已召集`, en: `panel ${panel.id} was already convened` });
    const memberIds = panel.seats.map((s) => s.memberId);
    return [{ ...stamp(ctx), type: 'ticket.panel-convened', panelId: panel.id, round: panel.round, memberIds, deadline: panel.deadline }];
  },

  'panel-reminded'(ticket, { panel, memberId }, ctx) {
    requireSystem(ctx.actor, 'panel-reminded');
    requireStatus(ticket, 'panel-reminded', ['in-review']);
    return [{ ...stamp(ctx), type: 'ticket.panel-reminded', panelId: panel.id, memberId, deadline: panel.deadline }];
  },

  'panel-closed'(ticket, { panel, lastRound }, ctx) {
    requireSystem(ctx.actor, 'panel-closed');
    requireStatus(ticket, 'panel-closed', ['in-review']);
    const result = panel.result;
    if (!result) throw new Error(`panel ${panel.id} closed without a result`);
    const decision = result.decision;
    const next = decision ? 'applied' : lastRound ? 'to-supervision' : 'reconvene';
    const decided: NewTicketEvent = {
      ...stamp(ctx),
      type: 'ticket.panel-decided',
      panelId: panel.id,
      round: panel.round,
      outcome: result.outcome,
      cast: result.cast,
      quorumNeeded: result.quorumNeeded,
      decision,
      next,
      memberIds: panel.seats.map((s) => s.memberId),
      supervisionUnitId: ctx.city.supervision.id,
    };
    if (!decision) return [decided];
    if (decision.choice === 'beyond-policy' || decision.choice === 'unreasonable') {
      return [decided, closed(ctx, { resolution: 'explained', explanation: decision.explanation, panelFinding: decision.choice })];
    }
    const unitId = decision.unitId ?? panel.leadUnitId;
    if (!unitId) throw new Error(`panel ${panel.id} decided ${decision.choice} without a unit`);
    const order = decision.choice === 'order-handling';
    return [
      decided,
      {
        ...stamp(ctx),
        type: 'ticket.dispatched',
        unitId,
        level: 1,
        reason: order ? 'panel-ordered' : 'panel-assigned',
        accepted: order,
        deadlines: freshDeadlines(ticket, ctx, { acceptance: !order, returnable: false }),
        dispatchMs: Math.max(0, ctx.now.getTime() - Date.parse(ticket.createdAt)),
      },
    ];
  },

  'review-unseated'(ticket, { reason }, ctx) {
    requireSystem(ctx.actor, 'review-unseated');
    requireStatus(ticket, 'review-unseated', ['in-review']);
    return [{ ...stamp(ctx), type: 'ticket.review-unseated', reason, supervisionUnitId: ctx.city.supervision.id }];
  },

  'zeroing-assign'(ticket, command, ctx) {
    requireSystem(ctx.actor, 'zeroing-assign');
    if (ticket.zeroing?.status === 'open') {
      throw new ConflictError('zeroing.already-open', { zh: `工单 ${ticket.id} 已在 ${ticket.zeroing.month} 清零台账上`, en: `ticket ${ticket.id} is already on the ${ticket.zeroing.month} zeroing ledger` });
    }
    return [{ ...stamp(ctx), type: 'zeroing.assigned', month: command.month, reason: command.reason, unitId: command.unitId }];
  },

  'certify-zeroing'(ticket, command, ctx) {
    requireRole(ctx.actor, ['supervisor'], 'certify-zeroing');
    if (ticket.zeroing?.status !== 'open') {
      throw new ConflictError('certify-zeroing.not-on-ledger', { zh: `工单 ${ticket.id} 不在清零台账上，或已销号`, en: `ticket ${ticket.id} is not open on the zeroing ledger` });
    }
    return [zeroingCleared(ticket.zeroing, 'certified', ctx, command.reason)];
  },

  designate(ticket, command, ctx) {
    requireRole(ctx.actor, ['supervisor'], 'designate');
    // The supervision office may order any open ticket, at any level, to the unit it names (指定承办).
    requireStatus(ticket, 'designate', ['awaiting-designation', 'dispatched', 'accepted', 'difficult']);
    requireHandlerUnit(command.unitId, ctx, 'unitId');
    if (ticket.level === 1 && ticket.unitId === command.unitId && ticket.designated) {
      throw new ConflictError('designate.already', { zh: `工单 ${ticket.id} 已指定由 ${command.unitId} 承办`, en: `ticket ${ticket.id} is already designated to ${command.unitId}` });
    }
    return [
      {
        ...stamp(ctx),
        type: 'ticket.dispatched',
        unitId: command.unitId,
        level: 1,
        reason: 'designated',
        accepted: false,
        deadlines: freshDeadlines(ticket, ctx, { acceptance: true, returnable: false }),
        dispatchMs: Math.max(0, ctx.now.getTime() - Date.parse(ticket.createdAt)),
      },
    ];
  },

  callback(ticket, command, ctx) {
    requireRole(ctx.actor, ['operator', 'supervisor', 'admin'], 'callback');
    const onLedger = ticket.zeroing?.status === 'open';
    // A closed ticket on the zeroing ledger was handled again: the new callback is what clears it (or not).
    requireStatus(ticket, 'callback', onLedger ? ['resolved', 'closed'] : ['resolved']);
    const recorded: NewTicketEvent = {
      ...stamp(ctx),
      type: 'ticket.callback-recorded',
      answered: true,
      resolved: command.resolved,
      satisfied: command.satisfied,
      comment: command.comment,
    };
    const confirmed = command.resolved && command.satisfied;
    const cleared: NewTicketEvent[] = confirmed && ticket.zeroing?.status === 'open' ? [zeroingCleared(ticket.zeroing, 'confirmed', ctx)] : [];
    if (ticket.status === 'closed') return [recorded, ...cleared];
    if (confirmed) {
      return [recorded, closed(ctx, { resolution: 'resolved', satisfaction: 'satisfied' }), ...cleared];
    }
    if (ticket.counters.reopens < ctx.policy.maxReopens && ticket.unitId) {
      const deadlines = freshDeadlines(ticket, ctx, { acceptance: false, returnable: false });
      return [recorded, { ...stamp(ctx), type: 'ticket.reopened', unitId: ticket.unitId, deadlines }];
    }
    return [
      recorded,
      closed(ctx, {
        resolution: command.resolved ? 'resolved' : 'unresolved',
        satisfaction: command.satisfied ? 'satisfied' : 'unsatisfied',
      }),
    ];
  },

  'callback-timeout'(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'callback-timeout');
    requireStatus(ticket, 'callback-timeout', ['resolved']);
    if (ticket.deadlines.callback && ctx.now < new Date(ticket.deadlines.callback)) {
      const until = beijingTime(ticket.deadlines.callback);
      throw new ConflictError('callback.not-due', { zh: `市民可在 ${until}（北京时间）前答复回访`, en: `the citizen has until ${until} Beijing time to answer` });
    }
    return [
      { ...stamp(ctx), type: 'ticket.callback-recorded', answered: false },
      closed(ctx, { resolution: 'resolved', satisfaction: 'no-answer' }),
    ];
  },

  warn(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'warn');
    requireStatus(ticket, 'warn', inHand);
    const due = ticket.deadlines.warnings[0];
    const { complete, allottedFrom } = ticket.deadlines;
    if (!due || !complete || !allottedFrom || ctx.now < new Date(due)) {
      throw new ConflictError('warning.none-due', { zh: '尚无到期的预警', en: 'no warning is due' });
    }
    const { calendar } = ctx;
    const allotted = calendar.workingTimeBetween(new Date(allottedFrom), new Date(complete)).minutes;
    const elapsed = calendar.workingTimeBetween(new Date(allottedFrom), new Date(due)).minutes;
    const fraction = allotted > 0 ? Math.round((elapsed / allotted) * 100) / 100 : 1;
    return [{ ...stamp(ctx), type: 'ticket.warning', unitId: ticket.unitId ?? '', fraction, deadline: complete }];
  },

  escalate(ticket, _command, ctx) {
    requireSystem(ctx.actor, 'escalate');
    requireStatus(ticket, 'escalate', inHand);
    const missed = missedDeadline(ticket, ctx.now);
    if (!missed) throw new ConflictError('escalation.not-due', { zh: '工单尚无超过的时限', en: 'no deadline of the ticket has passed' });
    const rung = nextRung(ticket, ctx.city);
    if (!rung) {
      throw new ConflictError('escalation.top', { zh: '工单已在市热线办督办', en: 'the ticket is already with the city supervision office' });
    }
    return [
      {
        ...stamp(ctx),
        type: 'ticket.escalated',
        reason: 'deadline-missed',
        fromUnitId: ticket.unitId ?? '',
        toUnitId: rung.unitId,
        fromLevel: ticket.level,
        toLevel: rung.level,
        deadlines: escalationDeadlines(ctx, rung.level),
      },
    ];
  },
};

function zeroingCleared(mark: NonNullable<Ticket['zeroing']>, how: 'confirmed' | 'certified', ctx: DecisionContext, reason?: string): NewTicketEvent {
  return { ...stamp(ctx), type: 'zeroing.cleared', month: mark.month, how, unitId: mark.unitId, ...(reason ? { reason } : {}) };
}

/** The supervision office hands a difficult or disputed case to a joint-review panel; the lifecycle convenes it. */
function referToPanel(ticket: Ticket, command: Extract<TicketCommand, { type: 'decide-difficult'; decision: 'refer-to-panel' }>, ctx: DecisionContext): NewTicketEvent[] {
  // A ticket a unit holds may be referred while it is on the zeroing ledger: the office's way to settle what will not clear.
  const onLedger = ticket.zeroing?.status === 'open' && (ticket.status === 'dispatched' || ticket.status === 'accepted');
  if (!onLedger) requireStatus(ticket, 'decide-difficult', ['difficult', 'awaiting-designation']);
  command.involvedUnitIds.forEach((unitId, i) => requireHandlerUnit(unitId, ctx, `involvedUnitIds[${i}]`));
  const leadUnitId = ticket.status === 'difficult' ? ticket.difficultUnitId : onLedger ? ticket.unitId : undefined;
  const involvedUnitIds = [...new Set([...(leadUnitId ? [leadUnitId] : []), ...command.involvedUnitIds])];
  return [
    { ...stamp(ctx), type: 'ticket.difficult-decided', decision: 'refer-to-panel', explanation: command.reason },
    {
      ...stamp(ctx),
      type: 'ticket.referred-to-panel',
      reason: command.reason,
      fromStatus: onLedger ? 'on-ledger' : ticket.status === 'difficult' ? 'difficult' : 'awaiting-designation',
      involvedUnitIds,
      ...(leadUnitId ? { leadUnitId } : {}),
    },
  ];
}

/** The person's unit as one the ticket's whistle called in; anyone else is refused with the command's rule id. */
function calledIn(ticket: Ticket, ctx: DecisionContext, command: 'report-in' | 'add-reply') {
  const unitId = ctx.actor.kind === 'user' && ['clerk', 'coordinator'].includes(ctx.actor.role) ? ctx.actor.unitId : undefined;
  const participant = ticket.whistle?.participants.find((p) => p.unitId === unitId);
  if (!participant || !unitId) {
    throw new ForbiddenError(`${command}.not-called`, { zh: `${unitId ?? '您的单位'}未被吹哨召集，无需${command === 'report-in' ? '报到' : '答复'}`, en: `${unitId ?? 'your unit'} was not called in by a whistle on this ticket` });
  }
  return { unitId, participant };
}

/** The units called in by the ticket's whistle that have neither reported in nor been reported late. */
export function pendingReportIns(ticket: Ticket): string[] {
  return (ticket.whistle?.participants ?? []).filter((p) => !p.reportedAt && !p.missedAt).map((p) => p.unitId);
}

/** The deadline a ticket in hand has missed, if any: acceptance while dispatched, completion always. */
export function missedDeadline(ticket: Ticket, now: Date): 'accept' | 'complete' | undefined {
  const { accept, complete } = ticket.deadlines;
  if (complete && now >= new Date(complete)) return 'complete';
  if (ticket.status === 'dispatched' && accept && now >= new Date(accept)) return 'accept';
  return undefined;
}

function escalationDeadlines(ctx: DecisionContext, level: 2 | 3 | 1) {
  const days = level === 3 ? ctx.policy.escalationWorkingDays.city : ctx.policy.escalationWorkingDays.district;
  const deadlines = allot({ from: ctx.now, completionDays: days, urgency: 'normal', returnable: false }, ctx.policy, ctx.calendar);
  // Warnings go to the unit holding a ticket from the one above it; nobody is above the city to warn it of its own.
  return level === 3 ? { ...deadlines, warnings: [] } : deadlines;
}
