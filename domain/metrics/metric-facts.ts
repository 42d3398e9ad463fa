// The league table kept from the event stream: what one event of a ticket's history adds to a unit's month. Each fact
// is a member of a set (a ticket id, or a ticket's event for counts), so a replayed event adds nothing twice.
import type { TicketEvent } from '../../schemas/ticket-events.js';
import { monthOf } from '../zeroing/months.js';

/** The sets a unit's month is counted from (unit-metrics.ts defines each figure). */
export const factSets = ['dispatched', 'acceptedOnTime', 'lateAcceptance', 'resolved', 'lateResolution', 'firstDispatched', 'returnedFirst', 'callbacks', 'confirmedResolved', 'satisfied', 'noAnswer', 'overdue'] as const;
export type FactSet = (typeof factSets)[number];

export interface MetricFact {
  month: string;
  unitId: string;
  set: FactSet;
  member: string;
}

type Of<T extends TicketEvent['type']> = Extract<TicketEvent, { type: T }>;

/** The events that add facts; every other event adds none, so its history need not be read. */
export const factEventTypes = new Set<TicketEvent['type']>(['ticket.dispatched', 'ticket.escalated', 'ticket.accepted', 'ticket.returned', 'ticket.resolved', 'ticket.callback-recorded']);

/** True when the event's facts follow from the event alone: a ticket's first, direct dispatch has nothing before it. */
export const factsNeedNoHistory = (event: TicketEvent): boolean => event.type === 'ticket.dispatched' && event.reason === 'direct';

/** What `history[index]` adds to the units' months, given the ticket's history up to it (in seq order). */
export function metricFacts(history: readonly TicketEvent[], index: number): MetricFact[] {
  const event = history[index];
  if (!event) return [];
  const id = event.ticketId;
  const fact = (unitId: string, set: FactSet, member = id, at = event.at): MetricFact => ({ month: monthOf(new Date(at)), unitId, set, member });
  const before = history.slice(0, index);
  switch (event.type) {
    case 'ticket.dispatched': {
      // An order to handle arrives accepted: answered at once.
      const facts = [fact(event.unitId, 'dispatched'), ...(event.accepted ? [fact(event.unitId, 'acceptedOnTime')] : []), ...unansweredDispatch(before, event)];
      if (event.reason === 'direct' && !before.some((e) => e.type === 'ticket.dispatched')) facts.push(fact(event.unitId, 'firstDispatched'));
      return facts;
    }
    case 'ticket.escalated':
      // A missed deadline at the unit: the month's overdue count, and the pending dispatch went unanswered.
      return [fact(event.fromUnitId, 'overdue'), ...unansweredDispatch(before, event)];
    case 'ticket.accepted': {
      const dispatch = pendingDispatch(before);
      if (!dispatch || dispatch.unitId !== event.unitId) return [];
      const deadline = dispatch.deadlines.accept;
      const late = deadline !== undefined && Date.parse(event.at) > Date.parse(deadline);
      return [fact(dispatch.unitId, late ? 'lateAcceptance' : 'acceptedOnTime', id, dispatch.at)];
    }
    case 'ticket.returned': {
      const first = history.find((e): e is Of<'ticket.dispatched'> => e.type === 'ticket.dispatched');
      return first && first.reason === 'direct' && first.unitId === event.unitId ? [fact(first.unitId, 'returnedFirst', id, first.at)] : [];
    }
    case 'ticket.resolved': {
      const complete = completeDeadline(before);
      const late = complete !== undefined && Date.parse(event.at) > Date.parse(complete);
      return [fact(event.unitId, 'resolved'), ...(late ? [fact(event.unitId, 'lateResolution')] : [])];
    }
    case 'ticket.callback-recorded': {
      const resolver = [...before].reverse().find((e): e is Of<'ticket.resolved'> => e.type === 'ticket.resolved')?.unitId;
      if (!resolver) return [];
      const member = `${id}#${event.seq}`;
      if (!event.answered) return [fact(resolver, 'noAnswer', member)];
      return [
        fact(resolver, 'callbacks', member),
        ...(event.resolved === true ? [fact(resolver, 'confirmedResolved', member)] : []),
        ...(event.satisfied === true ? [fact(resolver, 'satisfied', member)] : []),
      ];
    }
    default:
      return [];
  }
}

/** The dispatch still waiting for its acceptance: the latest dispatch, if nothing moved the ticket on since. */
function pendingDispatch(before: readonly TicketEvent[]): Of<'ticket.dispatched'> | undefined {
  for (const event of [...before].reverse()) {
    if (event.type === 'ticket.dispatched') return event.accepted ? undefined : event;
    if (event.type === 'ticket.escalated' || event.type === 'ticket.accepted') return undefined;
  }
  return undefined;
}

/** A dispatch the ticket moves on from before it was accepted counts as not accepted on time, in its own month. */
function unansweredDispatch(before: readonly TicketEvent[], event: TicketEvent): MetricFact[] {
  const dispatch = pendingDispatch(before);
  return dispatch ? [{ month: monthOf(new Date(dispatch.at)), unitId: dispatch.unitId, set: 'lateAcceptance', member: event.ticketId }] : [];
}

/** The completion deadline in force: the latest one a dispatch, escalation, extension or reopening set. */
function completeDeadline(before: readonly TicketEvent[]): string | undefined {
  for (const event of [...before].reverse()) {
    if (event.type === 'ticket.dispatched' || event.type === 'ticket.escalated' || event.type === 'ticket.extension-decided' || event.type === 'ticket.reopened') {
      return event.deadlines.complete;
    }
  }
  return undefined;
}
