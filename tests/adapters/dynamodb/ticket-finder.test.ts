// The finder reads a plan's partition on DynamoDB Local: filtered pages fill across several Queries, a page stops at
// its read budget with a cursor, text search loads the tickets its postings name, and a cursor fits only its query.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoTicketFinder } from '../../../adapters/dynamodb/ticket-finder.js';
import { DynamoTicketRepository } from '../../../adapters/dynamodb/ticket-repository.js';
import { encodeQueryCursor } from '../../../adapters/dynamodb/cursor.js';
import { planTicketQuery } from '../../../domain/search/query-plan.js';
import type { Page } from '../../../domain/ports/ticket-repository.js';
import type { Ticket } from '../../../schemas/ticket.js';
import type { TicketFilter } from '../../../schemas/ticket-query.js';
import { freshTables } from '../../support/dynamodb.js';
import { TicketStory, at, noiseComplaint, system } from '../../domain/tickets/world.js';

const now = at('2026-11-23T12:00:00+08:00');

describe('the DynamoDB ticket finder', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let repo: DynamoTicketRepository;
  let finder: (limits?: { budget: number; readAhead: number }) => DynamoTicketFinder;

  // Twelve dispatched tickets at Dongmen, every third in Nanhu's Cuiliu instead; each mentions 噪音, the Nanhu ones 广场舞.
  beforeAll(async () => {
    db = await freshTables();
    const tables = { tickets: db.name('Tickets'), events: db.name('TicketEvents'), idempotency: db.name('IdempotencyKeys'), search: db.name('SearchTokens') };
    repo = new DynamoTicketRepository(db.doc, tables);
    finder = (limits) => new DynamoTicketFinder(db.doc, tables, limits);
    for (let i = 0; i < 12; i++) {
      const nanhu = i % 3 === 0;
      const body = nanhu
        ? { ...noiseComplaint, description: `广场舞噪音 ${i}`, location: { districtId: 'd-nanhu', streetId: 's-nanhu-cuiliu', address: '翠柳公园' } }
        : { ...noiseComplaint, description: `装修噪音 ${i}` };
      const story = TicketStory.open(body, at(`2026-11-23T10:${String(i).padStart(2, '0')}:00+08:00`), `T-${String(i).padStart(2, '0')}`);
      await repo.create(story.ticket, story.events, undefined, nanhu ? ['广场舞', '噪音'] : ['装修', '噪音']);
      const before = story.ticket.version;
      const added = story.do(system, { type: 'dispatch' }, at(story.ticket.createdAt));
      await repo.save(story.ticket, added, before);
    }
  });
  afterAll(() => db.destroy());

  async function pages(f: DynamoTicketFinder, query: TicketFilter, limit: number, tokens: string[] = []) {
    const plan = planTicketQuery(query, now, tokens);
    const all: Page<Ticket>[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.find(plan, { limit, cursor });
      all.push(page);
      cursor = page.cursor;
    } while (cursor && all.length < 50);
    return all;
  }
  const nanhuIds = ['T-09', 'T-06', 'T-03', 'T-00'];

  it('fills each filtered page across several Queries, newest first, every ticket once', async () => {
    const result = await pages(finder({ budget: 1_000, readAhead: 2 }), { status: 'dispatched', districtId: 'd-nanhu' }, 3);

    expect(result.map((p) => p.items.map((t) => t.id))).toEqual([['T-09', 'T-06', 'T-03'], ['T-00']]);
  });

  it('ends a page at the ticket that fills it though the Query read further, and starts the next one right after', async () => {
    const result = await pages(finder({ budget: 1_000, readAhead: 6 }), { status: 'dispatched', districtId: 'd-nanhu' }, 1);

    expect(result.map((p) => p.items.map((t) => t.id))).toEqual(nanhuIds.map((id) => [id]));
  });

  it('returns a short page with a cursor when its read budget is spent, and goes on from there', async () => {
    const result = await pages(finder({ budget: 2, readAhead: 2 }), { status: 'dispatched', districtId: 'd-nanhu' }, 4);

    expect(result.some((p) => p.items.length < 4 && p.cursor !== undefined)).toBe(true);
    expect(result.flatMap((p) => p.items.map((t) => t.id))).toEqual(nanhuIds);
  });

  it('finds tickets by their rarest word and checks the other words and filters on the tickets it loads', async () => {
    const byWord = await pages(finder({ budget: 1_000, readAhead: 2 }), { q: '噪音 广场舞' }, 2, ['广场舞', '噪音']);
    const noisyDongmen = await pages(finder(), { q: '噪音', unitId: 's-haibin-dongmen' }, 100, ['噪音']);

    expect(byWord.flatMap((p) => p.items.map((t) => t.id))).toEqual(nanhuIds);
    expect(noisyDongmen.flatMap((p) => p.items.map((t) => t.id))).toHaveLength(8);
  });

  it('writes no more search tokens than the intake transaction holds', async () => {
    const story = TicketStory.open(noiseComplaint, now, 'T-wordy');
    const tokens = Array.from({ length: 150 }, (_, i) => `词${i}`);

    await repo.create(story.ticket, story.events, { key: 'k-wordy', owner: 'operator-1', fingerprint: 'f' }, tokens);

    // With the claim, the ticket and its first event: 97 postings make the 100 items of one transaction.
    const postings = async (token: string) =>
      (await db.doc.send(new QueryCommand({ TableName: db.name('SearchTokens'), KeyConditionExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'token' }, ExpressionAttributeValues: { ':t': token } }))).Items;
    expect(await postings('词0')).toEqual([expect.objectContaining({ ticketId: 'T-wordy' })]);
    expect(await postings('词96')).toEqual([expect.objectContaining({ ticketId: 'T-wordy' })]);
    expect(await postings('词97')).toEqual([]);
  });

  it('counts the tickets of a deadline range, within a district when asked, without reading one back', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `T-${String(i).padStart(2, '0')}`);
    const dues = (await Promise.all(ids.map((id) => repo.get(id)))).map((t) => String(t?.deadlines.complete)).sort();
    const sixth = dues[5] as string;
    const open = { index: 'open-by-deadline', equals: 'open' } as const;

    expect(await finder().count(open)).toBe(12);
    expect(await finder().count({ ...open, before: sixth })).toBe(5);
    expect(await finder().count({ ...open, from: sixth })).toBe(7);
    expect(await finder().count({ ...open, from: dues[1], before: sixth })).toBe(4);
    expect(await finder().count(open, [{ index: 'by-district', equals: 'd-nanhu' }])).toBe(4);
  });

  it('refuses a cursor issued for another query, or one whose key is not of this query’s partition', async () => {
    const plan = planTicketQuery({ districtId: 'd-nanhu' }, now);
    const first = await finder().find(plan, { limit: 1 });
    const otherPlan = planTicketQuery({ districtId: 'd-haibin' }, now);
    const wrongPartition = encodeQueryCursor({ id: 'T-01', districtKey: 'd-haibin', createdKey: 'x' }, plan.fingerprint);

    await expect(finder().find(otherPlan, { cursor: first.cursor })).rejects.toMatchObject({ status: 400, issues: [{ path: 'cursor' }] });
    await expect(finder().find(plan, { cursor: wrongPartition })).rejects.toMatchObject({ status: 400, issues: [{ path: 'cursor' }] });
    expect((await finder().find(plan, { cursor: first.cursor })).items).toHaveLength(3);
  });
});
