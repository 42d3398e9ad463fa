import { describe, expect, it } from 'vitest';
import { selectLedgerEntries } from '../../../domain/zeroing/select-entries.js';
import type { Outcome } from '../../../schemas/ticket.js';
import { aClosedTicket, anEntry, anOpenTicket, aTicket, iso, shanghai } from '../fixtures.js';

const march = '2025-03';
const campaignOpens = shanghai('2025-04-01 00:00');

describe('selectLedgerEntries', () => {
  it('lists a ticket closed as unresolved in the month', () => {
    const ticket = aClosedTicket('2025-03-20 15:00', { resolution: 'unresolved', satisfaction: 'unsatisfied' });

    const entries = selectLedgerEntries(march, [ticket], [], campaignOpens);

    expect(entries).toEqual([
      {
        month: march,
        ticketId: 'T-1',
        unitId: 'street-a',
        reason: 'unresolved',
        status: 'open',
        enteredAt: campaignOpens.toISOString(),
      },
    ]);
  });

  it('lists a ticket the citizen was unsatisfied with', () => {
    const ticket = aClosedTicket('2025-03-20 15:00', { resolution: 'resolved', satisfaction: 'unsatisfied' });

    const [entry] = selectLedgerEntries(march, [ticket], [], campaignOpens);

    expect(entry?.reason).toBe('unsatisfied');
  });

  it('lists a ticket still being handled after its completion deadline as overdue', () => {
    const late = anOpenTicket('2025-03-28 17:30', { id: 'T-late' });
    const notYetDue = anOpenTicket('2025-04-03 17:30', { id: 'T-due-later' });

    const entries = selectLedgerEntries(march, [late, notYetDue], [], campaignOpens);

    expect(entries.map((e) => [e.ticketId, e.reason])).toEqual([['T-late', 'overdue']]);
  });

  it('does not list a ticket that is replied to and waiting for its callback, even past the deadline', () => {
    const waiting = anOpenTicket('2025-03-10 17:30', { status: 'resolved' });

    expect(selectLedgerEntries(march, [waiting], [], campaignOpens)).toEqual([]);
  });

  it('lists an overdue ticket that never reached a unit as unassigned', () => {
    const stuck = anOpenTicket('2025-03-10 17:30', { status: 'awaiting-designation', unitId: undefined });

    const [entry] = selectLedgerEntries(march, [stuck], [], campaignOpens);

    expect(entry?.unitId).toBe('unassigned');
  });

  it.each<[string, Outcome]>([
    ['answered by the operator', { resolution: 'answered' }],
    ['transferred to 110', { resolution: 'transferred', transferTo: '110' }],
    ['explained by the supervision office', { resolution: 'explained', explanation: 'Private land.' }],
    ['resolved to the citizen’s satisfaction', { resolution: 'resolved', satisfaction: 'satisfied' }],
    ['resolved but the citizen never answered the callback', { resolution: 'resolved', satisfaction: 'no-answer' }],
    ['unresolved but the citizen never answered the callback', { resolution: 'unresolved', satisfaction: 'no-answer' }],
  ])('leaves out a ticket %s', (_, outcome) => {
    const ticket = aClosedTicket('2025-03-20 15:00', outcome);

    expect(selectLedgerEntries(march, [ticket], [], campaignOpens)).toEqual([]);
  });

  it('leaves closures after the month to the next campaign and earlier ones to theirs', () => {
    const closedInApril = aClosedTicket('2025-04-01 00:00', { resolution: 'unresolved' }, { id: 'T-april' });
    const closedInFebruary = aClosedTicket('2025-02-28 23:59', { resolution: 'unresolved' }, { id: 'T-feb' });
    const closedOnLastMinute = aClosedTicket('2025-03-31 23:59', { resolution: 'unresolved' }, { id: 'T-march' });

    const entries = selectLedgerEntries(march, [closedInApril, closedInFebruary, closedOnLastMinute], [], campaignOpens);

    expect(entries.map((e) => e.ticketId)).toEqual(['T-march']);
  });

  it('carries over a ticket still open on February’s ledger, remembering the month that first listed it', () => {
    const ticket = aClosedTicket('2025-02-14 10:00', { resolution: 'unresolved' }, { unitId: 'street-b' });
    const february = anEntry({ month: '2025-02', carriedFrom: '2025-01', reason: 'overdue', unitId: 'street-a' });

    const entries = selectLedgerEntries(march, [ticket], [february], campaignOpens);

    expect(entries).toEqual([
      {
        month: march,
        ticketId: 'T-1',
        unitId: 'street-b',
        reason: 'overdue',
        status: 'open',
        enteredAt: campaignOpens.toISOString(),
        carriedFrom: '2025-01',
      },
    ]);
  });

  it('carries over an open entry even when its ticket was not handed in', () => {
    const february = anEntry({ month: '2025-02', ticketId: 'T-old', unitId: 'dept-water', reason: 'unsatisfied' });

    const entries = selectLedgerEntries(march, [], [february], campaignOpens);

    expect(entries).toEqual([expect.objectContaining({ ticketId: 'T-old', unitId: 'dept-water', carriedFrom: '2025-02' })]);
  });

  it('lists a ticket that qualifies again and is carried over only once, with its current reason', () => {
    const ticket = aClosedTicket('2025-03-18 10:00', { resolution: 'resolved', satisfaction: 'unsatisfied' });
    const january = anEntry({ month: '2025-01', reason: 'overdue' });
    const february = anEntry({ month: '2025-02', reason: 'overdue' });

    const entries = selectLedgerEntries(march, [ticket, ticket], [february, january], campaignOpens);

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reason: 'unsatisfied', carriedFrom: '2025-01' });
  });

  it('does not carry over entries that were cleared or explained', () => {
    const cleared = anEntry({ month: '2025-02', ticketId: 'T-a', status: 'cleared', clearedAt: iso('2025-02-20 10:00') });
    const explained = anEntry({ month: '2025-02', ticketId: 'T-b', status: 'explained', note: 'Cannot be fixed before the road works.' });

    expect(selectLedgerEntries(march, [], [cleared, explained], campaignOpens)).toEqual([]);
  });

  it('does not list a ticket twice for the same month when the selection runs again', () => {
    const tickets = [
      aClosedTicket('2025-03-20 15:00', { resolution: 'unresolved' }, { id: 'T-a' }),
      anOpenTicket('2025-03-10 17:30', { id: 'T-b' }),
    ];
    const first = selectLedgerEntries(march, tickets, [], campaignOpens);

    const second = selectLedgerEntries(march, [...tickets, aTicket({ id: 'T-c' })], first, shanghai('2025-04-01 08:00'));

    expect(first.map((e) => e.ticketId)).toEqual(['T-a', 'T-b']);
    expect(second).toEqual([]);
  });

  it('leaves the earlier months’ entries untouched', () => {
    const february = Object.freeze(anEntry({ month: '2025-02' }));
    const before = structuredClone(february);

    selectLedgerEntries(march, [aClosedTicket('2025-03-20 15:00', { resolution: 'unresolved' })], [february], campaignOpens);

    expect(february).toEqual(before);
  });
});
