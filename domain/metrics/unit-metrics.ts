// The monthly league table of handler units: how fast and how well each unit handled what it was sent.
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import { isInMonth, monthBounds } from '../zeroing/months.js';

/** One unit's figures for one month; every rate is null when nothing fell under it. */
export interface UnitMetrics {
  month: string;
  unitId: string;
  /** Tickets dispatched to the unit during the month. */
  dispatched: number;
  /** Of those, tickets the unit accepted by the acceptance deadline of every dispatch it got that month. */
  acceptedOnTime: number;
  responseRate: number | null;
  /** Tickets the unit resolved during the month. */
  resolved: number;
  /** Of those, tickets whose every resolution that month met the completion deadline then in force. */
  resolvedOnTime: number;
  onTimeCompletionRate: number | null;
  /** Tickets whose first, direct dispatch went to the unit during the month. */
  firstDispatched: number;
  /** Of those, tickets the unit never returned. */
  firstDispatchKept: number;
  firstDispatchAccuracy: number | null;
  /** Answered callbacks during the month on tickets the unit resolved last. */
  callbacks: number;
  /** Answered callbacks in which the citizen said the problem was solved. */
  confirmedResolved: number;
  /** Answered callbacks in which the citizen said they were satisfied. */
  satisfied: number;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Callbacks nobody answered: left out of both rates. */
  noAnswer: number;
  /** Tickets the unit holds, unfinished, whose completion deadline fell before the month ended. */
  overdue: number;
}

interface Tally {
  dispatched: Set<string>;
  lateAcceptance: Set<string>;
  resolved: Set<string>;
  lateResolution: Set<string>;
  firstDispatched: Set<string>;
  returnedFirst: Set<string>;
  callbacks: number;
  confirmedResolved: number;
  satisfied: number;
  noAnswer: number;
  overdue: number;
}

type Of<T extends TicketEvent['type']> = Extract<TicketEvent, { type: T }>;

/** Computes the month's metrics for every unit that had a ticket dispatched to it in that Shanghai month, sorted by unitId. */
export function unitMonthMetrics(month: string, tickets: { ticket: Ticket; events: TicketEvent[] }[]): UnitMetrics[] {
  const monthEnd = monthBounds(month).end.getTime();
  const units = new Map<string, Tally>();
  const unit = (id: string): Tally => {
    let t = units.get(id);
    if (!t) {
      t = {
        dispatched: new Set(),
        lateAcceptance: new Set(),
        resolved: new Set(),
        lateResolution: new Set(),
        firstDispatched: new Set(),
        returnedFirst: new Set(),
        callbacks: 0,
        confirmedResolved: 0,
        satisfied: 0,
        noAnswer: 0,
        overdue: 0,
      };
      units.set(id, t);
    }
    return t;
  };

  for (const { ticket, events } of tickets) {
    // The seq, not the array order, is the history's order.
    const history = [...events].sort((a, b) => a.seq - b.seq);
    const id = ticket.id;

    const first = history.find((e): e is Of<'ticket.dispatched'> => e.type === 'ticket.dispatched');
    if (first && first.reason === 'direct' && isInMonth(first.at, month)) {
      const u = unit(first.unitId);
      u.firstDispatched.add(id);
      if (history.some((e) => e.type === 'ticket.returned' && e.unitId === first.unitId)) u.returnedFirst.add(id);
    }

    let complete: string | undefined;
    let lastResolver: string | undefined;
    history.forEach((event, index) => {
      switch (event.type) {
        case 'ticket.dispatched': {
          complete = event.deadlines.complete;
          if (!isInMonth(event.at, month)) break;
          const u = unit(event.unitId);
          u.dispatched.add(id);
          if (!event.accepted && !acceptedInTime(history, index, event)) u.lateAcceptance.add(id);
          break;
        }
        case 'ticket.escalated':
        case 'ticket.extension-decided':
        case 'ticket.reopened':
          complete = event.deadlines.complete;
          break;
        case 'ticket.resolved': {
          lastResolver = event.unitId;
          if (!isInMonth(event.at, month)) break;
          const u = unit(event.unitId);
          u.resolved.add(id);
          if (complete !== undefined && Date.parse(event.at) > Date.parse(complete)) u.lateResolution.add(id);
          break;
        }
        case 'ticket.callback-recorded': {
          if (lastResolver === undefined || !isInMonth(event.at, month)) break;
          const u = unit(lastResolver);
          if (!event.answered) {
            u.noAnswer++;
            break;
          }
          u.callbacks++;
          if (event.resolved === true) u.confirmedResolved++;
          if (event.satisfied === true) u.satisfied++;
          break;
        }
        default:
          break;
      }
    });

    const done = ticket.status === 'resolved' || ticket.status === 'closed';
    const due = ticket.deadlines.complete;
    if (ticket.unitId !== undefined && !done && due !== undefined && Date.parse(due) < monthEnd) {
      unit(ticket.unitId).overdue++;
    }
  }

  return [...units.entries()]
    .filter(([, t]) => t.dispatched.size > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, t]) => {
      const acceptedOnTime = t.dispatched.size - t.lateAcceptance.size;
      const resolvedOnTime = t.resolved.size - t.lateResolution.size;
      const firstDispatchKept = t.firstDispatched.size - t.returnedFirst.size;
      return {
        month,
        unitId,
        dispatched: t.dispatched.size,
        acceptedOnTime,
        responseRate: rate(acceptedOnTime, t.dispatched.size),
        resolved: t.resolved.size,
        resolvedOnTime,
        onTimeCompletionRate: rate(resolvedOnTime, t.resolved.size),
        firstDispatched: t.firstDispatched.size,
        firstDispatchKept,
        firstDispatchAccuracy: rate(firstDispatchKept, t.firstDispatched.size),
        callbacks: t.callbacks,
        confirmedResolved: t.confirmedResolved,
        satisfied: t.satisfied,
        resolutionRate: rate(t.confirmedResolved, t.callbacks),
        satisfactionRate: rate(t.satisfied, t.callbacks),
        noAnswer: t.noAnswer,
        overdue: t.overdue,
      };
    });
}

// The acceptance must answer this dispatch: once the ticket moves on (re-dispatch, escalation) a later acceptance answers that move.
function acceptedInTime(history: TicketEvent[], index: number, dispatch: Of<'ticket.dispatched'>): boolean {
  for (const event of history.slice(index + 1)) {
    if (event.type === 'ticket.dispatched' || event.type === 'ticket.escalated') return false;
    if (event.type === 'ticket.accepted' && event.unitId === dispatch.unitId) {
      const deadline = dispatch.deadlines.accept;
      return deadline === undefined || Date.parse(event.at) <= Date.parse(deadline);
    }
  }
  return false;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
