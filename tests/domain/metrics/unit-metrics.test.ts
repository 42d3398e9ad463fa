import { describe, expect, it } from 'vitest';
import { unitMonthMetrics, type UnitMetrics } from '../../../domain/metrics/unit-metrics.js';
import type { NewTicketEvent } from '../../../schemas/ticket-events.js';
import type { Ticket } from '../../../schemas/ticket.js';
import {
  accepted,
  aTicket,
  callback,
  closed,
  dispatched,
  escalated,
  extensionDecided,
  history,
  iso,
  reopened,
  resolved,
  returned,
} from '../fixtures.js';

const march = '2025-03';

/** A closed ticket last held by `unitId`, with its history numbered in the order given. */
function closedCase(id: string, unitId: string, ...events: NewTicketEvent[]) {
  return { ticket: aTicket({ id, unitId, status: 'closed' }), events: history(id, ...events) };
}

function rowFor(unitId: string, rows: UnitMetrics[]): UnitMetrics {
  const row = rows.find((r) => r.unitId === unitId);
  if (!row) throw new Error(`no row for ${unitId} among ${rows.map((r) => r.unitId).join(', ')}`);
  return row;
}

describe('unitMonthMetrics', () => {
  it('counts tickets dispatched to a unit in the month, not dispatch events', () => {
    const tickets = [
      closedCase(
        'T-1',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a'),
        returned('2025-03-03 11:00', 'street-a'),
        dispatched('2025-03-04 09:00', 'street-a', { reason: 'designated' }),
      ),
      closedCase('T-2', 'street-a', dispatched('2025-03-05 09:00', 'street-a')),
      closedCase('T-3', 'street-a', dispatched('2025-02-27 09:00', 'street-a')),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row.dispatched).toBe(2);
  });

  it('places a dispatch by its Shanghai month: 07:00 on 1 April is April though it is still March in UTC', () => {
    const tickets = [closedCase('T-1', 'street-a', dispatched('2025-04-01 07:00', 'street-a'))];

    expect(unitMonthMetrics(march, tickets)).toEqual([]);
    expect(unitMonthMetrics('2025-04', tickets)).toHaveLength(1);
  });

  it('a unit that got nothing in the month has no row, even if it resolved older tickets', () => {
    const tickets = [
      closedCase(
        'T-1',
        'street-b',
        dispatched('2025-02-20 09:00', 'street-b'),
        accepted('2025-02-20 10:00', 'street-b'),
        resolved('2025-03-02 10:00', 'street-b'),
      ),
      closedCase('T-2', 'street-a', dispatched('2025-03-02 09:00', 'street-a')),
    ];

    expect(unitMonthMetrics(march, tickets).map((r) => r.unitId)).toEqual(['street-a']);
  });

  it('response rate: a street that accepts one of two tickets late responds on time half the time', () => {
    const acceptBy = { deadlines: { accept: '2025-03-03 11:00' } };
    const tickets = [
      closedCase(
        'T-1',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', acceptBy),
        accepted('2025-03-03 11:00', 'street-a'),
      ),
      closedCase(
        'T-2',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', acceptBy),
        accepted('2025-03-03 11:01', 'street-a'),
      ),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({ dispatched: 2, acceptedOnTime: 1, responseRate: 0.5 });
  });

  it('response rate: an order needs no acceptance, no acceptance deadline means any acceptance is on time, an ignored dispatch is late', () => {
    const tickets = [
      closedCase(
        'T-ordered',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', {
          reason: 'ordered',
          accepted: true,
          deadlines: { accept: '2025-03-03 10:00' },
        }),
      ),
      closedCase(
        'T-no-deadline',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a'),
        accepted('2025-03-06 09:00', 'street-a'),
      ),
      closedCase(
        'T-ignored',
        'district-1',
        dispatched('2025-03-03 09:00', 'street-a', { deadlines: { accept: '2025-03-03 10:00' } }),
        escalated('2025-03-03 10:00', 'street-a', 'district-1'),
        accepted('2025-03-03 10:30', 'district-1'),
      ),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({ dispatched: 3, acceptedOnTime: 2 });
    expect(row.responseRate).toBeCloseTo(2 / 3);
  });

  it('on-time completion: a resolution within an approved extension is on time, one a minute past the deadline is not', () => {
    const due = { deadlines: { complete: '2025-03-10 17:30' } };
    const tickets = [
      closedCase(
        'T-extended',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', due),
        accepted('2025-03-03 09:30', 'street-a'),
        extensionDecided('2025-03-09 10:00', true, { complete: '2025-03-14 17:30' }),
        resolved('2025-03-13 16:00', 'street-a'),
      ),
      closedCase(
        'T-late',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', due),
        accepted('2025-03-03 09:30', 'street-a'),
        resolved('2025-03-10 17:31', 'street-a'),
      ),
      closedCase(
        'T-on-the-minute',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', due),
        accepted('2025-03-03 09:30', 'street-a'),
        resolved('2025-03-10 17:30', 'street-a'),
      ),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({ resolved: 3, resolvedOnTime: 2 });
    expect(row.onTimeCompletionRate).toBeCloseTo(2 / 3);
  });

  it('on-time completion: a reopened ticket is judged against the deadline set when it was reopened', () => {
    const tickets = [
      closedCase(
        'T-1',
        'street-a',
        dispatched('2025-03-03 09:00', 'street-a', { deadlines: { complete: '2025-03-05 17:30' } }),
        resolved('2025-03-05 10:00', 'street-a'),
        callback('2025-03-06 10:00', { resolved: false, satisfied: false }),
        reopened('2025-03-06 10:05', 'street-a', { complete: '2025-03-12 17:30' }),
        resolved('2025-03-13 10:00', 'street-a'),
      ),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({ resolved: 1, resolvedOnTime: 0, onTimeCompletionRate: 0 });
  });

  it('first-dispatch accuracy: a street that returns one of its two direct tickets is 50% accurate', () => {
    const tickets = [
      closedCase(
        'T-1',
        'street-b',
        dispatched('2025-03-03 09:00', 'street-a'),
        returned('2025-03-03 10:00', 'street-a', 'street-b'),
        dispatched('2025-03-03 10:30', 'street-b', { reason: 'rerouted' }),
      ),
      closedCase(
        'T-2',
        'street-a',
        dispatched('2025-03-04 09:00', 'street-a'),
        accepted('2025-03-04 09:20', 'street-a'),
      ),
    ];

    const rows = unitMonthMetrics(march, tickets);

    expect(rowFor('street-a', rows)).toMatchObject({
      firstDispatched: 2,
      firstDispatchKept: 1,
      firstDispatchAccuracy: 0.5,
    });
    expect(rowFor('street-b', rows)).toMatchObject({ dispatched: 1, firstDispatched: 0, firstDispatchAccuracy: null });
  });

  it('resolution and satisfaction rates count answered callbacks only; unanswered ones are reported apart', () => {
    const handled = [
      dispatched('2025-03-03 09:00', 'street-a'),
      accepted('2025-03-03 09:30', 'street-a'),
      resolved('2025-03-05 10:00', 'street-a'),
    ];
    const tickets = [
      closedCase('T-1', 'street-a', ...handled, callback('2025-03-06 10:00', { resolved: true, satisfied: true })),
      closedCase('T-2', 'street-a', ...handled, callback('2025-03-06 10:00', { resolved: true, satisfied: false })),
      closedCase('T-3', 'street-a', ...handled, callback('2025-03-06 10:00', { resolved: false, satisfied: false })),
      closedCase('T-4', 'street-a', ...handled, callback('2025-03-06 10:00', null), callback('2025-03-07 10:00', null)),
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({ callbacks: 3, confirmedResolved: 2, satisfied: 1, noAnswer: 2 });
    expect(row.resolutionRate).toBeCloseTo(2 / 3);
    expect(row.satisfactionRate).toBeCloseTo(1 / 3);
  });

  it('a callback counts for the unit that resolved the ticket last', () => {
    const tickets = [
      closedCase(
        'T-1',
        'street-b',
        dispatched('2025-03-03 09:00', 'street-a'),
        resolved('2025-03-04 10:00', 'street-a'),
        callback('2025-03-05 10:00', { resolved: false, satisfied: false }),
        reopened('2025-03-05 11:00', 'street-b', { complete: '2025-03-12 17:30' }),
        resolved('2025-03-10 10:00', 'street-b'),
        callback('2025-03-11 10:00', { resolved: true, satisfied: true }),
        closed('2025-03-11 10:05', { resolution: 'resolved', satisfaction: 'satisfied' }),
      ),
      closedCase('T-2', 'street-b', dispatched('2025-03-03 09:00', 'street-b')),
    ];

    const rows = unitMonthMetrics(march, tickets);

    expect(rowFor('street-a', rows)).toMatchObject({ callbacks: 1, satisfactionRate: 0, resolutionRate: 0 });
    expect(rowFor('street-b', rows)).toMatchObject({ callbacks: 1, satisfactionRate: 1, resolutionRate: 1 });
  });

  it('a unit that has only just received a ticket has no completion, accuracy or callback rates yet', () => {
    const tickets = [
      {
        ticket: aTicket({ id: 'T-1', status: 'dispatched' }),
        events: history('T-1', dispatched('2025-03-31 16:00', 'street-a', { reason: 'redispatched' })),
      },
    ];

    const row = rowFor('street-a', unitMonthMetrics(march, tickets));

    expect(row).toMatchObject({
      dispatched: 1,
      acceptedOnTime: 0,
      responseRate: 0,
      onTimeCompletionRate: null,
      firstDispatchAccuracy: null,
      resolutionRate: null,
      satisfactionRate: null,
      noAnswer: 0,
    });
  });

  it('overdue: unfinished tickets the unit holds whose deadline fell within the month', () => {
    const held = (id: string, status: Ticket['status'], due: string, unitId = 'street-a') => ({
      ticket: aTicket({ id, status, unitId, deadlines: { complete: iso(due) } }),
      events: history(id, dispatched('2025-03-03 09:00', 'street-a')),
    });
    const tickets = [
      held('T-overdue', 'accepted', '2025-03-31 17:30'),
      held('T-due-at-month-end', 'accepted', '2025-04-01 00:00'),
      held('T-replied', 'resolved', '2025-03-20 17:30'),
      held('T-escalated', 'accepted', '2025-03-20 17:30', 'district-1'),
    ];

    const rows = unitMonthMetrics(march, tickets);

    expect(rowFor('street-a', rows).overdue).toBe(1);
    expect(rows.map((r) => r.unitId)).toEqual(['street-a']);
  });

  it('lists the units in id order', () => {
    const tickets = ['street-c', 'dept-water', 'street-a'].map((unitId, i) =>
      closedCase(`T-${i}`, unitId, dispatched('2025-03-03 09:00', unitId)),
    );

    expect(unitMonthMetrics(march, tickets).map((r) => r.unitId)).toEqual(['dept-water', 'street-a', 'street-c']);
  });

  it('reads the history in seq order even when the events arrive shuffled', () => {
    const { ticket, events } = closedCase(
      'T-1',
      'street-b',
      dispatched('2025-03-03 09:00', 'street-a'),
      returned('2025-03-03 10:00', 'street-a'),
      dispatched('2025-03-03 11:00', 'street-b', { reason: 'rerouted' }),
    );

    const rows = unitMonthMetrics(march, [{ ticket, events: [...events].reverse() }]);

    expect(rowFor('street-a', rows)).toMatchObject({ firstDispatched: 1, firstDispatchAccuracy: 0 });
  });
});
