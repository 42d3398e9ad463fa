// The zeroing ledger on DynamoDB Local: entries written once per month, carried in batches without overwriting, a
// clearing that races the carry-over not lost, filters paged, campaigns opened and closed once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerRepository } from '../../../adapters/dynamodb/ledger-repository.js';
import type { LedgerEntry } from '../../../schemas/zeroing.js';
import { freshTables } from '../../support/dynamodb.js';

const entry = (ticketId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  month: '2026-11',
  ticketId,
  unitId: 's-haibin-dongmen',
  districtId: 'd-haibin',
  reason: 'overdue',
  status: 'open',
  enteredAt: '2026-11-10T02:00:00.000Z',
  ...overrides,
});

describe('the DynamoDB zeroing ledger', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let ledger: LedgerRepository;
  beforeAll(async () => {
    db = await freshTables();
    ledger = new LedgerRepository(db.doc, db.name('Ledger'));
  });
  afterAll(() => db.destroy());

  it('writes an entry once per month, and a batch leaves what the month already has as it is', async () => {
    expect(await ledger.enter(entry('T-1'))).toBe(true);
    expect(await ledger.enter(entry('T-1', { reason: 'unsatisfied' }))).toBe(false);
    await ledger.clear('T-1', 'cleared', '2026-11-12T02:00:00.000Z');

    expect(await ledger.enterAll([entry('T-1'), entry('T-2'), entry('T-3')])).toBe(2);
    expect((await ledger.allEntries('2026-11')).map((e) => [e.ticketId, e.status])).toEqual([
      ['T-1', 'cleared'],
      ['T-2', 'open'],
      ['T-3', 'open'],
    ]);
  });

  it('clears in the carried month a ticket that cleared while its page was being carried', async () => {
    const carried = (await ledger.entries('2026-11', { status: 'open' })).items;
    // The clearing lands on November's entry: December's copy does not exist yet.
    await ledger.clear('T-2', 'explained', '2026-12-01T00:00:30.000Z', '已认定合理处置');
    await ledger.enterAll(carried.map((e) => ({ ...e, month: '2026-12', carriedFrom: '2026-11' })));

    expect(await ledger.settleCarried('2026-11', '2026-12', carried.map((e) => e.ticketId))).toBe(1);
    expect((await ledger.allEntries('2026-12')).map((e) => [e.ticketId, e.status, e.note])).toEqual([
      ['T-2', 'explained', '已认定合理处置'],
      ['T-3', 'open', undefined],
    ]);
    // A later clearing finds the latest month's entry.
    expect(await ledger.clear('T-3', 'cleared', '2026-12-02T00:00:00.000Z')).toBe(true);
    expect((await ledger.allEntries('2026-11', { status: 'open' })).map((e) => e.ticketId)).toEqual(['T-3']);
  });

  it('pages a filtered month by its cursor, and refuses a cursor of another filter', async () => {
    await ledger.enterAll(Array.from({ length: 30 }, (_, i) => entry(`T-page-${String(i).padStart(2, '0')}`, { month: '2027-01', unitId: i % 3 === 0 ? 'dept-water' : 's-haibin-dongmen' })));
    const first = await ledger.entries('2027-01', { unitId: 'dept-water' }, { limit: 4 });
    const second = await ledger.entries('2027-01', { unitId: 'dept-water' }, { limit: 4, cursor: first.cursor });
    const last = await ledger.entries('2027-01', { unitId: 'dept-water' }, { limit: 4, cursor: second.cursor });

    expect([first.items.length, second.items.length, last.items.length]).toEqual([4, 4, 2]);
    expect(last.cursor).toBeUndefined();
    expect(new Set([...first.items, ...second.items, ...last.items].map((e) => e.ticketId)).size).toBe(10);
    await expect(ledger.entries('2027-01', { unitId: 's-haibin-dongmen' }, { cursor: first.cursor })).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a cursor of this very query whose key was changed, naming the cursor (issue 15: it answered 500)', async () => {
    const first = await ledger.entries('2027-01', { unitId: 'dept-water' }, { limit: 4 });
    const { q, k } = JSON.parse(Buffer.from(String(first.cursor), 'base64url').toString('utf8')) as { q: string; k: Record<string, unknown> };
    const forged = (key: unknown) => Buffer.from(JSON.stringify({ q, k: key })).toString('base64url');

    for (const key of [{ foo: 1 }, { ...k, ticketId: 5 }, { ...k, month: '2026-11' }, { ...k, ticketId: '#' }, { ...k, extra: 'x' }]) {
      await expect(ledger.entries('2027-01', { unitId: 'dept-water' }, { limit: 4, cursor: forged(key) })).rejects.toMatchObject({ status: 400, issues: [{ path: 'cursor' }] });
    }
  });

  it('opens and closes a campaign once each', async () => {
    const campaign = { month: '2027-02', status: 'open' as const, openedAt: '2027-01-31T16:00:00.000Z', panelFindings: { 'beyond-policy': [], unreasonable: [] } };
    expect(await ledger.openCampaign(campaign)).toBe(true);
    expect(await ledger.openCampaign(campaign)).toBe(false);
    expect(await ledger.closeCampaign('2027-02', '2027-02-28T16:00:00.000Z', { open: 0 })).toBe(true);
    expect(await ledger.closeCampaign('2027-02', '2027-02-28T16:00:00.000Z', { open: 9 })).toBe(false);
    expect(await ledger.campaign('2027-02')).toMatchObject({ status: 'closed', report: { open: 0 } });
  });

  it("counts a panel's findings once per ticket, on a campaign that may not have opened yet, and leaves a closing as it is", async () => {
    await ledger.countPanelFinding('2027-03', 'beyond-policy', 'T-9', '2027-03-05T02:00:00.000Z');
    await ledger.countPanelFinding('2027-03', 'beyond-policy', 'T-9', '2027-03-05T02:00:00.000Z');
    await ledger.countPanelFinding('2027-03', 'unreasonable', 'T-8', '2027-03-06T02:00:00.000Z');
    expect(await ledger.openCampaign({ month: '2027-03', status: 'open', openedAt: '2027-02-28T16:00:00.000Z', panelFindings: { 'beyond-policy': [], unreasonable: [] } })).toBe(false);
    await ledger.closeCampaign('2027-03', '2027-03-31T16:00:00.000Z', { open: 0 });
    await ledger.countPanelFinding('2027-03', 'unreasonable', 'T-7', '2027-03-31T16:00:01.000Z');

    expect(await ledger.campaign('2027-03')).toMatchObject({ status: 'closed', panelFindings: { 'beyond-policy': ['T-9'], unreasonable: ['T-7', 'T-8'] } });
  });
});
