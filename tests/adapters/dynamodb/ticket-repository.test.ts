import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoTicketFinder } from '../../../adapters/dynamodb/ticket-finder.js';
import { DynamoTicketRepository } from '../../../adapters/dynamodb/ticket-repository.js';
import type { PageRequest } from '../../../domain/ports/ticket-repository.js';
import { planTicketQuery } from '../../../domain/search/query-plan.js';
import type { TicketFilter } from '../../../schemas/ticket-query.js';
import type { CaseworkError } from '../../../domain/errors.js';
import { freshTables } from '../../support/dynamodb.js';
import { TicketStory, at, clerkOf, noiseComplaint, system } from '../../domain/tickets/world.js';

const monday = at('2026-11-23T10:00:00+08:00');

describe('the DynamoDB ticket repository', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let repo: DynamoTicketRepository;
  // Listings go through the finder, reading the index keys the repository writes.
  let finder: DynamoTicketFinder;
  const list = (filter: TicketFilter, page?: PageRequest) => finder.find(planTicketQuery(filter, at('2026-11-23T10:00:00+08:00')), page);
  beforeAll(async () => {
    db = await freshTables();
    const tables = { tickets: db.name('Tickets'), events: db.name('TicketEvents'), idempotency: db.name('IdempotencyKeys'), search: db.name('SearchTokens') };
    repo = new DynamoTicketRepository(db.doc, tables);
    finder = new DynamoTicketFinder(db.doc, tables);
  });
  afterAll(() => db.destroy());

  async function stored(id: string, body = noiseComplaint, when = monday) {
    const story = TicketStory.open(body, when, id);
    await repo.create(story.ticket, story.events);
    const before = story.ticket.version;
    const added = story.do(system, { type: 'dispatch' }, when);
    await repo.save(story.ticket, added, before);
    return story;
  }

  it('keeps a ticket and its whole history', async () => {
    const story = await stored('T-history');

    expect(await repo.get('T-history')).toEqual(story.ticket);
    expect((await repo.history('T-history')).map((e) => e.type)).toEqual(['ticket.created', 'ticket.dispatched']);
  });

  it('returns the first ticket when intake retries with the same Idempotency-Key', async () => {
    const first = TicketStory.open(noiseComplaint, monday, 'T-idem-1');
    const retry = TicketStory.open(noiseComplaint, monday, 'T-idem-2');
    const claim = { key: 'phone-call-8812', owner: 'operator-1', fingerprint: 'sha-of-body' };

    await repo.create(first.ticket, first.events, claim);
    const again = await repo.create(retry.ticket, retry.events, claim);

    expect(again).toMatchObject({ replayed: true, ticket: { id: 'T-idem-1' } });
    expect(await repo.get('T-idem-2')).toBeUndefined();
  });

  it("says a new ticket's number is taken when another ticket has it, writing nothing of the second", async () => {
    const first = await stored('T-taken');
    const second = TicketStory.open({ ...noiseComplaint, title: '另一位市民的诉求' }, monday, 'T-taken');
    const claim = { key: 'call-taken', owner: 'operator-1', fingerprint: 'sha-2' };

    await expect(repo.create(second.ticket, second.events, claim)).rejects.toMatchObject({ status: 409, rule: 'ticket.id-taken' });

    expect(await repo.get('T-taken')).toEqual(first.ticket);
    expect(await repo.history('T-taken')).toHaveLength(2);
    // The claim went with the cancelled transaction: the retry under a fresh number is a first attempt, not a replay.
    const fresh = TicketStory.open({ ...noiseComplaint, title: '另一位市民的诉求' }, monday, 'T-taken-2');
    expect(await repo.create(fresh.ticket, fresh.events, claim)).toMatchObject({ replayed: false, ticket: { id: 'T-taken-2' } });
  });

  it('refuses a reused Idempotency-Key with a different body, writing nothing', async () => {
    const first = TicketStory.open(noiseComplaint, monday, 'T-reuse-1');
    const other = TicketStory.open({ ...noiseComplaint, title: '另一件事' }, monday, 'T-reuse-2');
    await repo.create(first.ticket, first.events, { key: 'k-reused', owner: 'operator-1', fingerprint: 'a' });

    await expect(repo.create(other.ticket, other.events, { key: 'k-reused', owner: 'operator-1', fingerprint: 'b' })).rejects.toMatchObject({
      status: 422,
      rule: 'idempotency.key-reused',
    });
    expect(await repo.history('T-reuse-2')).toEqual([]);
  });

  it('lets exactly one of 50 concurrent conflicting updates win; the other 49 get a conflict', async () => {
    const story = await stored('T-race');
    const base = story.ticket;
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const copy = TicketStory.open(noiseComplaint, monday, 'T-race');
      copy.ticket = base;
      const added = copy.do(clerkOf('s-haibin-dongmen'), { type: 'resolve', reply: `答复 ${i}` }, monday);
      return repo.save(copy.ticket, added, base.version);
    });

    const results = await Promise.allSettled(attempts);

    const rejected = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const r of rejected) expect((r.reason as CaseworkError).status).toBe(409);
    const history = await repo.history('T-race');
    expect(history.filter((e) => e.type === 'ticket.resolved')).toHaveLength(1);
    expect((await repo.get('T-race'))?.version).toBe(history.length);
  });

  it('lists a unit’s inbox earliest deadline first, page by page', async () => {
    const street = { ...noiseComplaint.location, streetId: 's-haibin-xiwan' };
    await stored('T-inbox-late', { ...noiseComplaint, location: street }, at('2026-11-25T10:00:00+08:00'));
    await stored('T-inbox-early', { ...noiseComplaint, location: street }, at('2026-11-24T10:00:00+08:00'));

    const first = await list({ queue: 'inbox', unitId: 's-haibin-xiwan' }, { limit: 1 });
    const second = await list({ queue: 'inbox', unitId: 's-haibin-xiwan' }, { limit: 1, cursor: first.cursor });

    expect(first.items.map((t) => t.id)).toEqual(['T-inbox-early']);
    expect(second.items.map((t) => t.id)).toEqual(['T-inbox-late']);
  });

  it('lists tickets whose completion deadline has passed', async () => {
    const consultation = { ...noiseComplaint, category: 'CMTY-001', location: { ...noiseComplaint.location, streetId: 's-haibin-yugang' } };
    await stored('T-overdue', consultation, at('2026-11-02T10:00:00+08:00'));

    const overdue = await list({ overdue: true });

    expect(overdue.items.map((t) => t.id)).toContain('T-overdue');
    expect(overdue.items.map((t) => t.id)).not.toContain('T-history');
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(list({ queue: 'inbox', unitId: 's-haibin-xiwan' }, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400 });
  });
});
