// The supervision board's counters in the BoardCounts table: per counter (and shard) one item holding a set of members
// and its size `n`, both changed in one conditional update only when the member is not (or is) there yet, so a replayed
// change does nothing; each counter's members spread over shards (shards.ts); the board reads the `counts` index, which
// holds only the keys and the `n`s of every shard.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type BoardChange, type BoardCounter, type DaySeries, daySeries } from '../../domain/board/board-changes.js';
import type { DayCount, GaugeCount } from '../../domain/board/read-board.js';
import type { EscalationLevel } from '../../schemas/common.js';
import { shardOf } from './shards.js';

// The board shows 14 days; a day's items go some weeks after that (TTL), as nothing reads them any more.
const DAY_ITEM_LIFE_S = 45 * 24 * 3600;

type Key = { board: 'open' | 'day'; key: string };

export class BoardCountsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Applies the changes of one ticket write, side by side; a change already applied (a replay) is skipped. */
  async apply(changes: readonly BoardChange[]): Promise<{ applied: number; skipped: number }> {
    const done = await Promise.all(changes.map((change) => this.applyOne(change)));
    return { applied: done.filter(Boolean).length, skipped: done.filter((d) => !d).length };
  }

  private async applyOne({ counter, member, delta }: BoardChange): Promise<boolean> {
    const day = counter.kind === 'day' ? { expiresAt: Math.floor(Date.parse(`${counter.date}T00:00:00+08:00`) / 1000) + DAY_ITEM_LIFE_S } : undefined;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keyOf(counter, member),
          UpdateExpression: [day ? 'SET expiresAt = if_not_exists(expiresAt, :expires)' : '', delta > 0 ? 'ADD ids :member, n :delta' : 'DELETE ids :member ADD n :delta'].join(' ').trim(),
          ConditionExpression: delta > 0 ? 'NOT contains(ids, :id)' : 'contains(ids, :id)',
          ExpressionAttributeValues: { ':member': new Set([member]), ':id': member, ':delta': delta, ...(day ? { ':expires': day.expiresAt } : {}) },
        }),
      );
      return true;
    } catch (error) {
      // The member is already in (or already out of) the set: this change was applied before.
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Every open-ticket gauge, its shards summed. */
  async gauges(): Promise<GaugeCount[]> {
    const sums = new Map<string, GaugeCount>();
    for (const { key, n } of await this.read('open')) {
      const [districtId = '', level] = key.split('#');
      const at = `${districtId}#${level}`;
      const gauge = sums.get(at) ?? { districtId, level: Number(level) as EscalationLevel, n: 0 };
      gauge.n += n;
      sums.set(at, gauge);
    }
    return [...sums.values()];
  }

  /** Every district's day series from `from` to `to` (Beijing dates, both included), shards summed. */
  async days(from: string, to: string): Promise<DayCount[]> {
    const sums = new Map<string, DayCount>();
    // Ids and series names never hold '~', which sorts after every character they do hold.
    for (const { key, n } of await this.read('day', [from, `${to}#~`])) {
      const [date = '', districtId = '', series = ''] = key.split('#');
      if (!daySeries.includes(series as DaySeries)) continue;
      const at = `${date}#${districtId}#${series}`;
      const count = sums.get(at) ?? { date, districtId, series: series as DaySeries, n: 0 };
      count.n += n;
      sums.set(at, count);
    }
    return [...sums.values()];
  }

  /** The key and count of every item of a partition (or of a key range of it), from the index: the sets are never read. */
  private async read(board: Key['board'], between?: [string, string]): Promise<{ key: string; n: number }[]> {
    const rows: { key: string; n: number }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'counts',
          KeyConditionExpression: between ? '#board = :board AND #key BETWEEN :from AND :to' : '#board = :board',
          ProjectionExpression: '#key, n',
          ExpressionAttributeNames: { '#board': 'board', '#key': 'key' },
          ExpressionAttributeValues: { ':board': board, ...(between ? { ':from': between[0], ':to': between[1] } : {}) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) rows.push({ key: String(item.key), n: Number(item.n ?? 0) });
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}

/** The item a member of a counter lives in: `open` / `<district>#<level>#<shard>`, or `day` / `<date>#<district>#<series>#<shard>`. */
function keyOf(counter: BoardCounter, member: string): Key {
  const shard = shardOf(member);
  return counter.kind === 'open'
    ? { board: 'open', key: `${counter.districtId}#${counter.level}#${shard}` }
    : { board: 'day', key: `${counter.date}#${counter.districtId}#${counter.series}#${shard}` };
}
