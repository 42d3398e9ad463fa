// Issue 15's crash test at the size `npm test` can afford (the 1,000-ticket day with 10 kills is `npm run bench:crash`):
// a planned day, run once uninterrupted and once with the runtime SIGKILLed at random moments, ends the same.
import { describe, expect, it } from 'vitest';
import { crashDay } from '../../local/simulator/crash-day.js';

describe('a simulated day with the runtime killed with SIGKILL and started again', () => {
  it('ends with every ticket where the uninterrupted run left it; nothing lost, nothing applied twice', async () => {
    const report = await crashDay({ seed: 20261126, tickets: 40, kills: 3 });
    const { uninterrupted, crashed } = report;

    // The kills happened, half of them leaving DynamoDB Local orphaned, and each was followed by a restart.
    expect(crashed.kills.length).toBe(3);
    expect(crashed.kills.map((k) => k.mode)).toEqual(['process', 'group', 'process']);
    expect(crashed.starts).toBe(4);
    expect(crashed.drive.retries).toBeGreaterThan(0);
    expect(crashed.drive.serverErrors).toEqual([]);

    // The day was a real one: tickets closed, escalated and still open, deliveries made.
    const statuses = new Set(uninterrupted.outcome.tickets.map((t) => t.status));
    expect(statuses).toContain('closed');
    expect(uninterrupted.outcome.tickets.some((t) => t.level > 1)).toBe(true);
    expect(uninterrupted.received.deliveries).toBeGreaterThan(40);

    // Every ticket stored once, in the same state with the same history, its lifecycle in the same state.
    expect(crashed.outcome.stored).toEqual({ tickets: 40, duplicated: 0 });
    expect(crashed.outcome.tickets.filter((t) => t.lifecycle === 'MISSING')).toEqual([]);
    expect(report.differences).toEqual([]);
    expect(crashed.drive.refused).toEqual(uninterrupted.drive.refused);

    // Every delivery the system counts as made reached the receiver, signed; none the other run got was lost.
    expect(crashed.unreceived).toEqual([]);
    expect(report.lostDeliveries).toEqual([]);
    expect(crashed.received.badSignatures).toBe(0);
  }, 300_000);
});
