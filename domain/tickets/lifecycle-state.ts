// Where a ticket stands in its lifecycle machine, and when the machine should next look at it on its own.
import type { Ticket } from '../../schemas/ticket.js';
import type { LifecyclePhase, LifecycleState } from '../../schemas/workflows/ticket-lifecycle.js';
import { pendingReportIns } from './decide.js';
import { secondsUntilNextWakeUp } from './next-wake-up.js';

/** The phase of the ladder the ticket is in: the state its lifecycle machine waits in. */
export function lifecyclePhase(ticket: Ticket): LifecyclePhase {
  switch (ticket.status) {
    case 'received':
      // Only the Dispatch task sees a received ticket, and it dispatches it before answering.
      throw new Error(`ticket ${ticket.id} is not dispatched yet`);
    case 'closed':
      return 'closed';
    case 'resolved':
      return 'awaiting-callback';
    case 'difficult':
      return 'difficult';
    case 'awaiting-designation':
      return 'awaiting-designation';
    case 'return-review':
      return 'return-review';
    case 'in-review':
      return 'in-review';
    case 'dispatched':
    case 'accepted':
      if (ticket.level === 3) return 'at-city';
      if (ticket.level === 2) return 'at-district';
      if (pendingReportIns(ticket).length > 0) return 'whistled';
      if (ticket.warnedAt) return 'warned';
      return ticket.reopenedAt ? 'reopened' : 'at-unit';
  }
}

/** What every lifecycle task answers: the phase to route on and the wait's timeout. */
export function lifecycleState(ticket: Ticket, now: Date): LifecycleState {
  return { phase: lifecyclePhase(ticket), waitSeconds: secondsUntilNextWakeUp(ticket, now), version: ticket.version };
}
