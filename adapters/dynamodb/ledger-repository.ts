// The zeroing ledger (动态清零台账) in the Ledger table: one partition per month holding its campaign's record
// (ticketId `#campaign`) and one entry per ticket; a ticket's entries across months by the by-ticket index.
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { LedgerEntry, ZeroingCampaign } from '../../schemas/zeroing.js';
import { queryAll } from './query-all.js';
import { stripUndefined } from './ticket-item.js';
import { decodeQueryCursor, encodeQueryCursor, refused } from './cursor.js';

const CAMPAIGN = '#campaign';
// The campaign's panel findings are string sets of ticket ids on its record, added to one at a time.
const FINDING_SETS = { 'beyond-policy': 'beyondPolicyTickets', unreasonable: 'unreasonableTickets' } as const;

type Item = Record<string, unknown>;

export interface EntryFilter {
  unitId?: string;
  districtId?: string;
  status?: LedgerEntry['status'];
}

export class LedgerRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The month's campaign, or undefined before it opened. */
  async campaign(month: string): Promise<ZeroingCampaign | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { month, ticketId: CAMPAIGN }, ConsistentRead: true }));
    return Item ? campaignOf(Item) : undefined;
  }

  /** Every campaign, latest month first. */
  async campaigns(): Promise<ZeroingCampaign[]> {
    const items = await this.queryAll({ IndexName: 'by-ticket', KeyConditionExpression: 'ticketId = :c', ExpressionAttributeValues: { ':c': CAMPAIGN }, ScanIndexForward: false });
    return items.map(campaignOf);
  }

  /** Opens the month's campaign once; false when it was already open (a retried trigger). */
  async openCampaign(campaign: ZeroingCampaign): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: { ...stripUndefined(recordOf(campaign)), ticketId: CAMPAIGN }, ConditionExpression: 'attribute_not_exists(ticketId)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Closes the campaign with its report, once; false when it was closed already. */
  async closeCampaign(month: string, at: string, report: Record<string, unknown>): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { month, ticketId: CAMPAIGN },
          UpdateExpression: 'SET #status = :closed, closedAt = :at, #report = :report',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#report': 'report' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':at': at, ':report': stripUndefined(report) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Counts a ticket a panel closed with a finding in the month: added to a string set on the campaign's record (a
   * replayed record counts once; nothing else of the record is touched, so a closing at the same moment stands).
   */
  async countPanelFinding(month: string, finding: 'beyond-policy' | 'unreasonable', ticketId: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { month, ticketId: CAMPAIGN },
        UpdateExpression: 'ADD #findings :ticket SET #status = if_not_exists(#status, :open), openedAt = if_not_exists(openedAt, :at)',
        ExpressionAttributeNames: { '#findings': FINDING_SETS[finding], '#status': 'status' },
        ExpressionAttributeValues: { ':ticket': new Set([ticketId]), ':open': 'open', ':at': at },
      }),
    );
  }

  /** Writes an entry unless the ticket already has one this month; false when it had. */
  async enter(entry: LedgerEntry): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: stripUndefined(entry), ConditionExpression: 'attribute_not_exists(ticketId)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * Writes one month's entries in batches, leaving any the month already has as they are; how many were new. What the
   * month has is read as one keys-only Query over the entries' ticket range, not a read per entry.
   */
  async enterAll(entries: LedgerEntry[]): Promise<number> {
    const month = entries[0]?.month;
    if (month === undefined) return 0;
    if (entries.some((e) => e.month !== month)) throw new Error('enterAll writes the entries of one month');
    const present = new Set((await this.inRange(month, entries.map((e) => e.ticketId))).map((item) => String(item.ticketId)));
    const fresh = entries.filter((e) => !present.has(e.ticketId));
    const batches: LedgerEntry[][] = [];
    for (let j = 0; j < fresh.length; j += 25) batches.push(fresh.slice(j, j + 25));
    // A few batches in flight: one at a time leaves DynamoDB waiting on each round trip.
    const inFlight = 4;
    await Promise.all(Array.from({ length: inFlight }, async (_, lane) => {
      for (let b = lane; b < batches.length; b += inFlight) await this.writeBatch(batches[b] ?? []);
    }));
    return fresh.length;
  }

  private async writeBatch(batch: LedgerEntry[]): Promise<void> {
    let pending: Item[] = batch.map((e) => ({ PutRequest: { Item: stripUndefined(e) } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 8) throw new Error(`DynamoDB left ${pending.length} ledger writes unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
      pending = (result.UnprocessedItems?.[this.table] ?? []) as Item[];
    }
  }

  /**
   * Marks the ticket's latest entry cleared (or explained) if open; false when it was not. A closed month's entries
   * stay as its report counted them; a clearing that lands while its entry is carried is settled by settleCarried.
   */
  async clear(ticketId: string, status: 'cleared' | 'explained', at: string, note?: string): Promise<boolean> {
    const [latest] = await this.queryAll({ IndexName: 'by-ticket', KeyConditionExpression: 'ticketId = :t', ExpressionAttributeValues: { ':t': ticketId }, ScanIndexForward: false, Limit: 1 }, 1);
    return latest ? this.clearIn(String(latest.month), ticketId, status, at, note) : false;
  }

  /**
   * After a page was carried: an entry of `from` that cleared meanwhile (its ticket's clearing may have landed on it
   * before the carried copy existed) is cleared in `month` as well.
   */
  async settleCarried(from: string, month: string, ticketIds: string[]): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const source = await this.inRange(from, ticketIds, true);
    const wanted = new Set(ticketIds);
    const settled = source.filter((e) => wanted.has(String(e.ticketId)));
    const done = await Promise.all(settled.map((e) => this.clearIn(month, String(e.ticketId), e.status as 'cleared' | 'explained', String(e.clearedAt), e.note as string | undefined)));
    return done.filter(Boolean).length;
  }

  /**
   * The month's entries whose ticket id falls between the least and greatest of `ticketIds` (one key-range Query, not
   * a read per id: a page of entries is a sorted run): their ids, or with `settled` only those no longer open, with
   * what a clearing copies.
   */
  private inRange(month: string, ticketIds: readonly string[], settled = false): Promise<Item[]> {
    const ids = [...ticketIds].sort();
    const key = { KeyConditionExpression: '#month = :m AND ticketId BETWEEN :first AND :last' };
    const range = { ':m': month, ':first': ids[0], ':last': ids.at(-1) };
    if (!settled) return this.queryAll({ ...key, ProjectionExpression: 'ticketId', ExpressionAttributeNames: { '#month': 'month' }, ExpressionAttributeValues: range });
    return this.queryAll({
      ...key,
      FilterExpression: '#status <> :open',
      ProjectionExpression: 'ticketId, #status, clearedAt, note',
      ExpressionAttributeNames: { '#month': 'month', '#status': 'status' },
      ExpressionAttributeValues: { ...range, ':open': 'open' },
    });
  }

  private async clearIn(month: string, ticketId: string, status: 'cleared' | 'explained', at: string, note?: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { month, ticketId },
          UpdateExpression: note ? 'SET #status = :s, clearedAt = :at, note = :note' : 'SET #status = :s, clearedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':s': status, ':at': at, ':open': 'open', ...(note ? { ':note': note } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** A page of the month's entries matching the filter, in ticket order; the cursor goes on with the same query. */
  async entries(month: string, filter: EntryFilter, page: { limit?: number; cursor?: string } = {}): Promise<{ items: LedgerEntry[]; cursor?: string }> {
    const fingerprint = JSON.stringify(['ledger', month, filter]);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':m': month, ':c': CAMPAIGN };
    const conditions: string[] = [];
    for (const [field, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      conditions.push(`#${field} = :${field}`);
    }
    const limit = Math.min(page.limit ?? 200, 1000);
    const items: LedgerEntry[] = [];
    let start = startKey(month, page.cursor, fingerprint);
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          // The campaign's record sorts first (`#` before any ticket id): the entries are the keys after it.
          KeyConditionExpression: '#month = :m AND ticketId > :c',
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
          ExpressionAttributeNames: { '#month': 'month', ...names },
          ExpressionAttributeValues: values,
          // A filter may keep few of what a Query reads: read a page's worth each time, not what is still missing.
          Limit: limit + 1,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(result.Items ?? []).map((item) => LedgerEntry.parse(item)));
      start = result.LastEvaluatedKey;
    } while (start && items.length <= limit);
    if (items.length <= limit && !start) return { items };
    const shown = items.slice(0, limit);
    const last = shown.at(-1);
    return { items: shown, ...(last ? { cursor: encodeQueryCursor({ month, ticketId: last.ticketId }, fingerprint) } : {}) };
  }

  /** Every entry of the month matching the filter (for reports and exports). */
  async allEntries(month: string, filter: EntryFilter = {}): Promise<LedgerEntry[]> {
    const all: LedgerEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.entries(month, filter, { limit: 1000, cursor });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return all;
  }

  private queryAll(input: Parameters<typeof queryAll>[2], max?: number) {
    return queryAll(this.db, this.table, input, max);
  }


}

