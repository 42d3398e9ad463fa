// POST /v1/tickets: intake opens and routes the ticket and writes it; its stream record starts the lifecycle. The answer
// tells the operator where it went. A retried Idempotency-Key returns the first ticket.
import { createHash, randomBytes } from 'node:crypto';
import { MAX_SEARCH_TOKENS, tokensToIndex } from '../../domain/search/search-tokens.js';
import { intake } from '../../domain/tickets/intake.js';
import { intakeAnswer } from '../../domain/tickets/intake-answer.js';
import { CreateTicket, IdempotencyKey } from '../../schemas/commands.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, optionalHeader, parseBody } from '../shared/http.js';
import { decisionContext, segmenter, tickets } from '../shared/services.js';

/** `T20261123-4K7Q2X`: the Shanghai date of intake, then randomness. */
function newTicketId(at: Date): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `T${day}-${randomBytes(4).toString('hex').toUpperCase().slice(0, 6)}`;
}

export const handler = httpHandler(async (event) => {
  const body = parseBody(event, CreateTicket);
  const key = optionalHeader(event, 'idempotency-key', IdempotencyKey);
  const ctx = await decisionContext(requestActor(event));
  const opened = intake(body, newTicketId(ctx.now), ctx);
  const claim = key ? { key, fingerprint: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : undefined;
  // The words it will be found by are written with it: its text never changes after intake.
  const words = tokensToIndex(opened.ticket, await segmenter(), MAX_SEARCH_TOKENS);
  const { ticket, replayed } = await tickets.create(opened.ticket, opened.events, claim, words);
  const answer = intakeAnswer(ticket, ctx.city, opened.corrections);
  return json(replayed ? 200 : 201, { ...ticket, intake: answer }, { location: `/v1/tickets/${ticket.id}` });
});
