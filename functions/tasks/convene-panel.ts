// Joint-review task: seat the panel for a ticket in review (once per round), record it on the ticket, tell the members.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { convenePanel, panelId } from '../../domain/panel/convene-panel.js';
import { PanelCompositionError } from '../../domain/panel/panel-errors.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { systemActor } from '../../schemas/actor.js';
import { defaultPanelRules, type Panel } from '../../schemas/panel.js';
import { ConvenePanelPayload, type ConvenedPanel } from '../../schemas/workflows/joint-review.js';
import { decisionContext, directory, panels, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

const rules = defaultPanelRules;

/** The pool cannot seat a panel now (members busy or tied to the case): the machine tries again hourly, then hands back. */
class PanelUnseatedError extends Error {
  // Named here, not taken from the class: the bundle is minified, and the machine's Retry and Catch match this name.
  override name = 'PanelUnseatedError';
}

export const handler = middy(async (event: unknown): Promise<ConvenedPanel> => {
  const { ticketId, round } = ConvenePanelPayload.parse(event);
  const ctx = await decisionContext(systemActor);
  // A retried task finds the panel it seated before.
  const panel = (await panels.get(panelId(ticketId, round))) ?? (await seat(ticketId, round, ctx.calendar).catch(unseated));
  try {
    await applyCommand(tickets, ticketId, { type: 'panel-convened', panel }, ctx);
  } catch (error) {
    if (!(error instanceof ConflictError && error.rule === 'panel.already-convened')) throw error;
  }
  const at = now().getTime();
  const remindAt = Math.max(at, Date.parse(panel.remindAt));
  return {
    panelId: panel.id,
    memberIds: panel.seats.map((s) => s.memberId),
    remindSeconds: Math.max(1, Math.ceil((remindAt - at) / 1000)),
    closeSeconds: Math.max(1, Math.ceil((Date.parse(panel.deadline) - remindAt) / 1000)),
  };
}).use(withLogging());

async function seat(ticketId: string, round: number, calendar: Parameters<typeof convenePanel>[0]['calendar']): Promise<Panel> {
  const ticket = await tickets.get(ticketId);
  if (!ticket?.review) throw new NotFoundError('ticket', ticketId);
  const { reason, involvedUnitIds, leadUnitId } = ticket.review;
  const pool = await directory.panelMembers();
  const satLastRound = round > 1 ? (await panels.get(panelId(ticketId, round - 1)))?.seats.map((s) => s.memberId) : undefined;
  // Loads move while others convene: a lost race composes again with fresh counts.
  for (let attempt = 1; ; attempt++) {
    const openPanels = await panels.openPanels();
    const referral = { ticketId, round, question: reason, involvedUnitIds, leadUnitId };
    const panel = convenePanel({ referral, pool, rules, openPanels, satLastRound, now: now(), calendar });
    try {
      await panels.create(panel, rules.maxOpenPanelsPerMember);
      return panel;
    } catch (error) {
      if (error instanceof ConflictError && error.rule === 'panel.exists') return (await panels.get(panel.id)) ?? panel;
      if (!(error instanceof ConflictError && error.rule === 'panel.member-busy') || attempt === 5) throw error;
    }
  }
}

function unseated(error: unknown): never {
  const busy = error instanceof ConflictError && error.rule === 'panel.member-busy';
  // In Chinese: it becomes the reason on the ticket's timeline.
  if (error instanceof PanelCompositionError || busy) throw new PanelUnseatedError(error.text.zh);
  throw error;
}
