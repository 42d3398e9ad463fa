// A TicketPlan -> pages of tickets: Query the plan's index partition, load its tickets, filter, and read on until the page is full.
import { type DynamoDBDocumentClient, BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TicketPlan } from '../../domain/search/query-plan.js';
import type { IndexCondition } from '../../domain/search/ticket-indexes.js';
import { containsTokens } from '../../domain/search/search-tokens.js';
import type { Page, PageRequest } from '../../domain/ports/ticket-repository.js';
import type { Ticket } from '../../schemas/ticket.js';
import { decodeQueryCursor, encodeQueryCursor, refused } from './cursor.js';
import { fromItem, inPartition, ticketIndexes } from './ticket-item.js';

export interface FinderTables {
  tickets: string;
  search: string;
}

type Item = Record<string, unknown>;

/** Tickets read from an index in its order, each with the key a next page would start after. */
interface Batch {
  candidates: { item: Item; key: Item }[];
  next?: Item;
  read: number;
}

export interface FinderLimits {
  /** One request reads at most about this many index entries; past it, a page comes back short with a cursor to go on. */
  budget: number;
  /** A filtered Query reads at least this many entries at a time rather than round-trip for each ticket it needs. */
  readAhead: number;
}

const NOT_OURS = { en: 'is not a cursor of this query', zh: '不是本查询的翻页游标' };
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

export class DynamoTicketFinder {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tables: FinderTables,
    private readonly limits: FinderLimits = { budget: 2_000, readAhead: 100 },
  ) {}

  /** One page of the tickets a plan names, in its key's order; the cursor works only with the same query. */
  async find(plan: TicketPlan, page: PageRequest = {}): Promise<Page<Ticket>> {
    const limit = Math.min(page.limit ?? DEFAULT_PAGE, MAX_PAGE);
    let start = startKey(plan, page.cursor);
    const found: Ticket[] = [];
    let read = 0;
    for (;;) {
      const batch = await this.read(plan, start, limit - found.length);
      read += batch.read;
      const matching = batch.candidates.filter((c) => matches(c.item, plan));
      for (const [i, c] of matching.entries()) {
        found.push(fromItem(c.item));
        if (found.length === limit) {
          const more = i < matching.length - 1 || batch.next !== undefined;
          return { items: found, cursor: more ? encodeQueryCursor(c.key, plan.fingerprint) : undefined };
        }
      }
      start = batch.next;
      if (!start) return { items: found };
      if (read >= this.limits.budget) return { items: found, cursor: encodeQueryCursor(start, plan.fingerprint) };
    }
  }

  private async read(plan: TicketPlan, start: Item | undefined, want: number): Promise<Batch> {
    try {
      return plan.key.index === 'search-tokens' ? await this.postings(plan.key.equals, start, want) : await this.partition(plan, start, want);
    } catch (error) {
      // A start key of the right query but outside its partition or range: DynamoDB says so, the client sent it.
      const { name, message } = error as { name?: string; message?: string };
      if (start && name === 'ValidationException' && /start(ing)? ?key/i.test(message ?? '')) throw refused(NOT_OURS);
      throw error;
    }
  }

  /**
   * The index holds keys only (infra/manifest.ts says why): read the entries in order, then the tickets themselves,
   * and filter those. A ticket that left the partition since the index was written (indexes follow a little behind)
   * is dropped here, as the filter of a query on the table would.
   */
  private async partition(plan: TicketPlan, start: Item | undefined, want: number): Promise<Batch> {
    const key = plan.key as IndexCondition & { newestFirst: boolean };
    const { partition, sort } = ticketIndexes[key.index];
    const narrowed = plan.filters.length > 0 || plan.tokens.length > 0;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tables.tickets,
        IndexName: key.index,
        KeyConditionExpression: key.before ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partition, ...(key.before ? { '#sk': sort } : {}) },
        ExpressionAttributeValues: { ':pk': key.equals, ...(key.before ? { ':before': key.before } : {}) },
        ScanIndexForward: !key.newestFirst,
        // Unfiltered, a page reads exactly what it returns; filtered, it reads ahead rather than round-trip per item.
        Limit: narrowed ? Math.max(want, this.limits.readAhead) : want,
        ExclusiveStartKey: start,
      }),
    );
    const entries = result.Items ?? [];
    const tickets = await this.load(entries.map((entry) => String(entry.id)));
    return {
      candidates: entries.flatMap((entry) => {
        const item = tickets.get(String(entry.id));
        return item && inPartition(item, key) ? [{ item, key: { id: entry.id, [partition]: entry[partition], [sort]: entry[sort] } }] : [];
      }),
      next: result.LastEvaluatedKey,
      read: entries.length,
    };
  }

  /**
   * How many tickets of an index partition have a sort key at or after `from` and before `before` (either bound may be
   * absent) and are in every filter's partition: a COUNT Query, which reads the range but returns no ticket.
   */
  async count(key: IndexCondition & { from?: string }, filters: readonly IndexCondition[] = []): Promise<number> {
    const { partition, sort } = ticketIndexes[key.index];
    const { from, before } = key;
    const names: Record<string, string> = { '#pk': partition, ...(from !== undefined || before !== undefined ? { '#sk': sort } : {}) };
    const values: Record<string, unknown> = { ':pk': key.equals, ...(from !== undefined ? { ':from': from } : {}), ...(before !== undefined ? { ':before': before } : {}) };
    // Sort keys end in `#<ticket id>`, so none equals a bare bound: BETWEEN's inclusive end excludes `before` as `<` does.
    const range = from !== undefined && before !== undefined ? '#sk BETWEEN :from AND :before' : from !== undefined ? '#sk >= :from' : before !== undefined ? '#sk < :before' : undefined;
    const terms = filterTerms(filters, names, values);
    let count = 0;
    let start: Item | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tables.tickets,
          IndexName: key.index,
          KeyConditionExpression: range ? `#pk = :pk AND ${range}` : '#pk = :pk',
          ...(terms.length > 0 ? { FilterExpression: terms.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  private async postings(token: string, start: Item | undefined, want: number): Promise<Batch> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tables.search,
        KeyConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': token },
        ScanIndexForward: false,
        // The other words and filters are checked on the tickets, so read ahead; one BatchGetItem loads 100 at most.
        Limit: Math.min(Math.max(want, this.limits.readAhead), 100),
        ExclusiveStartKey: start,
      }),
    );
    const postings = result.Items ?? [];
    const tickets = await this.load(postings.map((p) => String(p.ticketId)));
    return {
      candidates: postings.flatMap((p) => {
        const item = tickets.get(String(p.ticketId));
        return item ? [{ item, key: { token: p.token, createdKey: p.createdKey } }] : [];
      }),
      next: result.LastEvaluatedKey,
      read: postings.length,
    };
  }

  /** The tickets with these ids, by id (BatchGetItem, 100 at a time, retrying what DynamoDB left unprocessed). */
  private async load(ids: string[]): Promise<Map<string, Item>> {
    const loaded = new Map<string, Item>();
    const unique = [...new Set(ids)];
    for (let from = 0; from < unique.length; from += 100) {
      let keys: Item[] = unique.slice(from, from + 100).map((id) => ({ id }));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt === 6) throw new Error(`DynamoDB left ${keys.length} ticket reads unprocessed after ${attempt} attempts`);
        // Unprocessed keys mean throttling: back off a little before asking again, as the SDK's own retries do.
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tables.tickets]: { Keys: keys } } }));
        for (const item of result.Responses?.[this.tables.tickets] ?? []) loaded.set(String(item.id), item);
        keys = result.UnprocessedKeys?.[this.tables.tickets]?.Keys ?? [];
      }
    }
    return loaded;
  }
}

