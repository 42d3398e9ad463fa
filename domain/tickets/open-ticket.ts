// Intake: a validated request body becomes the ticket's first event, with defaults from the catalogue.
import type { CreateTicket } from '../../schemas/commands.js';
import type { NewTicketEvent } from '../../schemas/ticket-events.js';
import { ValidationError } from '../errors.js';
import type { DecisionContext } from './decision-context.js';
import { requireRole } from './guards.js';

/** The `ticket.created` event for a request; throws naming the fields that refer to nothing in this city. */
export function openTicket(body: CreateTicket, ctx: DecisionContext): NewTicketEvent[] {
  requireRole(ctx.actor, ['operator', 'supervisor', 'admin'], 'create a ticket');
  const issues = ctx.city.checkTicketReferences(body.category, body.location);
  const category = ctx.city.category(body.category);
  if (issues.length > 0 || !category) throw new ValidationError(issues);
  const created: NewTicketEvent = {
    type: 'ticket.created',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    channel: body.channel,
    kind: body.kind ?? category.kind,
    urgency: body.urgency ?? category.urgency,
    category: category.code,
    title: body.title,
    description: body.description,
    location: body.location,
    citizen: body.citizen,
  };
  return [created];
}
