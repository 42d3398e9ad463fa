// Lifecycle task: routes a received ticket (direct dispatch, answer, or transfer); a retry finds it done and says so.
import middy from '@middy/core';
import { applyTo } from '../../domain/tickets/apply-command.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, lifecycleState, tickets } from '../shared/services.js';
import { NotFoundError } from '../../domain/errors.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: { ticketId: string }) => {
  const [ticket, ctx] = await Promise.all([tickets.get(event.ticketId), decisionContext(systemActor)]);
  if (!ticket) throw new NotFoundError('ticket', event.ticketId);
  if (ticket.status !== 'received') return lifecycleState(ticket);
  const applied = await applyTo(tickets, ticket, { type: 'dispatch' }, ctx);
  return lifecycleState(applied.ticket);
}).use(withLogging());
