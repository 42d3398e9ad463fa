import { describe, expect, it } from 'vitest';
import { monthReport } from '../../../domain/zeroing/month-report.js';
import { anEntry, iso } from '../fixtures.js';

const cleared = { status: 'cleared' as const, clearedAt: iso('2025-04-10 10:00') };
const explained = { status: 'explained' as const, clearedAt: iso('2025-04-11 10:00'), note: 'Private property, not public.' };

describe('monthReport', () => {
  it('counts the month’s entries by state, unit and reason', () => {
    const entries = [
      anEntry({ ticketId: 'T-1', unitId: 'street-a', districtId: 'd-north', reason: 'unresolved', ...cleared }),
      anEntry({ ticketId: 'T-2', unitId: 'street-a', districtId: 'd-north', reason: 'unsatisfied' }),
      anEntry({ ticketId: 'T-3', unitId: 'dept-water', districtId: 'd-south', reason: 'overdue', carriedFrom: '2025-01' }),
      anEntry({ ticketId: 'T-4', unitId: 'dept-water', districtId: 'd-north', reason: 'overdue', carriedFrom: '2025-02' }),
      anEntry({ ticketId: 'T-5', unitId: 'street-b', districtId: 'd-south', reason: 'unsatisfied', ...explained }),
      anEntry({ ticketId: 'T-6', unitId: 'street-b', districtId: 'd-south', reason: 'unsatisfied', ...cleared }),
      anEntry({ month: '2025-02', ticketId: 'T-3', unitId: 'dept-water', reason: 'overdue' }),
    ];

    const report = monthReport('2025-03', entries);

    expect(report).toEqual({
      month: '2025-03',
      entered: 6,
      carriedOver: 2,
      added: 4,
      cleared: 2,
      explained: 1,
      open: 3,
      clearanceRate: 0.5,
      byUnit: [
        { unitId: 'dept-water', entered: 2, cleared: 0, explained: 0, open: 2 },
        { unitId: 'street-a', entered: 2, cleared: 1, explained: 0, open: 1 },
        { unitId: 'street-b', entered: 2, cleared: 1, explained: 1, open: 0 },
      ],
      byDistrict: [
        { districtId: 'd-north', entered: 3, cleared: 1, explained: 0, open: 2 },
        { districtId: 'd-south', entered: 3, cleared: 1, explained: 1, open: 1 },
      ],
      redList: [
        { unitId: 'dept-water', open: 2 },
        { unitId: 'street-a', open: 1 },
      ],
      byReason: { unresolved: 1, unsatisfied: 3, overdue: 2 },
    });
  });

  it('ranks units with equal open entries by id', () => {
    const entries = [
      anEntry({ ticketId: 'T-1', unitId: 'street-c' }),
      anEntry({ ticketId: 'T-2', unitId: 'street-a' }),
      anEntry({ ticketId: 'T-3', unitId: 'street-b', ...cleared }),
    ];

    const report = monthReport('2025-03', entries);

    expect(report.byUnit.map((u) => u.unitId)).toEqual(['street-a', 'street-c', 'street-b']);
  });

  it('a month with nothing on the ledger is fully cleared', () => {
    const report = monthReport('2025-03', []);

    expect(report).toMatchObject({ entered: 0, open: 0, clearanceRate: 1, byUnit: [] });
    expect(report.byReason).toEqual({ unresolved: 0, unsatisfied: 0, overdue: 0 });
  });
});
