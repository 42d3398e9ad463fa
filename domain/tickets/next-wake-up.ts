// When the lifecycle should next look at a ticket on its own: the earliest deadline or reminder still ahead.
import type { Ticket } from '../../schemas/ticket.js';
import { missedDeadline, pendingReportIns } from './decide.js';

/**
 * Nothing left to watch (a difficult case, a designation, a city-level ticket past its deadline): look again weekly, a
 * safety net only, since whoever acts on the ticket wakes its lifecycle. Each look costs three state transitions: daily,
 * a ticket left at the city for a month cost 90, more than ten tickets handled on time.
 */
export const IDLE_RECHECK_SECONDS = 7 * 24 * 3600;

/** What is due at `now`, in the order the lifecycle handles it. */
export type DueWork = 'warn' | 'escalate' | 'callback-timeout' | 'return-review-timeout' | 'report-in-timeout' | undefined;

/** The time-driven command due for the ticket now, if any. */
export function dueWork(ticket: Ticket, now: Date): DueWork {
  const { warnings, callback } = ticket.deadlines;
  if (ticket.status === 'resolved') return callback && now >= new Date(callback) ? 'callback-timeout' : undefined;
  if (ticket.status === 'return-review') {
    const reviewBy = ticket.pendingReturn?.reviewBy;
    return reviewBy && now >= new Date(reviewBy) ? 'return-review-timeout' : undefined;
  }
  if (ticket.status !== 'dispatched' && ticket.status !== 'accepted') return undefined;
  if (missedDeadline(ticket, now) && ticket.level < 3) return 'escalate';
  const reportBy = ticket.whistle?.reportBy;
  if (reportBy && now >= new Date(reportBy) && pendingReportIns(ticket).length > 0) return 'report-in-timeout';
  const warning = warnings[0];
  if (warning && now >= new Date(warning)) return 'warn';
  return undefined;
}

/** Seconds until the lifecycle should wake up for the ticket (at least 1). */
export function secondsUntilNextWakeUp(ticket: Ticket, now: Date): number {
  const { accept, complete, warnings, callback } = ticket.deadlines;
  const candidates: (string | undefined)[] = [];
  if (ticket.status === 'resolved') candidates.push(callback);
  else if (ticket.status === 'return-review') candidates.push(ticket.pendingReturn?.reviewBy);
  else if (ticket.status === 'dispatched' || ticket.status === 'accepted') {
    candidates.push(warnings[0]);
    if (pendingReportIns(ticket).length > 0) candidates.push(ticket.whistle?.reportBy);
    // At the city too: nothing is above it, but the overdue alarm and the zeroing ledger take the ticket at its deadline.
    candidates.push(complete);
    if (ticket.level < 3 && ticket.status === 'dispatched') candidates.push(accept);
  }
  const ahead = candidates
    .filter((c): c is string => c !== undefined)
    .map((c) => Math.ceil((Date.parse(c) - now.getTime()) / 1000))
    .filter((s) => s > 0);
  return ahead.length > 0 ? Math.min(...ahead) : IDLE_RECHECK_SECONDS;
}
