// Lifecycle task: routes a received ticket (direct dispatch, answer, or transfer); a retry finds it done and says so.
import middy from '@middy/core';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, lifecycleState, tickets } from '../shared/services.js';
import { NotFoundError } from '../../domain/errors.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: { ticketId: string }) => {
  const ticket = await tickets.get(event.ticketId);
  if (!ticket) throw new NotFoundError('ticket', event.ticketId);
  if (ticket.status !== 'received') return lifecycleState(ticket);
  const applied = await applyCommand(tickets, ticket.id, { type: 'dispatch' }, await decisionContext(systemActor));
  return lifecycleState(applied.ticket);
}).use(withLogging());
