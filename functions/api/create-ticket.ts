// POST /v1/tickets: intake opens and routes the ticket and writes it; its stream record starts the lifecycle. The answer
// tells the operator where it went. A retried Idempotency-Key returns the first ticket.
import { requireIntakeRole } from '../../domain/tickets/open-ticket.js';
import { CreateTicket, IdempotencyKey } from '../../schemas/commands.js';
import { requestActor } from '../shared/actor.js';
import { createTicket } from '../shared/create-ticket.js';
import { httpHandler, json, parseBody, parseHeader } from '../shared/http.js';
import { decisionContext } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  requireIntakeRole(actor);
  const body = parseBody(event, CreateTicket);
  const key = parseHeader(event, 'idempotency-key', IdempotencyKey);
  const { ticket, answer, replayed } = await createTicket(body, await decisionContext(actor), key, actor.userId);
  return json(replayed ? 200 : 201, { ...ticket, intake: answer }, { location: `/v1/tickets/${ticket.id}` });
});
