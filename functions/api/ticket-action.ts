// POST /v1/tickets/{id}/actions and /callback: a person acts on a ticket; the lifecycle is woken to look at it again.
import { NotFoundError } from '../../domain/errors.js';
import { applyTo } from '../../domain/tickets/apply-command.js';
import { readsFromTicketAlone, requireTicketReader } from '../../domain/tickets/ticket-readers.js';
import { Callback, TicketActionBody, type TicketCommand } from '../../schemas/commands.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, pathParameter } from '../shared/http.js';
import { decisionContext, tickets, wakeLifecycle } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const id = pathParameter(event, 'id', Id);
  const command: TicketCommand = event.rawPath.endsWith('/callback')
    ? { type: 'callback', ...parseBody(event, Callback) }
    : parseBody(event, TicketActionBody);
  const actor = requestActor(event);
  const ticket = await tickets.get(id);
  if (!ticket) throw new NotFoundError('ticket', id);
  // One who may not read the ticket learns nothing of it from an action's refusal: not its state, not its unit. The
  // history is read only when the ticket as it is cannot tell (a unit that once held it), not on every action.
  if (!readsFromTicketAlone(ticket, actor)) requireTicketReader(ticket, await tickets.history(id), actor);
  const applied = await applyTo(tickets, ticket, command, await decisionContext(actor));
  await wakeLifecycle(applied.ticket);
  return json(200, { ...applied.ticket, events: applied.events });
});
