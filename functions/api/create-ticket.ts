// POST /v1/tickets: intake writes the ticket; its stream record starts the lifecycle. A retried Idempotency-Key returns the first ticket.
import { createHash, randomBytes } from 'node:crypto';
import { MAX_SEARCH_TOKENS, tokensToIndex } from '../../domain/search/search-tokens.js';
import { openTicket } from '../../domain/tickets/open-ticket.js';
import { evolve, stamp } from '../../domain/tickets/evolve.js';
import { CreateTicket } from '../../schemas/commands.js';
import type { Ticket } from '../../schemas/ticket.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody } from '../shared/http.js';
import { decisionContext, segmenter, tickets } from '../shared/services.js';

/** `T20261123-4K7Q2X`: the Shanghai date of intake, then randomness. */
function newTicketId(at: Date): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `T${day}-${randomBytes(4).toString('hex').toUpperCase().slice(0, 6)}`;
}

export const handler = httpHandler(async (event) => {
  const body = parseBody(event, CreateTicket);
  const ctx = await decisionContext(requestActor(event));
  const opened = openTicket(body, ctx);
  const id = newTicketId(ctx.now);
  const events = stamp(id, 0, opened);
  const ticket = events.reduce<Ticket | undefined>(evolve, undefined) as Ticket;
  const key = event.headers['idempotency-key'];
  const claim = key ? { key, fingerprint: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : undefined;
  // The words it will be found by are written with it: its text never changes after intake.
  const words = tokensToIndex(ticket, await segmenter(), MAX_SEARCH_TOKENS);
  const created = await tickets.create(ticket, events, claim, words);
  return json(created.replayed ? 200 : 201, created.ticket, { location: `/v1/tickets/${created.ticket.id}` });
});

