// The board's counters on DynamoDB Local: a member moves between sets with its count, once; a replay is skipped.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardCountsRepository } from '../../../adapters/dynamodb/board-counts-repository.js';
import { SHARDS, shardOf } from '../../../adapters/dynamodb/shards.js';
import type { BoardChange } from '../../../domain/board/board-changes.js';
import { freshTables } from '../../support/dynamodb.js';

const level = (n: 1 | 2 | 3, districtId = 'd-haibin') => ({ kind: 'open', districtId, level: n }) as const;
const move = (id: string, from: 1 | 2, to: 2 | 3): BoardChange[] => [
  { counter: level(from), member: id, delta: -1 },
  { counter: level(to), member: id, delta: 1 },
];

describe('the board counters on DynamoDB', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let counts: BoardCountsRepository;

  beforeAll(async () => {
    db = await freshTables();
    counts = new BoardCountsRepository(db.doc, db.name('BoardCounts'));
  });
  afterAll(() => db.destroy());

  it('counts members across shards, moves one between gauges, and skips every change already applied', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `T-${i}`);
    await Promise.all(ids.map((id) => counts.apply([{ counter: level(1), member: id, delta: 1 }])));
    expect(new Set(ids.map(shardOf)).size).toBe(SHARDS);

    expect(await counts.apply(move('T-7', 1, 2))).toEqual({ applied: 2, skipped: 0 });
    expect(await counts.apply(move('T-7', 1, 2))).toEqual({ applied: 0, skipped: 2 });
    expect(await counts.apply([{ counter: level(1), member: 'T-8', delta: 1 }])).toEqual({ applied: 0, skipped: 1 });

    expect((await counts.gauges()).sort((a, b) => a.level - b.level)).toEqual([
      { districtId: 'd-haibin', level: 1, n: 39 },
      { districtId: 'd-haibin', level: 2, n: 1 },
    ]);
  });

  it("empties a gauge's set when its last member leaves, and counts it zero", async () => {
    await counts.apply(move('T-7', 2, 3));
    await counts.apply([{ counter: level(3), member: 'T-7', delta: -1 }]);

    const item = await db.doc.send(new GetCommand({ TableName: db.name('BoardCounts'), Key: { board: 'open', key: `d-haibin#3#${shardOf('T-7')}` } }));
    expect(item.Item).toMatchObject({ n: 0 });
    expect(item.Item?.ids).toBeUndefined();
    expect((await counts.gauges()).find((g) => g.level === 3)).toMatchObject({ n: 0 });
  });

  it('reads the day series of a range of Beijing days, shards summed, and lets each day item expire weeks later', async () => {
    const day = (date: string, member: string): BoardChange => ({ counter: { kind: 'day', date, districtId: 'd-nanhu', series: 'created' }, member, delta: 1 });
    await counts.apply([day('2026-11-12', 'A'), day('2026-11-13', 'B'), day('2026-11-13', 'C'), day('2026-11-26', 'D'), day('2026-11-27', 'E')]);

    expect((await counts.days('2026-11-13', '2026-11-26')).sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-11-13', districtId: 'd-nanhu', series: 'created', n: 2 },
      { date: '2026-11-26', districtId: 'd-nanhu', series: 'created', n: 1 },
    ]);
    const item = await db.doc.send(new GetCommand({ TableName: db.name('BoardCounts'), Key: { board: 'day', key: `2026-11-26#d-nanhu#created#${shardOf('D')}` } }));
    expect(new Date(Number(item.Item?.expiresAt) * 1000).toISOString()).toBe('2027-01-09T16:00:00.000Z');
  });
});
