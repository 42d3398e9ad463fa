// The league table's counters on DynamoDB Local: sets spread over shards, counted once however often a fact comes.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitMetricsRepository } from '../../../adapters/dynamodb/unit-metrics-repository.js';
import type { MetricFact } from '../../../domain/metrics/metric-facts.js';
import { freshTables } from '../../support/dynamodb.js';

describe('the UnitMetrics repository', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let metrics: UnitMetricsRepository;
  beforeAll(async () => {
    db = await freshTables();
    metrics = new UnitMetricsRepository(db.doc, db.name('UnitMetrics'));
  });
  afterAll(() => db.destroy());

  const facts = (month: string, unitId: string, set: MetricFact['set'], n: number): MetricFact[] =>
    Array.from({ length: n }, (_, i) => ({ month, unitId, set, member: `T20261123-${String(i).padStart(6, '0')}` }));

  it('counts each ticket once per figure, a replayed batch changing nothing, its month spread over several small items', async () => {
    const batch = [...facts('2026-11', 'dept-water', 'dispatched', 200), ...facts('2026-11', 'dept-water', 'resolved', 150), ...facts('2026-11', 's-nanhu-cuiliu', 'dispatched', 40)];
    await metrics.add(batch);
    await metrics.add(batch.slice(0, 120));

    const month = await metrics.month('2026-11');
    expect(month.find((r) => r.unitId === 'dept-water')?.counts).toMatchObject({ dispatched: 200, resolved: 150, satisfied: 0 });
    expect(month.find((r) => r.unitId === 's-nanhu-cuiliu')?.counts).toMatchObject({ dispatched: 40 });
    expect(month).toHaveLength(2);
    // No item holds the whole month: each update is billed by one shard.
    const items = (await db.doc.send(new QueryCommand({ TableName: db.name('UnitMetrics'), KeyConditionExpression: '#m = :m', ExpressionAttributeNames: { '#m': 'month' }, ExpressionAttributeValues: { ':m': '2026-11' } }))).Items ?? [];
    const water = items.filter((i) => i.unit === 'dept-water');
    expect(water.length).toBeGreaterThan(4);
    for (const item of water) expect((item.dispatched as Set<string>).size).toBeLessThan(100);
  });

  it('still counts a month written before the sharding, one item per unit', async () => {
    await db.doc.send(new PutCommand({ TableName: db.name('UnitMetrics'), Item: { month: '2026-10', unitId: 'dept-water', dispatched: new Set(['T1', 'T2', 'T3']) } }));
    await metrics.add(facts('2026-10', 'dept-water', 'dispatched', 5));

    expect((await metrics.month('2026-10')).find((r) => r.unitId === 'dept-water')?.counts.dispatched).toBe(8);
  });
});
