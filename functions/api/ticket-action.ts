// POST /v1/tickets/{id}/actions and /callback: a person acts on a ticket; the lifecycle is woken to look at it again.
// A retried Idempotency-Key answers with what the first request applied, and wakes the lifecycle again (the first may
// have saved and then been cut off before waking it).
import { createHash } from 'node:crypto';
import { NotFoundError } from '../../domain/errors.js';
import { applyTo, claimedApplied } from '../../domain/tickets/apply-command.js';
import { readsFromTicketAlone, requireTicketReader } from '../../domain/tickets/ticket-readers.js';
import { Callback, IdempotencyKey, TicketActionBody, type TicketCommand } from '../../schemas/commands.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, parseHeader, pathParameter } from '../shared/http.js';
import { decisionContext, tickets, wakeLifecycle } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const id = pathParameter(event, 'id', Id);
  const command: TicketCommand = event.rawPath.endsWith('/callback')
    ? { type: 'callback', ...parseBody(event, Callback) }
    : parseBody(event, TicketActionBody);
  const actor = requestActor(event);
  const key = parseHeader(event, 'idempotency-key', IdempotencyKey);
  const claim = key ? { key, owner: actor.userId, fingerprint: createHash('sha256').update(`${event.rawPath}\n${JSON.stringify(command)}`).digest('hex') } : undefined;
  const ticket = await tickets.get(id);
  if (!ticket) throw new NotFoundError('ticket', id);
  // One who may not read the ticket learns nothing of it from an action's refusal: not its state, not its unit. The
  // history is read only when the ticket as it is cannot tell (a unit that once held it), not on every action.
  if (!readsFromTicketAlone(ticket, actor)) requireTicketReader(ticket, await tickets.history(id), actor);
  const change = claim && (await tickets.claimedChange(claim));
  if (change) {
    const first = await claimedApplied(tickets, change);
    await wakeLifecycle(first.ticket);
    return json(200, { ...first.ticket, events: first.events }, { 'idempotent-replayed': 'true' });
  }
  const applied = await applyTo(tickets, ticket, command, await decisionContext(actor), claim);
  await wakeLifecycle(applied.ticket);
  return json(200, { ...applied.ticket, events: applied.events });
});
