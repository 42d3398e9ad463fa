// POST /v1/tickets: intake opens and routes the ticket and writes it; its stream record starts the lifecycle. The answer
// tells the operator where it went. A retried Idempotency-Key returns the first ticket.
import { createHash, randomBytes } from 'node:crypto';
import { MAX_SEARCH_TOKENS, tokensToIndex } from '../../domain/search/search-tokens.js';
import { ConflictError } from '../../domain/errors.js';
import { intake } from '../../domain/tickets/intake.js';
import { intakeAnswer } from '../../domain/tickets/intake-answer.js';
import { requireIntakeRole } from '../../domain/tickets/open-ticket.js';
import { newTicketId } from '../../domain/tickets/ticket-id.js';
import { CreateTicket, IdempotencyKey } from '../../schemas/commands.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, parseHeader } from '../shared/http.js';
import { decisionContext, segmenter, tickets } from '../shared/services.js';

// A number drawn twice is drawn again: with a billion a day, three draws all taken does not happen.
const DRAWS = 3;

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  requireIntakeRole(actor);
  const body = parseBody(event, CreateTicket);
  const key = parseHeader(event, 'idempotency-key', IdempotencyKey);
  const ctx = await decisionContext(actor);
  const claim = key ? { key, owner: actor.userId, fingerprint: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : undefined;
  for (let draw = 1; ; draw++) {
    const opened = intake(body, newTicketId(ctx.now, randomBytes(4)), ctx);
    // The words it will be found by are written with it: its text never changes after intake.
    const words = tokensToIndex(opened.ticket, await segmenter(), MAX_SEARCH_TOKENS);
    try {
      const { ticket, replayed } = await tickets.create(opened.ticket, opened.events, claim, words);
      const answer = intakeAnswer(ticket, ctx.city, opened.corrections);
      return json(replayed ? 200 : 201, { ...ticket, intake: answer }, { location: `/v1/tickets/${ticket.id}` });
    } catch (error) {
      if (!(error instanceof ConflictError && error.rule === 'ticket.id-taken') || draw === DRAWS) throw error;
    }
  }
});

