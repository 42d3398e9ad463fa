// Joint-review panels in the PanelSeats table: a panel's record, one seat per member holding the vote, and each
// member's count of open panels; every change a panel makes is one transaction, so nothing is half-written.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.js';
import { VoteRejectedError } from '../../domain/panel/panel-errors.js';
import { Panel, type Seat, Vote } from '../../schemas/panel.js';
import { queryAll } from './query-all.js';
import { stripUndefined } from './ticket-item.js';

// Sort keys of the items that are not a member's seat. `#panel` items also form the by-member index's partition of
// every panel, by deadline: the supervision office's listing.
const RECORD = '#panel';
const LOADS = '#load';

type Item = Record<string, unknown>;

export class PanelRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The panel with its votes, or undefined. */
  async get(panelId: string): Promise<Panel | undefined> {
    const items = await this.queryAll({ KeyConditionExpression: 'panelId = :p', ExpressionAttributeValues: { ':p': panelId }, ConsistentRead: true });
    const record = items.find((i) => i.memberId === RECORD);
    return record ? assemble(record, items) : undefined;
  }

  /** How many open panels each member sits on now (absent: none); one partition, so one Query for a whole pool. */
  async openPanels(): Promise<Map<string, number>> {
    const loads = await this.queryAll({ KeyConditionExpression: 'panelId = :p', ExpressionAttributeValues: { ':p': LOADS }, ConsistentRead: true });
    return new Map(loads.map((item) => [String(item.memberId), Number(item.open ?? 0)]));
  }

  /**
   * Writes a newly convened panel, its seats, and each member's load (refused, with a 409 `panel.member-busy`, if a
   * concurrent convening took a member to the limit first: compose again with fresh loads).
   */
  async create(panel: Panel, maxOpenPerMember: number): Promise<void> {
    const seats = panel.seats.map((seat) => ({ Put: { TableName: this.table, Item: seatItem(panel, seat) } }));
    const loads = panel.seats.map((seat) => ({
      Update: {
        TableName: this.table,
        Key: { panelId: LOADS, memberId: seat.memberId },
        UpdateExpression: 'ADD #open :one',
        ConditionExpression: 'attribute_not_exists(#open) OR #open < :max',
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':one': 1, ':max': maxOpenPerMember },
      },
    }));
    const record = { Put: { TableName: this.table, Item: recordItem(panel), ConditionExpression: 'attribute_not_exists(panelId)' } };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [record, ...seats, ...loads] }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new ConflictError('panel.exists', { zh: `会商 ${panel.id} 已召集`, en: `panel ${panel.id} was already convened` });
      throw new ConflictError('panel.member-busy', { zh: '有成员刚被召入其他会商，请重新组成', en: 'a member was just seated on other panels; compose again' });
    }
  }

  /** Records a vote once: a second vote by the member, or one after the panel closed, is refused with its rule. */
  async vote(panelId: string, vote: Vote): Promise<void> {
    // Another member's vote or the closing may touch the panel's record at the same moment: DynamoDB cancels one of
    // the transactions as a conflict, which is no answer about this vote, so it is tried again.
    for (let attempt = 1; ; attempt++) {
      const refused = await this.tryVote(panelId, vote);
      if (refused === undefined) return;
      if (refused !== 'TransactionConflict' || attempt === 5) throw voteRefusal(panelId, refused);
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }

  /** Undefined when the vote was written, else why it was not: which condition failed, or a conflict. */
  private async tryVote(panelId: string, vote: Vote): Promise<'closed' | 'seat' | 'TransactionConflict' | undefined> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: { panelId, memberId: RECORD },
                ConditionExpression: '#status = :voting',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':voting': 'voting' },
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: { panelId, memberId: vote.memberId },
                UpdateExpression: 'SET #vote = :vote',
                ConditionExpression: 'attribute_exists(memberId) AND attribute_not_exists(#vote)',
                ExpressionAttributeNames: { '#vote': 'vote' },
                ExpressionAttributeValues: { ':vote': stripUndefined(vote) },
              },
            },
          ],
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [record, seat] = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (record === 'ConditionalCheckFailed') return 'closed';
      if (seat === 'ConditionalCheckFailed') return 'seat';
      if (record === 'TransactionConflict' || seat === 'TransactionConflict') return 'TransactionConflict';
      throw error;
    }
  }

  /** Closes a panel with its result, once: the members' seats close and their loads drop. False if it was closed already. */
  async close(panel: Panel): Promise<boolean> {
    const closedAt = panel.closedAt ?? new Date().toISOString();
    const seats = panel.seats.map((seat) => ({
      Update: {
        TableName: this.table,
        Key: { panelId: panel.id, memberId: seat.memberId },
        UpdateExpression: 'SET #status = :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':closed': 'closed' },
      },
    }));
    const loads = panel.seats.map((seat) => ({
      Update: {
        TableName: this.table,
        Key: { panelId: LOADS, memberId: seat.memberId },
        UpdateExpression: 'ADD #open :minus',
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':minus': -1 },
      },
    }));
    const record = {
      Update: {
        TableName: this.table,
        Key: { panelId: panel.id, memberId: RECORD },
        UpdateExpression: 'SET #status = :closed, closedAt = :at, #result = :result',
        ConditionExpression: '#status = :voting',
        ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
        ExpressionAttributeValues: { ':closed': 'closed', ':voting': 'voting', ':at': closedAt, ':result': stripUndefined(panel.result) },
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [record, ...seats, ...loads] }));
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  /** A member's panels (records without the votes), latest deadline first, each with whether the member voted. */
  async ofMember(memberId: string, limit = 200): Promise<{ panel: Panel; voted: boolean }[]> {
    const seats = await this.queryAll(
      { IndexName: 'by-member', KeyConditionExpression: 'memberId = :m', ExpressionAttributeValues: { ':m': memberId }, ScanIndexForward: false },
      limit,
    );
    const records = new Map<string, Item>();
    for (let i = 0; i < seats.length; i += 100) {
      const keys = seats.slice(i, i + 100).map((seat) => ({ panelId: seat.panelId, memberId: RECORD }));
      for (const record of await this.batchGet(keys)) records.set(String(record.panelId), record);
    }
    return seats.flatMap((seat) => {
      const record = records.get(String(seat.panelId));
      return record ? [{ panel: assemble(record, []), voted: seat.vote !== undefined }] : [];
    });
  }

  /** Every panel (records without the votes) with a deadline in [from, to), latest first. */
  async between(from: string, to: string, limit = 1000): Promise<Panel[]> {
    const records = await this.queryAll(
      {
        IndexName: 'by-member',
        KeyConditionExpression: 'memberId = :m AND deadline BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':m': RECORD, ':from': from, ':to': to },
        ScanIndexForward: false,
      },
      limit,
    );
    return records.map((r) => assemble(r, []));
  }

  private queryAll(input: Parameters<typeof queryAll>[2], max?: number) {
    return queryAll(this.db, this.table, input, max);
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

function voteRefusal(panelId: string, why: 'closed' | 'seat' | 'TransactionConflict'): Error {
  if (why === 'closed') return new VoteRejectedError('vote.panel-closed', { zh: `会商 ${panelId} 已结束`, en: `panel ${panelId} has closed` });
  if (why === 'seat') return new VoteRejectedError('vote.already-cast', { zh: '您已投过票，每位成员只能投一次', en: 'you have already voted; each member votes once' });
  return new ConflictError('vote.busy', { zh: '会商正忙，请稍后重试', en: 'the panel is busy; try again in a moment' });
}

function recordItem(panel: Panel): Item {
  const { votes: _votes, ...record } = panel;
  return stripUndefined({ ...record, panelId: panel.id, memberId: RECORD });
}

function seatItem(panel: Panel, seat: Seat): Item {
  return { panelId: panel.id, memberId: seat.memberId, deadline: panel.deadline, status: panel.status };
}

function assemble(record: Item, items: Item[]): Panel {
  const votes: Record<string, Vote> = {};
  for (const item of items) if (item.memberId !== RECORD && item.vote) votes[String(item.memberId)] = Vote.parse(item.vote);
  const { panelId: _p, memberId: _m, ...panel } = record;
  return Panel.parse({ ...panel, votes });
}
