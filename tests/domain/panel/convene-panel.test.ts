import { describe, expect, it } from 'vitest';
import { createChinaWorkingCalendar } from '../../../domain/calendar/china-working-calendar.js';
import { composePanel } from '../../../domain/panel/compose-panel.js';
import { convenePanel, panelId, type ConveneInput, type PanelReferral } from '../../../domain/panel/convene-panel.js';
import { PanelCompositionError } from '../../../domain/panel/panel-errors.js';
import { demoCity } from '../../../local/seed/demo-city.js';
import { Panel } from '../../../schemas/panel.js';
import { defaultSlaPolicy } from '../../../schemas/sla-policy.js';
import { iso, panelRules, shanghai } from '../fixtures.js';

const calendar = createChinaWorkingCalendar({ workingPeriods: defaultSlaPolicy.workingPeriods });
const waterCase: PanelReferral = {
  ticketId: 'T-2026-000123',
  round: 1,
  question: '东门路12号停水：应由东门街道还是市水务局负责修复二次供水设施？',
  involvedUnitIds: ['s-haibin-dongmen', 'dept-water'],
  leadUnitId: 's-haibin-dongmen',
};
const monday = shanghai('2026-11-23 10:00');

/** Convenes the water case from the demo pool under the default rules, on Monday 10:00, unless the test says otherwise. */
function convene(input: Partial<ConveneInput> = {}): Panel {
  return convenePanel({ referral: waterCase, pool: demoCity.panelMembers, rules: panelRules(), openPanels: new Map(), now: monday, calendar, ...input });
}

describe('convenePanel', () => {
  it('convened on a Monday at 10:00, reminds on Wednesday at 10:00, 2 working days later', () => {
    expect(convene().remindAt).toBe(iso('2026-11-25 10:00'));
  });

  it('convened on a Monday at 10:00, stops the voting on Thursday at 10:00, 3 working days later', () => {
    expect(convene().deadline).toBe(iso('2026-11-26 10:00'));
  });

  it('convened on a Friday, counts the working days past the weekend', () => {
    const panel = convene({ now: shanghai('2026-11-27 10:00') });

    expect(panel).toMatchObject({ remindAt: iso('2026-12-01 10:00'), deadline: iso('2026-12-02 10:00') });
  });

  it('follows the rules for the reminder and the deadline', () => {
    const panel = convene({ rules: panelRules({ reminderWorkingDays: 1, votingWorkingDays: 5 }) });

    expect(panel).toMatchObject({ remindAt: iso('2026-11-24 10:00'), deadline: iso('2026-11-30 10:00') });
  });

  it('is named after the ticket and the round', () => {
    expect(convene({ referral: { ...waterCase, round: 2 } }).id).toBe('T-2026-000123-P2');
    expect(panelId('T-1', 1)).toBe('T-1-P1');
  });

  it('opens for voting with no votes, carrying the question, the units of the case and the lead unit', () => {
    const panel = convene();

    expect(panel).toMatchObject({
      ticketId: 'T-2026-000123',
      round: 1,
      question: waterCase.question,
      involvedUnitIds: ['s-haibin-dongmen', 'dept-water'],
      leadUnitId: 's-haibin-dongmen',
      status: 'voting',
      createdAt: monday.toISOString(),
      votes: {},
    });
    expect(panel).not.toHaveProperty('closedAt');
    expect(panel).not.toHaveProperty('result');
  });

  it('leaves out the lead unit when the case has none', () => {
    const { leadUnitId: _lead, ...noLead } = waterCase;

    expect(convene({ referral: noLead })).not.toHaveProperty('leadUnitId');
  });

  it('is a valid panel by the schema', () => {
    expect(() => Panel.parse(convene())).not.toThrow();
  });

  it('seats five members, none tied to the case, and says who sat out for a tie', () => {
    const panel = convene();

    expect(panel.seats).toHaveLength(5);
    expect(panel.seats.map((s) => s.memberId)).not.toContain('member-7');
    expect(panel.seats.map((s) => s.memberId)).not.toContain('member-10');
    expect(panel.skipped).toEqual([
      { memberId: 'member-7', why: 'tied-to-unit' },
      { memberId: 'member-10', why: 'tied-to-unit' },
    ]);
  });

  it('draws the same seats when convened again for the same ticket and round', () => {
    expect(convene().seats).toEqual(convene().seats);
  });

  it('draws by ticket and round, so a second round is drawn afresh', () => {
    const seedOf = (round: number) =>
      composePanel({
        pool: demoCity.panelMembers,
        rules: panelRules(),
        involvedUnitIds: waterCase.involvedUnitIds,
        openPanels: new Map(),
        seed: `${waterCase.ticketId}#${round}`,
      }).seats;

    expect(convene().seats).toEqual(seedOf(1));
    expect(convene({ referral: { ...waterCase, round: 2 } }).seats).toEqual(seedOf(2));
  });

  it("seats a second round from the members who did not sit in the first, when they are enough", () => {
    const firstRound = ['member-1', 'member-2', 'member-5', 'member-9', 'member-12'];

    const second = convene({ referral: { ...waterCase, round: 2 }, satLastRound: firstRound });

    expect(second.seats.map((s) => s.memberId).sort()).toEqual(['member-11', 'member-3', 'member-4', 'member-6', 'member-8']);
    expect(second.skipped).toEqual([
      { memberId: 'member-7', why: 'tied-to-unit' },
      { memberId: 'member-10', why: 'tied-to-unit' },
      ...firstRound.map((memberId) => ({ memberId, why: 'sat-last-round' })),
    ]);
  });

  it('seats a first-round lawyer again when both free lawyers sat in the first round', () => {
    const firstRound = ['member-8', 'member-9', 'member-12', 'member-1', 'member-5'];

    const second = convene({ referral: { ...waterCase, round: 2 }, satLastRound: firstRound });

    const lawyers = second.seats.filter((s) => s.role === 'lawyer');
    expect(lawyers).toHaveLength(1);
    expect(['member-8', 'member-9']).toContain(lawyers[0]?.memberId);
    expect(second.skipped.filter((s) => s.why === 'sat-last-round')).toHaveLength(4);
  });

  it('does not seat a member on too many open panels', () => {
    const panel = convene({ openPanels: new Map([['member-8', 3]]) });

    expect(panel.seats.map((s) => s.memberId)).not.toContain('member-8');
    expect(panel.skipped).toContainEqual({ memberId: 'member-8', why: 'too-many-open-panels' });
  });

  it('refuses to convene when the pool cannot seat the panel', () => {
    const busyLawyers = new Map([
      ['member-8', 3],
      ['member-9', 3],
    ]);

    expect(() => convene({ openPanels: busyLawyers })).toThrow(PanelCompositionError);
    expect(() => convene({ openPanels: busyLawyers })).toThrow(expect.objectContaining({ status: 422, rule: 'panel.role-unavailable' }));
  });
});
