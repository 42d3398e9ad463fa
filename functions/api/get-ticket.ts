// GET /v1/tickets/{id}: the ticket with its deadlines, level, current unit, whole timeline, the notifications the reader
// may see and the actions open to the reader.
import { NotFoundError } from '../../domain/errors.js';
import { deliveryLogFor } from '../../domain/notifications/delivery-log.js';
import { availableActions } from '../../domain/tickets/available-actions.js';
import { requireTicketReader } from '../../domain/tickets/ticket-readers.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, pathParameter } from '../shared/http.js';
import { decisionContext, deliveries, tickets } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const id = pathParameter(event, 'id', Id);
  const [ticket, timeline, notifications, ctx] = await Promise.all([tickets.get(id), tickets.history(id), deliveries.forTicket(id), decisionContext(actor)]);
  if (!ticket) throw new NotFoundError('ticket', id);
  requireTicketReader(ticket, timeline, actor);
  return json(200, { ...ticket, timeline, notifications: deliveryLogFor(actor, notifications), actions: availableActions(ticket, ctx) });
});
