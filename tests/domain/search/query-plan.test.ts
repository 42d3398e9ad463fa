// How a listing is served: the smallest partition named becomes the Query's key, every other condition a filter.
import { describe, expect, it } from 'vitest';
import { planTicketQuery, fingerprintOf } from '../../../domain/search/query-plan.js';
import { queues } from '../../../domain/search/queues.js';
import type { TicketFilter } from '../../../schemas/ticket-query.js';

const now = new Date('2026-11-23T02:00:00Z');
const plan = (query: TicketFilter, tokens: string[] = []) => planTicketQuery(query, now, tokens);

describe('planning a ticket listing', () => {
  it('reads the district when only the district and the status are named, filtering by status', () => {
    const p = plan({ status: 'closed', districtId: 'd-haibin' });

    expect(p.key).toEqual({ index: 'by-district', equals: 'd-haibin', newestFirst: true });
    expect(p.filters).toEqual([{ index: 'by-status', equals: 'closed' }]);
  });

  it('reads an open status before a district: work in flight is bounded, a district grows with history', () => {
    const p = plan({ status: 'accepted', districtId: 'd-haibin' });

    expect(p.key).toMatchObject({ index: 'by-status', equals: 'accepted' });
    expect(p.filters).toEqual([{ index: 'by-district', equals: 'd-haibin' }]);
  });

  it('reads the caller’s tickets before anything else, by the number as the index keeps it', () => {
    const p = plan({ phone: '+86 138-0000-0001', q: '噪音', queue: 'difficult', unitId: 's-haibin-dongmen' }, ['噪音']);

    expect(p.key).toMatchObject({ index: 'by-phone', equals: '13800000001' });
    expect(p.filters).toEqual([
      { index: 'by-status', equals: 'difficult' },
      { index: 'by-unit', equals: 's-haibin-dongmen' },
    ]);
    expect(p.tokens).toEqual(['噪音']);
  });

  it("reads a whistle queue's postings first, whatever else is asked: no ticket attribute says who was called in", () => {
    const p = plan({ queue: 'awaiting-report-in', unitId: 'dept-housing', phone: '13800000001', q: '违建' }, ['违建']);

    expect(p.key).toEqual({ index: 'search-tokens', equals: '@awaiting-report-in:dept-housing', newestFirst: true });
    // The unit is the queue's, not the tickets' (the street leads them): no by-unit filter.
    expect(p.filters).toEqual([{ index: 'by-phone', equals: '13800000001' }]);
    expect(p.tokens).toEqual(['违建']);
    expect(plan({ queue: 'awaiting-report-in' }).key.equals).toBe('@awaiting-report-in');
    expect(() => plan({ queue: 'called-in' })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('looks up the rarest word when text is the most selective thing asked, and checks the others on the tickets', () => {
    const p = plan({ q: '装修 噪音', category: 'NBR-001', level: 2 }, ['装修', '噪音']);

    expect(p.key).toEqual({ index: 'search-tokens', equals: '装修', newestFirst: true });
    expect(p.filters).toEqual([
      { index: 'by-category', equals: 'NBR-001' },
      { index: 'by-level', equals: 'L2' },
    ]);
    expect(p.tokens).toEqual(['装修', '噪音']);
  });

  it('orders the dimensions that grow with history: unit, then category, then district, then level', () => {
    expect(plan({ unitId: 'u', category: 'c', districtId: 'd', level: 3 }).key.index).toBe('by-unit');
    expect(plan({ category: 'c', districtId: 'd', level: 3 }).key.index).toBe('by-category');
    expect(plan({ districtId: 'd', level: 3 }).key.index).toBe('by-district');
    expect(plan({ level: 3, status: 'closed' }).key.index).toBe('by-level');
    expect(plan({ level: 1, status: 'closed' }).key.index).toBe('by-status');
  });

  it('serves overdue=true as the open tickets whose completion deadline is before now, most overdue first', () => {
    const p = plan({ overdue: true, category: 'NBR-001' });

    expect(p.key).toEqual({ index: 'open-by-deadline', equals: 'open', before: now.toISOString(), newestFirst: false });
    expect(p.filters).toEqual([{ index: 'by-category', equals: 'NBR-001' }]);
  });

  it('serves each queue from one partition, oldest or earliest first, whatever else is asked', () => {
    expect(plan({ queue: 'pending-extensions', districtId: 'd-haibin' }).key).toEqual({ index: 'pending-extensions', equals: 'pending', newestFirst: false });
    expect(plan({ queue: 'awaiting-callback' }).key).toEqual({ index: 'by-status', equals: 'resolved', newestFirst: false });
    expect(plan({ queue: 'difficult', status: 'difficult' })).toMatchObject({ key: { index: 'by-status', equals: 'difficult', newestFirst: false }, filters: [] });
    expect(plan({ queue: 'inbox', unitId: 's-haibin-dongmen' })).toMatchObject({
      key: { index: 'inbox', equals: 's-haibin-dongmen' },
      // The inbox is the unit's already: no by-unit filter to read again.
      filters: [],
    });
    expect(plan({ queue: 'escalated-to-city' }).key).toMatchObject({ index: 'escalated', equals: 'L3' });
  });

  it('names unitId when the inbox of nobody in particular is asked for', () => {
    expect(() => queues.inbox.condition(undefined)).toThrow(expect.objectContaining({ status: 400, issues: [expect.objectContaining({ path: 'unitId' })] }));
  });

  it('refuses a text query with no word to look for, naming q', () => {
    expect(() => plan({ q: '的了' }, [])).toThrow(expect.objectContaining({ status: 400, issues: [expect.objectContaining({ path: 'q' })] }));
  });

  it('gives the same query the same fingerprint in any parameter order, and another query another one', () => {
    expect(fingerprintOf({ status: 'closed', districtId: 'd-haibin' })).toBe(fingerprintOf({ districtId: 'd-haibin', status: 'closed' }));
    expect(fingerprintOf({ status: 'closed', districtId: 'd-haibin' })).not.toBe(fingerprintOf({ status: 'closed', districtId: 'd-nanhu' }));
    expect(plan({ overdue: true }).fingerprint).toBe(planTicketQuery({ overdue: true }, new Date('2026-12-01T00:00:00Z')).fingerprint);
  });
});