/** One FilterExpression term per filter (the ticket is also in that index partition), its names and values added. */
function filterTerms(filters: readonly IndexCondition[], names: Record<string, string>, values: Record<string, unknown>): string[] {
  return filters.map((f, i) => {
    const at = ticketIndexes[f.index];
    names[`#f${i}`] = at.partition;
    values[`:f${i}`] = f.equals;
    if (f.before === undefined) return `#f${i} = :f${i}`;
    names[`#g${i}`] = at.sort;
    values[`:g${i}`] = f.before;
    return `(#f${i} = :f${i} AND #g${i} < :g${i})`;
  });
}

/** The ticket is in every filter's partition and its text holds every search token. */
function matches(item: Item, plan: TicketPlan): boolean {
  return plan.filters.every((f) => inPartition(item, f)) && containsTokens({ title: String(item.title), description: String(item.description) }, plan.tokens);
}

/** Where the page starts: the cursor's key, if it was issued for this query and has the shape of this plan's keys. */
function startKey(plan: TicketPlan, cursor: string | undefined): Item | undefined {
  const key = decodeQueryCursor(cursor, plan.fingerprint);
  if (!key) return undefined;
  const [partition, names] =
    plan.key.index === 'search-tokens'
      ? ['token', ['token', 'createdKey']]
      : [ticketIndexes[plan.key.index].partition, ['id', ticketIndexes[plan.key.index].partition, ticketIndexes[plan.key.index].sort]];
  const shaped = Object.keys(key).length === names.length && names.every((n) => typeof key[n] === 'string');
  if (!shaped || key[partition] !== plan.key.equals) throw refused(NOT_OURS);
  return key;
}
