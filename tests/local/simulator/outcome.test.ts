import { describe, expect, it } from 'vitest';
import { type DayOutcome, differences } from '../../../local/simulator/outcome.js';

const outcome = (): DayOutcome => ({
  tickets: [
    { status: 'closed', level: 1, unitId: 's-haibin-dongmen', version: 6, events: ['ticket.created', 'ticket.dispatched'], lifecycle: 'SUCCEEDED', delivered: ['2-s-haibin-dongmen-webhook0'] },
    { status: 'dispatched', level: 2, unitId: 'd-haibin', version: 4, events: ['ticket.created', 'ticket.escalated'], lifecycle: 'RUNNING', delivered: [] },
  ],
  stored: { tickets: 2, duplicated: 0 },
  executions: { 'ticket-lifecycle': { SUCCEEDED: 1, RUNNING: 1 }, 'notification-delivery': { SUCCEEDED: 1 }, 'joint-review': {}, 'monthly-zeroing': {} },
});

describe('differences between two runs of a day', () => {
  it('finds none between equal outcomes', () => {
    expect(differences(outcome(), outcome())).toEqual([]);
  });

  it('names a ticket whose change was applied twice, a lost execution, a lost delivery and a doubled ticket', () => {
    const crashed = outcome();
    const [first, second] = crashed.tickets as [DayOutcome['tickets'][0], DayOutcome['tickets'][0]];
    first.events = [...first.events, 'ticket.dispatched'];
    first.version = 7;
    first.delivered = [];
    second.lifecycle = 'MISSING';
    crashed.stored = { tickets: 3, duplicated: 1 };
    crashed.executions['ticket-lifecycle'] = { SUCCEEDED: 1 };
    const found = differences(outcome(), crashed);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^stored tickets/),
        expect.stringMatching(/^ticket-lifecycle executions/),
        expect.stringMatching(/^ticket 0 version/),
        expect.stringMatching(/^ticket 0 events/),
        expect.stringMatching(/^ticket 0 delivered/),
        expect.stringMatching(/^ticket 1 lifecycle: expected "RUNNING", got "MISSING"/),
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('names a ticket the other run never created', () => {
    const crashed = outcome();
    crashed.tickets.pop();
    expect(differences(outcome(), crashed)).toContain('ticket 1: missing');
  });
});
