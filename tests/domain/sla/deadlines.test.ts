import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChinaWorkingCalendar } from '../../../domain/calendar/china-working-calendar.js';
import { allot, completionDays, extend } from '../../../domain/sla/deadlines.js';
import type { TicketKind, Urgency } from '../../../schemas/common.js';
import { SlaPolicy, defaultSlaPolicy as policy } from '../../../schemas/sla-policy.js';

const calendar = createChinaWorkingCalendar({ workingPeriods: policy.workingPeriods });
// Thursday 3 December 2026, 10:00 in Shanghai.
const thursday = new Date('2026-12-03T10:00:00+08:00');

function dispatchedAt(from: Date, kind: TicketKind, urgency: Urgency = 'normal') {
  return allot({ from, completionDays: completionDays(kind, policy), urgency, returnable: true }, policy, calendar);
}

describe('the default SLA policy', () => {
  it.each([
    ['danger', '2026-12-03T02:15:00.000Z', 'life or property at risk: 15 minutes'],
    ['utility', '2026-12-03T02:30:00.000Z', 'water, power, gas or heating: 30 minutes'],
    ['normal', '2026-12-04T02:00:00.000Z', 'otherwise: 1 working day'],
  ] as const)('gives %s tickets until %s to be accepted (%s)', (urgency, expected, _rule) => {
    expect(dispatchedAt(thursday, 'help', urgency).accept).toBe(expected);
  });

  it.each([
    ['consultation', '2026-12-07T02:00:00.000Z'],
    ['help', '2026-12-17T02:00:00.000Z'],
    ['suggestion', '2026-12-17T02:00:00.000Z'],
    ['complaint', '2026-12-24T02:00:00.000Z'],
    ['report', '2026-12-24T02:00:00.000Z'],
  ] as const)('gives a %s until %s to be completed', (kind, expected) => {
    expect(dispatchedAt(thursday, kind).complete).toBe(expected);
  });

  it('closes the return window 2 working days after dispatch', () => {
    expect(dispatchedAt(thursday, 'complaint').returnBy).toBe('2026-12-07T02:00:00.000Z');
  });

  it('lets an extension add at most 10 working days, with approval', () => {
    expect(policy.extension.maxWorkingDays).toBe(10);
    const extended = extend(dispatchedAt(thursday, 'help'), 10, policy, calendar);
    expect(extended.complete).toBe('2026-12-31T02:00:00.000Z');
  });

  it('warns at 50% and 75% of the allotted working time', () => {
    // Consultation: 2 days = 14 office hours; half is 7 h (Fri 10:00), three quarters 10.5 h (Fri 15:00).
    expect(dispatchedAt(thursday, 'consultation').warnings).toEqual(['2026-12-04T02:00:00.000Z', '2026-12-04T07:00:00.000Z']);
  });

  it('skips the National Day holiday and counts its make-up Saturday as a working day', () => {
    // Tue 29 Sep 2026 + 2 working days: Wed 30 Sep, then 1-7 Oct off, Thu 8 Oct.
    const consultation = dispatchedAt(new Date('2026-09-29T10:00:00+08:00'), 'consultation');
    expect(consultation.complete).toBe('2026-10-08T02:00:00.000Z');
    // Fri 9 Oct + 1 working day lands on the make-up Saturday 10 Oct.
    expect(dispatchedAt(new Date('2026-10-09T10:00:00+08:00'), 'help').accept).toBe('2026-10-10T02:00:00.000Z');
  });

  it('marks deadlines in a year without a published holiday schedule as provisional', () => {
    expect(dispatchedAt(thursday, 'complaint').provisional).toBe(false);
    expect(dispatchedAt(new Date('2026-12-28T10:00:00+08:00'), 'complaint').provisional).toBe(true);
  });
});

describe('SLA policy documents', () => {
  it('names the field and the reason when a policy is malformed', () => {
    const result = SlaPolicy.safeParse({
      ...policy,
      workingPeriods: [{ start: '13:30', end: '12:00' }],
      acceptance: { ...policy.acceptance, danger: { calendarMinutes: -5 } },
    });

    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('workingPeriods.0.end');
    expect(paths?.some((p) => p.startsWith('acceptance.danger'))).toBe(true);
  });
});

describe('deadline properties', () => {
  const instant = fc
    .date({ min: new Date('2025-01-01T00:00:00+08:00'), max: new Date('2027-06-30T00:00:00+08:00'), noInvalidDate: true })
    .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
  const kind = fc.constantFrom<TicketKind>('consultation', 'help', 'suggestion', 'complaint', 'report');

  it('never gives a ticket received later an earlier completion deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 72 * 60 }), kind, (from, laterBy, k) => {
        const later = new Date(from.getTime() + laterBy * 60_000);
        return Date.parse(dispatchedAt(later, k).complete ?? '') >= Date.parse(dispatchedAt(from, k).complete ?? '');
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a working-time deadline on a non-working day', () => {
    fc.assert(
      fc.property(instant, kind, (from, k) => {
        const d = dispatchedAt(from, k);
        return [d.complete, d.returnBy, d.accept, ...d.warnings].every((iso) => calendar.isWorkingDay(new Date(iso ?? '')));
      }),
      { numRuns: 300 },
    );
  });
});
