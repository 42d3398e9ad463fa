// The work queues of a whistle (吹哨报到) as postings: a called-in unit is not the ticket's unit, so no index of the
// ticket's own attributes can list it; each unit's listing is a marker partition of the postings table instead.
import type { Ticket } from '../../schemas/ticket.js';

/** The marker partition of the tickets with anyone still to report in, or, with a unit, of those it must report in to. */
export function awaitingReportInMarker(unitId?: string): string {
  return unitId === undefined ? '@awaiting-report-in' : `@awaiting-report-in:${unitId}`;
}

/** The marker partition of the open tickets a unit was called into. */
export function calledInMarker(unitId: string): string {
  return `@called-in:${unitId}`;
}

/** True for a marker partition rather than a word of ticket text (no search token starts with `@`). */
export function isMarker(token: string): boolean {
  return token.startsWith('@');
}

const IN_HAND = new Set<Ticket['status']>(['dispatched', 'accepted']);

/**
 * The markers a ticket stands in now (`standing`) and every marker its whistle could ever put it in (`possible`): a save
 * writes the first and deletes the rest, so the postings follow the ticket in its own transaction.
 */
export function whistlePostings(ticket: Ticket): { standing: string[]; possible: string[] } {
  const participants = ticket.whistle?.participants ?? [];
  if (participants.length === 0) return { standing: [], possible: [] };
  const possible = [awaitingReportInMarker(), ...participants.flatMap((p) => [awaitingReportInMarker(p.unitId), calledInMarker(p.unitId)])];
  if (!IN_HAND.has(ticket.status)) return { standing: [], possible };
  const pending = participants.filter((p) => !p.reportedAt);
  const standing = [
    ...(pending.length > 0 ? [awaitingReportInMarker()] : []),
    ...pending.map((p) => awaitingReportInMarker(p.unitId)),
    ...participants.map((p) => calledInMarker(p.unitId)),
  ];
  return { standing, possible };
}
