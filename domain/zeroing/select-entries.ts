// Sweeps the tickets into a month's zeroing ledger (动态清零台账).
import type { Ticket } from '../../schemas/ticket.js';
import type { LedgerEntry, LedgerReason } from '../../schemas/zeroing.js';
import { monthBounds } from './months.js';

/** The new ledger entries of `month`: closed unresolved or unsatisfied in the month, overdue at `now`, or carried over still open. */
export function selectLedgerEntries(
  month: string,
  tickets: Ticket[],
  openEntries: LedgerEntry[],
  now: Date,
): LedgerEntry[] {
  const bounds = monthBounds(month);
  const enteredAt = now.toISOString();

  // Entries of `month` in any status count as already listed, so a re-run (or a caller passing the whole ledger)
  // adds nothing twice; only open entries of earlier months are carried over.
  const listed = new Set(openEntries.filter((e) => e.month === month).map((e) => e.ticketId));
  const earlier = new Map<string, LedgerEntry[]>();
  for (const entry of openEntries) {
    if (entry.status !== 'open' || entry.month >= month) continue;
    earlier.set(entry.ticketId, [...(earlier.get(entry.ticketId) ?? []), entry]);
  }

  const selected = new Map<string, LedgerEntry>();
  for (const ticket of tickets) {
    if (listed.has(ticket.id) || selected.has(ticket.id)) continue;
    const carried = earlier.get(ticket.id);
    const reason = reasonFor(ticket, bounds, now) ?? (carried ? earliest(carried).reason : undefined);
    if (!reason) continue;
    selected.set(ticket.id, {
      month,
      ticketId: ticket.id,
      unitId: ticket.unitId ?? (carried ? earliest(carried).unitId : 'unassigned'),
      reason,
      status: 'open',
      enteredAt,
      ...(carried ? { carriedFrom: origin(carried) } : {}),
    });
  }

  // An open entry stays on the ledger until it is cleared, even when its ticket was not handed in this time.
  for (const [ticketId, carried] of earlier) {
    if (listed.has(ticketId) || selected.has(ticketId)) continue;
    const first = earliest(carried);
    selected.set(ticketId, {
      month,
      ticketId,
      unitId: first.unitId,
      reason: first.reason,
      status: 'open',
      enteredAt,
      carriedFrom: origin(carried),
    });
  }

  return [...selected.values()].sort((a, b) => (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0));
}

function reasonFor(ticket: Ticket, bounds: { start: Date; end: Date }, now: Date): LedgerReason | undefined {
  if (ticket.status === 'closed') {
    const closedAt = ticket.closedAt ? Date.parse(ticket.closedAt) : NaN;
    // Closures of earlier months were their own campaign's business: if still open they come back as carry-overs,
    // and if the supervision office explained them they must not return every month.
    if (!(closedAt >= bounds.start.getTime() && closedAt < bounds.end.getTime())) return undefined;
    const outcome = ticket.outcome;
    // An unreachable citizen neither confirms nor disputes the result, so the ticket is not the unit's failure.
    if (!outcome || outcome.satisfaction === 'no-answer') return undefined;
    if (outcome.resolution === 'unresolved') return 'unresolved';
    if (outcome.resolution === 'resolved' && outcome.satisfaction === 'unsatisfied') return 'unsatisfied';
    return undefined;
  }
  if (ticket.status === 'resolved') return undefined;
  const complete = ticket.deadlines.complete;
  return complete !== undefined && Date.parse(complete) < now.getTime() ? 'overdue' : undefined;
}

function origin(entries: LedgerEntry[]): string {
  return entries.map((e) => e.carriedFrom ?? e.month).reduce((a, b) => (b < a ? b : a));
}

function earliest(entries: LedgerEntry[]): LedgerEntry {
  return entries.reduce((a, b) => (b.month < a.month ? b : a));
}
