// The zeroing ledger (动态清零台账) in the Ledger table: one partition per month holding its campaign's record
// (ticketId `#campaign`) and one entry per ticket; a ticket's entries across months by the by-ticket index.
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { LedgerEntry, ZeroingCampaign } from '../../schemas/zeroing.js';
import { stripUndefined } from './ticket-item.js';
import { decodeQueryCursor, encodeQueryCursor } from './cursor.js';

const CAMPAIGN = '#campaign';

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
        new PutCommand({ TableName: this.table, Item: { ...stripUndefined(campaign), ticketId: CAMPAIGN }, ConditionExpression: 'attribute_not_exists(ticketId)' }),
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

  /** Counts a ticket a panel closed with a finding in the month (a set: a replayed record counts once). */
  async countPanelFinding(month: string, finding: 'beyond-policy' | 'unreasonable', ticketId: string): Promise<void> {
    const campaign = (await this.campaign(month)) ?? { month, status: 'open' as const, openedAt: new Date(0).toISOString(), panelFindings: { 'beyond-policy': [], unreasonable: [] } };
    const findings = campaign.panelFindings[finding];
    if (findings.includes(ticketId)) return;
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...stripUndefined({ ...campaign, panelFindings: { ...campaign.panelFindings, [finding]: [...findings, ticketId] } }), ticketId: CAMPAIGN } }),
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

  /** Writes entries in batches, leaving any the month already has as they are; how many were new. */
  async enterAll(entries: LedgerEntry[]): Promise<number> {
    let written = 0;
    for (let i = 0; i < entries.length; i += 100) {
      const page = entries.slice(i, i + 100);
      const present = new Set((await this.batchGet(page.map((e) => ({ month: e.month, ticketId: e.ticketId })))).map((item) => String(item.ticketId)));
      const fresh = page.filter((e) => !present.has(e.ticketId));
      for (let j = 0; j < fresh.length; j += 25) {
        let pending: Item[] = fresh.slice(j, j + 25).map((e) => ({ PutRequest: { Item: stripUndefined(e) } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
          const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
          pending = (result.UnprocessedItems?.[this.table] ?? []) as Item[];
        }
      }
      written += fresh.length;
    }
    return written;
  }

  /** Marks the ticket's latest open entry cleared (or explained); false when none was open. */
  async clear(ticketId: string, status: 'cleared' | 'explained', at: string, note?: string): Promise<boolean> {
    const [latest] = await this.queryAll({ IndexName: 'by-ticket', KeyConditionExpression: 'ticketId = :t', ExpressionAttributeValues: { ':t': ticketId }, ScanIndexForward: false, Limit: 1 }, 1);
    if (!latest) return false;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { month: latest.month, ticketId },
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
    let start = decodeQueryCursor(page.cursor, fingerprint);
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          // The campaign's record sorts first (`#` before any ticket id): the entries are the keys after it.
          KeyConditionExpression: '#month = :m AND ticketId > :c',
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
          ExpressionAttributeNames: { '#month': 'month', ...names },
          ExpressionAttributeValues: values,
          Limit: limit - items.length + 1,
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

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>, max = Infinity): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.table, ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && items.length < max);
    return items.slice(0, max);
  }

  private async batchGet(keys: Item[]): Promise<Item[]> {
    const found: Item[] = [];
    let pending = keys;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 6) throw new Error(`DynamoDB left ${pending.length} reads unprocessed`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending } } }));
      found.push(...(result.Responses?.[this.table] ?? []));
      pending = result.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
    return found;
  }
}

function campaignOf(item: Item): ZeroingCampaign {
  const { ticketId: _marker, ...campaign } = item;
  return ZeroingCampaign.parse(campaign);
}
