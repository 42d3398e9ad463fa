// The checks every ticket decision shares: state, ownership and role. Each throws the rule it enforces.
import type { Actor, UserActor } from '../../schemas/actor.js';
import type { Role } from '../../schemas/common.js';
import type { Ticket, TicketStatus } from '../../schemas/ticket.js';
import { ConflictError, ForbiddenError } from '../errors.js';

/** Refuses an action the ticket's status does not allow, naming what would allow it. */
export function requireStatus(ticket: Ticket, action: string, allowed: readonly TicketStatus[]): void {
  if (allowed.includes(ticket.status)) return;
  if (ticket.status === 'closed') {
    throw new ConflictError('ticket.closed', `cannot ${action}: ticket ${ticket.id} is closed`);
  }
  throw new ConflictError(
    `${action}.status`,
    `cannot ${action} a ticket that is ${ticket.status}; allowed when ${allowed.join(' or ')}`,
  );
}

/** Only the unit that holds the ticket may act on it as its handler. */
export function requireHandler(ticket: Ticket, actor: Actor, action: string): UserActor {
  if (actor.kind !== 'user' || !['clerk', 'coordinator', 'supervisor'].includes(actor.role)) {
    throw new ForbiddenError('ticket.handler-only', `only the handling unit can ${action}`);
  }
  if (actor.unitId !== ticket.unitId) {
    throw new ForbiddenError(
      'ticket.not-your-unit',
      `ticket ${ticket.id} is handled by ${ticket.unitId ?? 'no unit'}; ${actor.unitId ?? 'a user without a unit'} cannot ${action} it`,
    );
  }
  return actor;
}

/** Only people with one of these roles may do this. */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): UserActor {
  if (actor.kind !== 'user' || !roles.includes(actor.role)) {
    throw new ForbiddenError(`${action}.role`, `only ${roles.join(' or ')} may ${action}`);
  }
  return actor;
}

/** Time-driven commands come from the workflow, never from a person. */
export function requireSystem(actor: Actor, action: string): void {
  if (actor.kind !== 'system') throw new ForbiddenError(`${action}.system-only`, `${action} is done by the system`);
}
