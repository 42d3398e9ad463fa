// Folds a ticket's events into its current state: the only place a ticket's fields change.
import type { Ticket } from '../../schemas/ticket.js';
import type { NewTicketEvent, TicketEvent } from '../../schemas/ticket-events.js';

const designatingReasons = new Set(['designated', 'redispatched', 'ordered', 'panel-assigned', 'panel-ordered']);

/** The ticket after one more event; `undefined` before its `ticket.created` event. */
export function evolve(ticket: Ticket | undefined, event: TicketEvent): Ticket {
  if (event.type === 'ticket.created') {
    return {
      id: event.ticketId,
      channel: event.channel,
      kind: event.kind,
      urgency: event.urgency,
      category: event.category,
      title: event.title,
      description: event.description,
      location: event.location,
      citizen: event.citizen,
      ...(event.client ? { client: event.client } : {}),
      status: 'received',
      level: 1,
      designated: false,
      deadlines: { warnings: [], provisional: false },
      counters: { returns: 0, extensions: 0, reopens: 0, escalations: 0 },
      whistledDepartmentIds: [],
      createdAt: event.at,
      updatedAt: event.at,
      version: event.seq,
    };
  }
  if (!ticket) throw new Error(`event ${event.type} #${event.seq} has no ticket to apply to`);
  const next: Ticket = { ...applyChange(ticket, event), updatedAt: event.at, version: event.seq };
  return next;
}

