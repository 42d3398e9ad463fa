// Which events put a ticket on the zeroing ledger (动态清零), and which unit must clear it.
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import type { LedgerReason } from '../../schemas/zeroing.js';

/** Why a ticket is on the ledger, as the supervision office says it. */
export const ledgerReasonNames: Record<LedgerReason, string> = { unresolved: '未解决', unsatisfied: '不满意', overdue: '超期' };

/**
 * The reason and responsible unit when an event puts its ticket on the ledger: closed unresolved, closed resolved but
 * unsatisfied (an unreachable citizen is nobody's failure), or a missed deadline (an escalation); else undefined.
 */
export function ledgerReasonOf(event: TicketEvent, ticket: Ticket): { reason: LedgerReason; unitId: string } | undefined {
  if (ticket.zeroing?.status === 'open') return undefined;
  if (event.type === 'ticket.escalated') return { reason: 'overdue', unitId: event.fromUnitId };
  if (event.type !== 'ticket.closed' || !ticket.unitId) return undefined;
  const { resolution, satisfaction } = event.outcome;
  if (resolution === 'unresolved') return { reason: 'unresolved', unitId: ticket.unitId };
  if (resolution === 'resolved' && satisfaction === 'unsatisfied') return { reason: 'unsatisfied', unitId: ticket.unitId };
  return undefined;
}
