// Intake's write, shared by POST /v1/tickets and Open311's POST requests.json: open and route the ticket, index its
// words, store it (once per Idempotency-Key), and say where it went.
import { createHash, randomBytes } from 'node:crypto';
import { ConflictError } from '../../domain/errors.js';
import { MAX_SEARCH_TOKENS, tokensToIndex } from '../../domain/search/search-tokens.js';
import type { DecisionContext } from '../../domain/tickets/decision-context.js';
import { intake } from '../../domain/tickets/intake.js';
import { intakeAnswer } from '../../domain/tickets/intake-answer.js';
import { newTicketId } from '../../domain/tickets/ticket-id.js';
import type { CreateTicket } from '../../schemas/commands.js';
import type { IntakeAnswer } from '../../schemas/intake.js';
import type { Ticket } from '../../schemas/ticket.js';
import { segmenter, tickets } from './services.js';

// A number drawn twice is drawn again: with a billion a day, three draws all taken does not happen.
const DRAWS = 3;

export interface Created {
  ticket: Ticket;
  answer: IntakeAnswer;
  /** The request was a retry of an earlier one with the same Idempotency-Key: this is that request's ticket. */
  replayed: boolean;
}

/** Opens, routes and stores the ticket for `body`; `key`: the request's Idempotency-Key; `client`: its Open311 client. */
export async function createTicket(body: CreateTicket, ctx: DecisionContext, key: string | undefined, owner: string, client?: string): Promise<Created> {
  const claim = key ? { key, owner, fingerprint: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : undefined;
  for (let draw = 1; ; draw++) {
    const opened = intake(body, newTicketId(ctx.now, randomBytes(4)), ctx, client);
    // The words it will be found by are written with it: its text never changes after intake.
    const words = tokensToIndex(opened.ticket, await segmenter(), MAX_SEARCH_TOKENS);
    try {
      const { ticket, replayed } = await tickets.create(opened.ticket, opened.events, claim, words);
      return { ticket, replayed, answer: intakeAnswer(ticket, ctx.city, opened.corrections) };
    } catch (error) {
      if (!(error instanceof ConflictError && error.rule === 'ticket.id-taken') || draw === DRAWS) throw error;
    }
  }
}
