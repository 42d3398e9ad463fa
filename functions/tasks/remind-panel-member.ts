// Joint-review task: a member has not voted by the reminder: tell them (once), by email and webhook via the ticket.
import middy from '@middy/core';
import { ConflictError } from '../../domain/errors.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { systemActor } from '../../schemas/actor.js';
import { RemindMemberPayload } from '../../schemas/workflows/joint-review.js';
import { decisionContext, panels, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { panelId, memberId } = RemindMemberPayload.parse(event);
  const panel = await panels.get(panelId);
  if (!panel || panel.status === 'closed' || panel.votes[memberId]) return { reminded: false };
  const history = await tickets.history(panel.ticketId);
  // A retried reminder reminds once.
  if (history.some((e) => e.type === 'ticket.panel-reminded' && e.panelId === panelId && e.memberId === memberId)) return { reminded: true };
  try {
    await applyCommand(tickets, panel.ticketId, { type: 'panel-reminded', panel, memberId }, await decisionContext(systemActor));
  } catch (error) {
    if (error instanceof ConflictError && error.rule === 'panel-reminded.status') return { reminded: false };
    throw error;
  }
  return { reminded: true };
}).use(withLogging());