function campaignOf(item: Item): ZeroingCampaign {
  const { ticketId: _marker, beyondPolicyTickets, unreasonableTickets, ...campaign } = item;
  const ids = (set: unknown) => (set instanceof Set ? [...(set as Set<string>)].sort() : []);
  return ZeroingCampaign.parse({ ...campaign, panelFindings: { 'beyond-policy': ids(beyondPolicyTickets), unreasonable: ids(unreasonableTickets) } });
}

/** The record as stored: the findings live in their sets, not in the record's body. */
function recordOf(campaign: ZeroingCampaign): Omit<ZeroingCampaign, 'panelFindings'> {
  const { panelFindings: _sets, ...record } = campaign;
  return record;
}

/**
 * Where a page of the month's entries starts: the cursor's key, if it was issued for this query and is a key of this
 * month's entries (a key of another shape or partition is DynamoDB's ValidationException, a 500, not the client's 400).
 */
function startKey(month: string, cursor: string | undefined, fingerprint: string): Record<string, unknown> | undefined {
  const key = decodeQueryCursor(cursor, fingerprint);
  if (!key) return undefined;
  const { month: keyMonth, ticketId, ...rest } = key;
  if (keyMonth !== month || typeof ticketId !== 'string' || ticketId <= CAMPAIGN || Object.keys(rest).length > 0) {
    throw refused({ en: 'is not a cursor of this query', zh: '不是本查询的翻页游标' });
  }
  return key;
}
