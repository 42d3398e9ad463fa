// A panel for a referred ticket: seated by the composition rules, with its reminder and deadline in working days.
import type { Panel, PanelMember, PanelRules } from '../../schemas/panel.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { composePanel } from './compose-panel.js';

export interface PanelReferral {
  ticketId: string;
  round: number;
  question: string;
  involvedUnitIds: string[];
  leadUnitId?: string;
}

export interface ConveneInput {
  referral: PanelReferral;
  pool: PanelMember[];
  rules: PanelRules;
  openPanels: ReadonlyMap<string, number>;
  satLastRound?: readonly string[];
  now: Date;
  calendar: WorkingCalendar;
}

/** The id of a referral's panel of a round: one per round, so a retried convening finds the panel it already seated. */
export const panelId = (ticketId: string, round: number): string => `${ticketId}-P${round}`;

/** The panel convened for a referral now: seats (and who sat out), reminder and deadline. */
export function convenePanel(input: ConveneInput): Panel {
  const { referral, rules, now, calendar } = input;
  const { seats, skipped } = composePanel({
    pool: input.pool,
    rules,
    involvedUnitIds: referral.involvedUnitIds,
    openPanels: input.openPanels,
    satLastRound: input.satLastRound,
    seed: `${referral.ticketId}#${referral.round}`,
  });
  return {
    id: panelId(referral.ticketId, referral.round),
    ticketId: referral.ticketId,
    round: referral.round,
    question: referral.question,
    involvedUnitIds: referral.involvedUnitIds,
    ...(referral.leadUnitId ? { leadUnitId: referral.leadUnitId } : {}),
    seats,
    skipped,
    status: 'voting',
    createdAt: now.toISOString(),
    remindAt: calendar.addWorkingDays(now, rules.reminderWorkingDays).at.toISOString(),
    deadline: calendar.addWorkingDays(now, rules.votingWorkingDays).at.toISOString(),
    votes: {},
  };
}
