// Joint-review task: every member voted or the deadline passed: tally, close the panel, apply the decision to the ticket;
// or, when no panel could be seated, hand the case back to the supervision office.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { NotFoundError } from '../../domain/errors.js';
import { tallyVotes } from '../../domain/panel/tally-votes.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { lifecycleState } from '../../domain/tickets/lifecycle-state.js';
import { systemActor } from '../../schemas/actor.js';
import { defaultPanelRules } from '../../schemas/panel.js';
import { ClosePanelPayload, type ClosedPanel } from '../../schemas/workflows/joint-review.js';
import { decisionContext, panels, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

const rules = defaultPanelRules;

export const handler = middy(async (event: unknown): Promise<ClosedPanel> => {
  const payload = ClosePanelPayload.parse(event);
  if ('unseated' in payload) return handBack(payload.ticketId, errorMessageOf(payload.unseated));
  const { ticketId, panelId } = payload;
  let panel = await panels.get(panelId);
  if (!panel) throw new NotFoundError('panel', panelId);
  const ctx = await decisionContext(systemActor);
  if (panel.status === 'voting') {
    const result = tallyVotes(panel, rules, (unitId) => ctx.city.unit(unitId)?.name.zh ?? unitId);
    const closing = { ...panel, status: 'closed' as const, closedAt: now().toISOString(), result };
    // A vote landing now either made it into the tally's read or is refused: closing is conditional on 'voting'.
    panel = (await panels.close(closing)) ? closing : ((await panels.get(panelId)) ?? closing);
  }
  let ticket = await tickets.get(ticketId);
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  const lastRound = panel.round >= rules.rounds;
  // A retried task finds the decision already on the ticket.
  const decided = (await tickets.history(ticketId)).find((e) => e.type === 'ticket.panel-decided' && e.panelId === panelId);
  let next = decided?.type === 'ticket.panel-decided' ? decided.next : undefined;
  if (!next) {
    const applied = await applyCommand(tickets, ticketId, { type: 'panel-closed', panel, lastRound }, ctx);
    ticket = applied.ticket;
    const event = applied.events.find((e) => e.type === 'ticket.panel-decided');
    next = event?.type === 'ticket.panel-decided' ? event.next : 'applied';
  }
  return { ...lifecycleState(ticket, now()), next, round: next === 'reconvene' ? panel.round + 1 : panel.round };
}).use(withLogging());

/** No panel could be seated: the case goes back to the supervision office (once, however often the task is retried). */
async function handBack(ticketId: string, reason: string): Promise<ClosedPanel> {
  const ctx = await decisionContext(systemActor);
  let ticket = await tickets.get(ticketId);
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  if (ticket.status === 'in-review') ticket = (await applyCommand(tickets, ticketId, { type: 'review-unseated', reason }, ctx)).ticket;
  return { ...lifecycleState(ticket, now()), next: 'to-supervision', round: ticket.review?.panelIds.length ?? 1 };
}

/** A Catch's Cause is Lambda's error as JSON text; the message alone is the reason. */
function errorMessageOf(cause: string): string {
  try {
    return String((JSON.parse(cause) as { errorMessage?: unknown }).errorMessage ?? cause);
  } catch {
    return cause;
  }
}
