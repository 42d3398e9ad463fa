// POST /v1/tickets/{id}/actions and /callback: a person acts on a ticket; the lifecycle is woken to look at it again.
import { applyCommand } from '../../domain/tickets/apply-command.js';
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
  const applied = await applyCommand(tickets, id, command, await decisionContext(requestActor(event)));
  await wakeLifecycle(applied.ticket);
  return json(200, { ...applied.ticket, events: applied.events });
});
