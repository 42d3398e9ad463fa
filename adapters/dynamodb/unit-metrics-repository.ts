// The league table's aggregates in the UnitMetrics table: one item per (month, unit), one string set per counted
// figure; adding a member twice (a replayed stream record) changes nothing.
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type FactSet, factSets, type MetricFact } from '../../domain/metrics/metric-facts.js';

export class UnitMetricsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Adds facts: one update per unit's month, each set growing by its members. */
  async add(facts: readonly MetricFact[]): Promise<void> {
    const byRow = new Map<string, { month: string; unitId: string; sets: Map<FactSet, Set<string>> }>();
    for (const f of facts) {
      const key = `${f.month}\u0000${f.unitId}`;
      const row = byRow.get(key) ?? { month: f.month, unitId: f.unitId, sets: new Map() };
      row.sets.set(f.set, (row.sets.get(f.set) ?? new Set()).add(f.member));
      byRow.set(key, row);
    }
    await Promise.all(
      [...byRow.values()].map(({ month, unitId, sets }) => {
        const names: Record<string, string> = {};
        const values: Record<string, Set<string>> = {};
        const adds = [...sets.entries()].map(([set, members], i) => {
          names[`#s${i}`] = set;
          values[`:m${i}`] = members;
          return `#s${i} :m${i}`;
        });
        return this.db.send(
          new UpdateCommand({ TableName: this.table, Key: { month, unitId }, UpdateExpression: `ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
        );
      }),
    );
  }

  /** Every unit's counts for the month (the size of each set). */
  async month(month: string): Promise<{ unitId: string; counts: Record<FactSet, number> }[]> {
    const rows: { unitId: string; counts: Record<FactSet, number> }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: '#month = :m', ExpressionAttributeNames: { '#month': 'month' }, ExpressionAttributeValues: { ':m': month }, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const counts = Object.fromEntries(factSets.map((set) => [set, item[set] instanceof Set ? (item[set] as Set<string>).size : 0])) as Record<FactSet, number>;
        rows.push({ unitId: String(item.unitId), counts });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
