// Who may read a ticket (its details, timeline and lifecycle): the city-wide roles, and the units it concerns.
import type { UserActor } from '../../schemas/actor.js';
import type { Role } from '../../schemas/common.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import { ForbiddenError } from '../errors.js';

const EVERY_TICKET: readonly Role[] = ['operator', 'supervisor', 'admin'];

/** Refuses a person who may not read the ticket: anyone but the city-wide roles and the units it was ever with or called in. */
export function requireTicketReader(ticket: Ticket, timeline: readonly TicketEvent[], actor: UserActor): void {
  if (EVERY_TICKET.includes(actor.role)) return;
  // A unit sees the tickets it holds or once held; the citizen's details are not for every clerk in the city.
  // Units a whistle called in see the ticket they must report in to.
  const unit = actor.unitId;
  const calledIn = ticket.whistle?.participants.some((p) => p.unitId === unit) ?? false;
  if (unit !== undefined && (calledIn || ticket.unitId === unit || timeline.some((e) => 'unitId' in e && e.unitId === unit))) return;
  throw new ForbiddenError('ticket.not-your-unit', {
    zh: `工单 ${ticket.id} 从未由 ${unit ?? '您的单位'} 承办`,
    en: `ticket ${ticket.id} was never with ${unit ?? 'your unit'}`,
  });
}
