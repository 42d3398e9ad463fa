// Who may read a ticket (its details, timeline and lifecycle): each role by its own rule, from the token's claims only.
import type { UserActor } from '../../schemas/actor.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import { ForbiddenError } from '../errors.js';

/** Refuses a person who may not read the ticket; a claim the role's rule needs and the token lacks refuses too. */
export function requireTicketReader(ticket: Ticket, timeline: readonly TicketEvent[], actor: UserActor): void {
  if (mayRead(ticket, timeline, actor)) return;
  const unit = actor.unitId;
  throw new ForbiddenError('ticket.not-your-unit', {
    zh: `工单 ${ticket.id} 从未由 ${unit ?? '您的单位'} 承办`,
    en: `ticket ${ticket.id} was never with ${unit ?? 'your unit'}`,
  });
}

/** True when the ticket as it is now lets the person read it (a city-wide role, its holder, its district, a unit its whistle called in): no history is needed. */
export function readsFromTicketAlone(ticket: Ticket, actor: UserActor): boolean {
  switch (actor.role) {
    case 'operator':
    case 'supervisor':
    case 'admin':
      return true;
    case 'clerk':
      return actor.unitId !== undefined && holds(ticket, actor.unitId);
    case 'coordinator':
      // A district backstops every ticket of its streets, as its listing (GET /v1/tickets) already shows them.
      return actor.unitId !== undefined && (ticket.location.districtId === actor.unitId || holds(ticket, actor.unitId));
    case 'panelist':
      // A member reads the case through its panel, without the caller's name and number, whatever else its token says.
      return false;
  }
}

function mayRead(ticket: Ticket, timeline: readonly TicketEvent[], actor: UserActor): boolean {
  if (readsFromTicketAlone(ticket, actor)) return true;
  // A unit that once held the ticket reads it still.
  const unit = actor.unitId;
  return (actor.role === 'clerk' || actor.role === 'coordinator') && unit !== undefined && timeline.some((e) => 'unitId' in e && e.unitId === unit);
}

/** The unit holds the ticket now, or was called in by its whistle. */
function holds(ticket: Ticket, unit: string): boolean {
  return ticket.unitId === unit || (ticket.whistle?.participants.some((p) => p.unitId === unit) ?? false);
}
