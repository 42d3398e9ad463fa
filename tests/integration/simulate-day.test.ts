// Issue 16's simulator at the size `npm test` affords (the city's record day is `npm run bench:day`): two runs of the
// same seeded day on fresh runtimes, each report checked for figures that add up and tickets that ended where their
// behaviour leads, and the two runs checked to end the same.
import { describe, expect, it } from 'vitest';
import { BEHAVIOURS } from '../../local/simulator/plan.js';
import { type SimulationReport, simulateDay } from '../../local/simulator/simulate-day.js';

const TICKETS = 150;
// Every behaviour often enough to be seen in 150 tickets; joint review no more than the demo pool seats at once.
const RATES = { satisfied: 10, unsatisfied: 10, unanswered: 10, silent: 10, late: 10, overdue: 10, extension: 10, returned: 10, whistle: 10, difficult: 10, panel: 4 };
const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

/**
 * What follows from the seed alone. Stream batches, and so invocations, follow timing too; so do a few transitions
 * (4 of 3,601 lifecycle transitions differed between two runs once: a wake-up more in one, which timing decided).
 */
const outcomeOf = (r: SimulationReport) => ({ outcomes: r.outcomes, units: r.units, refused: r.refused });

describe('a simulated city day, driven through the API on the virtual clock', () => {
  it('reports figures that add up, every ticket where its behaviour leads, and ends the same for the same seed', async () => {
    const [first, second] = await Promise.all([simulateDay({ seed: 16, tickets: TICKETS, rates: RATES }), simulateDay({ seed: 16, tickets: TICKETS, rates: RATES })]);
    for (const r of [first, second]) {
      // Every planned ticket was made, ended in a state its behaviour explains, and nothing was refused or failed.
      expect(r.tickets).toBe(TICKETS);
      expect(r.unexplained).toEqual([]);
      expect(r.serverErrors).toBe(0);
      expect(r.refused).toEqual({});
      expect(new Set(Object.keys(r.outcomes))).toEqual(new Set(Object.keys(BEHAVIOURS)));
      expect(r.outcomes.panel).toEqual({ 'closed/L1': expect.any(Number) });
      expect(sum(Object.values(r.outcomes).flatMap((byState) => Object.values(byState)))).toBe(TICKETS);
      expect(sum(Object.values(r.units).map((u) => u.tickets))).toBe(TICKETS);
      for (const u of Object.values(r.units)) expect(u.closed + u.open).toBe(u.tickets);

      // Each ticket's dispatch reached its unit's webhook; the percentiles are in order.
      expect(r.latencyMs.samples).toBe(TICKETS);
      expect(r.latencyMs.missing).toBe(0);
      expect(r.latencyMs.p50).toBeGreaterThan(0);
      expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p95);
      expect(r.latencyMs.p95).toBeLessThanOrEqual(r.latencyMs.p99);
      expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max);
      expect(r.ticketsPerSecond * r.wallSeconds).toBeCloseTo(TICKETS, 6);

      // Usage: one intake per ticket; per-ticket figures are the totals shared out; the parts make the whole.
      expect(r.usage.invocationsByFunction['create-ticket']).toBe(TICKETS);
      expect(sum(Object.values(r.usage.invocationsByFunction))).toBe(r.usage.lambdaInvocations);
      expect(sum(Object.values(r.usage.transitionsByMachine))).toBe(r.usage.stateTransitions);
      expect(r.perTicket.lambdaInvocations * TICKETS).toBeCloseTo(r.usage.lambdaInvocations, 6);
      expect(r.perTicket.stateTransitions * TICKETS).toBeCloseTo(r.usage.stateTransitions, 6);
      expect(r.perTicket.dynamodbWriteUnits * TICKETS).toBeCloseTo(r.usage.dynamodbWriteUnits, 6);
      expect(r.perTicket.apiRequests * TICKETS).toBeCloseTo(r.requests, 6);
      expect(sum(Object.values(r.usage.dynamodbByTable).map((t) => t.writeUnits))).toBeCloseTo(r.usage.dynamodbWriteUnits, 6);
      expect(r.usage.dynamodbReadUnits).toBeGreaterThan(0);
      const cost = r.costPer1000TicketsUsd;
      expect(cost.total).toBeCloseTo(cost.stepFunctions + cost.lambda + cost.dynamodb, 12);
      expect(cost.stepFunctions).toBeGreaterThan(0);

      // The target: a ticket resolved on time takes at most 15 state transitions in its lifecycle.
      expect(r.transitionsPerOnTimeTicket.lifecycle.samples).toBeGreaterThan(0);
      expect(r.transitionsPerOnTimeTicket.lifecycle.max).toBeLessThanOrEqual(15);
      expect(r.transitionsPerOnTimeTicket.withNotifications.p50).toBeGreaterThan(r.transitionsPerOnTimeTicket.lifecycle.p50);
      // The transitions by behaviour account for every ticket's executions (all but the month's zeroing run).
      const byBehaviour = sum(Object.values(r.transitionsByBehaviour).map((b) => b.transitions * b.tickets));
      const ticketless = r.usage.transitionsByMachine['casework-monthly-zeroing'] ?? 0;
      expect(Math.abs(byBehaviour - (r.usage.stateTransitions - ticketless))).toBeLessThanOrEqual(0.05 * TICKETS);

      for (const process of ['simulator', 'runtime', 'dynamodbLocal'] as const) {
        expect(r.peakMemoryMb[process]).toBeGreaterThan(0);
        expect(r.cpuSeconds[process]).toBeGreaterThan(0);
      }
    }
    // The same seed: the same tickets, ending the same, with the same work done to get there.
    expect(outcomeOf(second)).toEqual(outcomeOf(first));
    for (const [machine, n] of Object.entries(first.usage.transitionsByMachine)) {
      expect(Math.abs((second.usage.transitionsByMachine[machine] ?? 0) - n), machine).toBeLessThanOrEqual(Math.ceil(n * 0.01));
    }
  }, 400_000);
});
