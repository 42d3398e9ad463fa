// Lifecycle task: routes a received ticket (direct dispatch, answer, or transfer); a retry finds it done and says so.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { applyTo } from '../../domain/tickets/apply-command.js';
import { systemActor } from '../../schemas/actor.js';
import { TicketTaskPayload } from '../../schemas/workflows/ticket-lifecycle.js';
import { lifecycleState } from '../../domain/tickets/lifecycle-state.js';
import { decisionContext, tickets } from '../shared/services.js';
import { NotFoundError } from '../../domain/errors.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { ticketId } = TicketTaskPayload.parse(event);
  const [ticket, ctx] = await Promise.all([tickets.get(ticketId), decisionContext(systemActor)]);
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  if (ticket.status !== 'received') return lifecycleState(ticket, now());
  const applied = await applyTo(tickets, ticket, { type: 'dispatch' }, ctx);
  return lifecycleState(applied.ticket, now());
}).use(withLogging());
