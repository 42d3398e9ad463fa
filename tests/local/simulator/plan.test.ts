import { describe, expect, it } from 'vitest';
import { BEHAVIOURS, CRASH_RATES, HOLDER, planDay } from '../../../local/simulator/plan.js';

const start = new Date('2026-11-23T16:00:00Z');

describe('planDay', () => {
  it('gives the same plan for the same seed, and another for another seed', () => {
    const a = planDay({ seed: 1, tickets: 200, start });
    expect(planDay({ seed: 1, tickets: 200, start })).toEqual(a);
    expect(planDay({ seed: 2, tickets: 200, start }).steps).not.toEqual(a.steps);
  });

  it('creates each ticket once, before any step on it, and keys every step uniquely', () => {
    const { steps } = planDay({ seed: 3, tickets: 300, start });
    const created = new Set<number>();
    for (const step of steps) {
      if (step.kind === 'create') {
        expect(created.has(step.ticket)).toBe(false);
        created.add(step.ticket);
      } else expect(created.has(step.ticket)).toBe(true);
    }
    expect(created.size).toBe(300);
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('keeps steps in time order on 10-minute slots, arrivals within the Beijing day, busier by day than by night', () => {
    const plan = planDay({ seed: 4, tickets: 1000, start });
    const times = plan.steps.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(times.every((t) => (t - start.getTime()) % 600_000 === 0)).toBe(true);
    const arrivals = plan.steps.filter((s) => s.kind === 'create').map((s) => (s.at.getTime() - start.getTime()) / 3_600_000);
    expect(Math.max(...arrivals)).toBeLessThanOrEqual(24);
    const night = arrivals.filter((h) => h < 6).length;
    const morning = arrivals.filter((h) => h >= 8 && h < 12).length;
    expect(morning).toBeGreaterThan(night * 4);
    expect(plan.end.getTime()).toBeGreaterThan(Math.max(...times));
  });

  it('draws every behaviour, roughly in its share', () => {
    const plan = planDay({ seed: 5, tickets: 2000, start });
    const total = Object.values(BEHAVIOURS).reduce((n, w) => n + w, 0);
    for (const [behaviour, weight] of Object.entries(BEHAVIOURS)) {
      const share = plan.tickets.filter((t) => t.behaviour === behaviour).length / plan.tickets.length;
      expect(Math.abs(share - weight / total)).toBeLessThan(0.04);
    }
  });

  it("holds at most one step of a ticket in a slot, so a slot's steps can be made at once", () => {
    const { steps } = planDay({ seed: 6, tickets: 2000, start });
    const seen = new Set(steps.map((s) => `${s.at.getTime()}:${s.ticket}`));
    expect(seen.size).toBe(steps.length);
  });

  it('spreads arrivals evenly over the days asked for', () => {
    const plan = planDay({ seed: 7, tickets: 900, days: 3, start });
    const day = (s: { at: Date }) => Math.floor((s.at.getTime() - start.getTime()) / 86_400_000);
    const perDay = [0, 1, 2].map((d) => plan.steps.filter((s) => s.kind === 'create' && day(s) === d).length);
    expect(perDay).toEqual([300, 300, 300]);
  });

  it('draws only the behaviours given a weight, and sends whistles only from streets', () => {
    const crash = planDay({ seed: 8, tickets: 500, start, rates: CRASH_RATES });
    expect(new Set(crash.tickets.map((t) => t.behaviour))).toEqual(new Set(Object.keys(CRASH_RATES)));
    expect(crash.steps.some((s) => s.kind === 'votes')).toBe(false);
    expect(crash.steps.filter((s) => s.user === HOLDER).length).toBeGreaterThan(0);
    const whistles = planDay({ seed: 9, tickets: 200, start, rates: { whistle: 1 } });
    expect(whistles.tickets.every((t) => t.unitId.startsWith('s-'))).toBe(true);
    expect(() => planDay({ seed: 9, tickets: 10, start, rates: { whistle: 0 } })).toThrow(/rates/);
  });
});
