// The league table's aggregates in the UnitMetrics table: per (month, unit) one string set of ticket ids per counted
// figure, so adding a member twice (a replayed stream record) changes nothing. A unit's month is spread over
// SHARDS items (shards.ts: `unitId` = `<unit>#<shard>`, `unit` = the unit), each member always in the one its hash names:
// one item grew with every ticket of the month, so each update was billed by the whole month (72 write units an update
// at 1,400 tickets a unit a day, most of a ticket's DynamoDB bill) and a busy unit's month neared the 400 KB limit.
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type FactSet, factSets, type MetricFact } from '../../domain/metrics/metric-facts.js';
import { shardOf } from './shards.js';

export class UnitMetricsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Adds facts: one update per shard of a unit's month, each set growing by its members. */
  async add(facts: readonly MetricFact[]): Promise<void> {
    const byRow = new Map<string, { month: string; unitId: string; unit: string; sets: Map<FactSet, Set<string>> }>();
    for (const f of facts) {
      const unitId = `${f.unitId}#${shardOf(f.member)}`;
      const key = `${f.month}\u0000${unitId}`;
      const row = byRow.get(key) ?? { month: f.month, unitId, unit: f.unitId, sets: new Map() };
      row.sets.set(f.set, (row.sets.get(f.set) ?? new Set()).add(f.member));
      byRow.set(key, row);
    }
    await Promise.all(
      [...byRow.values()].map(({ month, unitId, unit, sets }) => {
        const names: Record<string, string> = { '#unit': 'unit' };
        const values: Record<string, Set<string> | string> = { ':unit': unit };
        const adds = [...sets.entries()].map(([set, members], i) => {
          names[`#s${i}`] = set;
          values[`:m${i}`] = members;
          return `#s${i} :m${i}`;
        });
        return this.db.send(
          new UpdateCommand({ TableName: this.table, Key: { month, unitId }, UpdateExpression: `SET #unit = :unit ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
        );
      }),
    );
  }

  /** Every unit's counts for the month (the size of each set, its shards summed). */
  async month(month: string): Promise<{ unitId: string; counts: Record<FactSet, number> }[]> {
    const rows = new Map<string, Record<FactSet, number>>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: '#month = :m', ExpressionAttributeNames: { '#month': 'month' }, ExpressionAttributeValues: { ':m': month }, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        // An item written before the sharding has no `unit`: its key is the unit.
        const unitId = String(item.unit ?? item.unitId);
        const counts = rows.get(unitId) ?? (Object.fromEntries(factSets.map((set) => [set, 0])) as Record<FactSet, number>);
        for (const set of factSets) if (item[set] instanceof Set) counts[set] += (item[set] as Set<string>).size;
        rows.set(unitId, counts);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return [...rows].map(([unitId, counts]) => ({ unitId, counts }));
  }
}