function applyChange(t: Ticket, e: Exclude<TicketEvent, { type: 'ticket.created' }>): Ticket {
  switch (e.type) {
    case 'ticket.dispatched':
      return {
        ...t,
        status: e.accepted ? 'accepted' : 'dispatched',
        unitId: e.unitId,
        level: e.level,
        deadlines: e.deadlines,
        designated: t.designated || designatingReasons.has(e.reason),
        dispatchedAt: e.at,
        acceptedAt: e.accepted ? e.at : t.acceptedAt,
        warnedAt: undefined,
        reopenedAt: undefined,
        pendingExtension: undefined,
        difficultUnitId: undefined,
      };
    case 'ticket.accepted':
      return { ...t, status: 'accepted', acceptedAt: e.at };
    case 'ticket.warning':
      // Warnings are sent in order, so the one just sent is the earliest still listed.
      return { ...t, warnedAt: e.at, deadlines: { ...t.deadlines, warnings: t.deadlines.warnings.slice(1) } };
    case 'ticket.escalated':
      return {
        ...t,
        status: 'dispatched',
        unitId: e.toUnitId,
        level: e.toLevel,
        deadlines: e.deadlines,
        counters: { ...t.counters, escalations: t.counters.escalations + 1 },
        dispatchedAt: e.at,
        warnedAt: undefined,
        reopenedAt: undefined,
        pendingExtension: undefined,
      };
    case 'ticket.whistled': {
      const whistledDepartmentIds = [...new Set([...t.whistledDepartmentIds, ...e.departmentIds])];
      // Whistles recorded before report-in existed escalated instead (their ticket.escalated event follows).
      if (!e.districtId || !e.reportBy) return { ...t, whistledDepartmentIds };
      const participants = [...new Set([e.districtId, ...e.departmentIds])].map((unitId) => ({ unitId }));
      return { ...t, whistledDepartmentIds, whistle: { at: e.at, reason: e.reason, reportBy: e.reportBy, participants } };
    }
    case 'ticket.reported-in':
      return {
        ...t,
        whistle: t.whistle && { ...t.whistle, participants: t.whistle.participants.map((p) => (p.unitId === e.unitId ? { ...p, reportedAt: e.at, note: e.note } : p)) },
      };
    case 'ticket.participant-replied':
      return {
        ...t,
        whistle: t.whistle && { ...t.whistle, participants: t.whistle.participants.map((p) => (p.unitId === e.unitId ? { ...p, reply: e.reply, repliedAt: e.at } : p)) },
      };
    case 'ticket.report-in-missed':
      return {
        ...t,
        whistle: t.whistle && { ...t.whistle, participants: t.whistle.participants.map((p) => (e.unitIds.includes(p.unitId) ? { ...p, missedAt: e.at } : p)) },
      };
    case 'ticket.returned': {
      const counters = { ...t.counters, returns: t.counters.returns + 1 };
      if (!e.review) return { ...t, counters };
      const { reviewerUnitId, reviewBy, fromStatus } = e.review;
      const pendingReturn = { unitId: e.unitId, fromStatus, reason: e.reason, suggestedUnitId: e.suggestedUnitId, requestedAt: e.at, reviewBy };
      return { ...t, counters, status: 'return-review', unitId: reviewerUnitId, pendingReturn, pendingExtension: undefined };
    }
    case 'ticket.return-reviewed': {
      const pending = t.pendingReturn;
      // Approved: the dispatch that follows moves the ticket; rejected: it is back with its unit as it was.
      if (e.approved || !pending) return { ...t, pendingReturn: undefined };
      return { ...t, status: pending.fromStatus, unitId: pending.unitId, pendingReturn: undefined };
    }
    case 'ticket.designation-required':
      return {
        ...t,
        status: 'awaiting-designation',
        unitId: e.supervisionUnitId,
        deadlines: { warnings: [], provisional: false },
        warnedAt: undefined,
        reopenedAt: undefined,
        pendingReturn: undefined,
      };
    case 'ticket.extension-requested':
      return { ...t, pendingExtension: { days: e.days, reason: e.reason, requestedAt: e.at } };
    case 'ticket.extension-decided':
      return {
        ...t,
        pendingExtension: undefined,
        deadlines: e.deadlines,
        // An approved extension moves the deadline away: the unit is no longer near it.
        warnedAt: e.approved ? undefined : t.warnedAt,
        counters: { ...t.counters, extensions: t.counters.extensions + (e.approved ? 1 : 0) },
      };
    case 'ticket.marked-difficult':
      return { ...t, status: 'difficult', unitId: e.supervisionUnitId, difficultUnitId: e.unitId, warnedAt: undefined, reopenedAt: undefined, pendingExtension: undefined };
    case 'ticket.referred-to-panel': {
      const { reason, fromStatus, involvedUnitIds, leadUnitId } = e;
      return { ...t, status: 'in-review', review: { referredAt: e.at, reason, fromStatus, involvedUnitIds, leadUnitId, panelIds: [] }, deadlines: { warnings: [], provisional: false } };
    }
    case 'ticket.panel-convened':
      return { ...t, review: t.review && { ...t.review, panelIds: [...t.review.panelIds, e.panelId], votingUntil: e.deadline } };
    case 'ticket.panel-reminded':
      return t;
    case 'zeroing.assigned':
      return { ...t, zeroing: { month: e.month, reason: e.reason, unitId: e.unitId, status: 'open', at: e.at } };
    case 'zeroing.cleared':
      return { ...t, zeroing: t.zeroing && { ...t.zeroing, status: e.how === 'confirmed' ? 'cleared' : 'certified', at: e.at } };
    case 'ticket.panel-decided':
      // After the last round without a decision, the case is the supervision office's to decide again.
      return e.next === 'to-supervision' ? { ...t, status: 'difficult', unitId: e.supervisionUnitId } : t;
    case 'ticket.review-unseated':
      return { ...t, status: 'difficult', unitId: e.supervisionUnitId };
    case 'ticket.difficult-decided':
    case 'ticket.callback-recorded':
      return t;
    case 'ticket.resolved':
      return {
        ...t,
        status: 'resolved',
        resolvedAt: e.at,
        deadlines: { ...t.deadlines, warnings: [], callback: e.callbackDeadline },
        warnedAt: undefined,
        outcome: { resolution: 'resolved', reply: e.reply },
        pendingExtension: undefined,
      };
    case 'ticket.reopened':
      return {
        ...t,
        status: 'accepted',
        unitId: e.unitId,
        deadlines: e.deadlines,
        counters: { ...t.counters, reopens: t.counters.reopens + 1 },
        reopenedAt: e.at,
        warnedAt: undefined,
        outcome: undefined,
      };
    case 'ticket.closed':
      return {
        ...t,
        status: 'closed',
        closedAt: e.at,
        deadlines: { ...t.deadlines, warnings: [] },
        outcome: { ...e.outcome, reply: e.outcome.reply ?? t.outcome?.reply },
        pendingExtension: undefined,
      };
  }
}

/** The ticket rebuilt from its whole history. */
export function replay(events: readonly TicketEvent[]): Ticket {
  let ticket: Ticket | undefined;
  for (const event of events) ticket = evolve(ticket, event);
  if (!ticket) throw new Error('a ticket needs at least its ticket.created event');
  return ticket;
}

/** Gives proposed events their place in the ticket's history, after `version`. */
export function stamp(ticketId: string, version: number, events: readonly NewTicketEvent[]): TicketEvent[] {
  return events.map((event, i) => ({ ...event, ticketId, seq: version + i + 1 }) as TicketEvent);
}
