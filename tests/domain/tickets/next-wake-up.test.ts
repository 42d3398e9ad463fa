import { describe, expect, it } from 'vitest';
import { IDLE_RECHECK_SECONDS, secondsUntilNextWakeUp } from '../../../domain/tickets/next-wake-up.js';
import { aTicket, deadlines, shanghai } from '../fixtures.js';

const week = 7 * 24 * 3600;

describe('when the lifecycle next looks at a ticket on its own', () => {
  it('wakes for a street that has not accepted at its accept deadline, the earliest', () => {
    const ticket = aTicket({ status: 'dispatched', deadlines: deadlines({ accept: '2025-03-03 11:00', complete: '2025-03-10 18:00' }) });
    expect(secondsUntilNextWakeUp(ticket, shanghai('2025-03-03 10:00'))).toBe(3600);
  });

  it('wakes for a ticket held by the city at its deadline, so it reaches the overdue alarm and the zeroing ledger on time', () => {
    const ticket = aTicket({ level: 3, unitId: 'supervision', deadlines: deadlines({ accept: '2025-03-03 11:00', complete: '2025-03-05 18:00' }) });
    expect(secondsUntilNextWakeUp(ticket, shanghai('2025-03-05 17:00'))).toBe(3600);
  });

  it('looks again only weekly at a city-level ticket past its deadline, and at a difficult case', () => {
    const overdue = aTicket({ level: 3, unitId: 'supervision', deadlines: deadlines({ complete: '2025-03-05 18:00' }) });
    const difficult = aTicket({ status: 'difficult', deadlines: deadlines({ complete: '2025-03-20 18:00' }) });
    expect(IDLE_RECHECK_SECONDS).toBe(week);
    expect(secondsUntilNextWakeUp(overdue, shanghai('2025-03-06 09:00'))).toBe(week);
    expect(secondsUntilNextWakeUp(difficult, shanghai('2025-03-06 09:00'))).toBe(week);
  });
});
