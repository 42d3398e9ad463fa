// One change to a ticket, end to end: load, decide, record the events, save if nobody changed it meanwhile.
import type { TicketCommand } from '../../schemas/commands.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import { NotFoundError } from '../errors.js';
import type { ClaimedChange, IdempotencyClaim, TicketRepository } from '../ports/ticket-repository.js';
import { decide } from './decide.js';
import type { DecisionContext } from './decision-context.js';
import { evolve, stamp } from './evolve.js';

export interface Applied {
  ticket: Ticket;
  events: TicketEvent[];
}

/** Applies a command to the stored ticket; throws the broken rule, or a 409 when another change won the race. */
export async function applyCommand(repo: TicketRepository, ticketId: string, command: TicketCommand, ctx: DecisionContext): Promise<Applied> {
  const ticket = await repo.get(ticketId);
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  return applyTo(repo, ticket, command, ctx);
}

/** Applies a command to a ticket the caller has just read; the save still fails with 409 if it changed since. */
export async function applyTo(repo: TicketRepository, ticket: Ticket, command: TicketCommand, ctx: DecisionContext, idempotency?: IdempotencyClaim): Promise<Applied> {
  const events = stamp(ticket.id, ticket.version, decide(ticket, command, ctx));
  const next = events.reduce<Ticket>((t, e) => evolve(t, e), ticket);
  await repo.save(next, events, ticket.version, idempotency);
  return { ticket: next, events };
}

/** What a retried request's first attempt applied: the ticket as it is now, and the events that attempt added. */
export async function claimedApplied(repo: TicketRepository, change: ClaimedChange): Promise<Applied> {
  const ticket = await repo.get(change.ticketId);
  if (!ticket) throw new NotFoundError('ticket', change.ticketId);
  const events = (await repo.history(change.ticketId)).filter((e) => e.seq > change.fromVersion && e.seq <= change.toVersion);
  return { ticket, events };
}
