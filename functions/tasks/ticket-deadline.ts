// Lifecycle task: time came for a ticket: send the due reminder, escalate a missed deadline, or close an unanswered callback.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { NotFoundError } from '../../domain/errors.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { dueWork } from '../../domain/tickets/next-wake-up.js';
import { monthOf } from '../../domain/zeroing/months.js';
import { systemActor } from '../../schemas/actor.js';
import { TicketTaskPayload } from '../../schemas/workflows/ticket-lifecycle.js';
import { lifecycleState } from '../../domain/tickets/lifecycle-state.js';
import { decisionContext, tickets } from '../shared/services.js';
import { logger, withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { ticketId } = TicketTaskPayload.parse(event);
  let ticket = await tickets.get(ticketId);
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  // Several things can fall due at once (a clock moved far): handle each, earliest first.
  for (let work = dueWork(ticket, now()); work; work = dueWork(ticket, now())) {
    ticket = (await applyCommand(tickets, ticket.id, { type: work }, await decisionContext(systemActor))).ticket;
  }
  const { complete } = ticket.deadlines;
  if (ticket.level === 3 && (ticket.status === 'dispatched' || ticket.status === 'accepted') && complete && now() >= new Date(complete)) {
    // Nothing is above the city: the ticket stays on the overdue board, and the alarm counts these lines.
    logger.warn('ticket overdue at the city level', { metric: 'CityOverdue', ticketId: ticket.id, deadline: complete });
    // Past its deadline with no rung above: it joins the month's zeroing ledger now, not on the 1st.
    if (ticket.zeroing?.status !== 'open' && ticket.unitId) {
      const assign = { type: 'zeroing-assign', month: monthOf(now()), reason: 'overdue', unitId: ticket.unitId } as const;
      ticket = (await applyCommand(tickets, ticket.id, assign, await decisionContext(systemActor))).ticket;
    }
  }
  return lifecycleState(ticket, now());
}).use(withLogging());
