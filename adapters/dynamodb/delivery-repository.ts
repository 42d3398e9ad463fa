// Every notification attempt, recorded under its ticket; deliveries that never succeeded, listed for the supervision office.
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

export interface DeliveryAttempt {
  ticketId: string;
  deliveryId: string;
  attempt: number;
  channel: string;
  unitId: string;
  event: string;
  target: string;
  ok: boolean;
  status?: number;
  error?: string;
  at: string;
}

export class DeliveryRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Records one attempt (a retried attempt with the same number overwrites itself, never doubles). */
  async recordAttempt(a: DeliveryAttempt): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...a, key: `${a.deliveryId}#${String(a.attempt).padStart(3, '0')}` } }));
  }

  /** Marks a delivery as given up on; it then shows on the supervision office's undelivered list. */
  async flagUndelivered(ticketId: string, deliveryId: string, unitId: string, at: string, reason: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ticketId, key: `${deliveryId}#undelivered`, deliveryId, unitId, undelivered: 'undelivered', at, error: reason } }),
    );
  }

  /** Every attempt and flag of a ticket's notifications, in delivery order. */
  async forTicket(ticketId: string): Promise<Record<string, unknown>[]> {
    const { Items } = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'ticketId = :t', ExpressionAttributeValues: { ':t': ticketId } }),
    );
    return (Items ?? []).map(({ key: _key, undelivered: _u, ...rest }) => rest);
  }

  /** Deliveries given up on, newest first: what the supervision office follows up by phone. */
  async undelivered(limit = 100): Promise<Record<string, unknown>[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'undelivered',
        KeyConditionExpression: 'undelivered = :u',
        ExpressionAttributeValues: { ':u': 'undelivered' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items ?? [];
  }

  /** How many deliveries were given up on, of these units only when given: a COUNT Query of the index. */
  async countUndelivered(unitIds?: readonly string[]): Promise<number> {
    if (unitIds?.length === 0) return 0;
    // A FilterExpression's IN takes at most 100 values: more units are counted a hundred at a time (they are disjoint).
    const groups = unitIds === undefined ? [undefined] : Array.from({ length: Math.ceil(unitIds.length / 100) }, (_, i) => unitIds.slice(i * 100, (i + 1) * 100));
    const counts = await Promise.all(
      groups.map(async (units) => {
        const values: Record<string, unknown> = { ':u': 'undelivered', ...Object.fromEntries((units ?? []).map((id, i) => [`:unit${i}`, id])) };
        const filter = units ? { FilterExpression: `unitId IN (${units.map((_, i) => `:unit${i}`).join(', ')})` } : {};
        let count = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const page = await this.db.send(
            new QueryCommand({ TableName: this.table, IndexName: 'undelivered', KeyConditionExpression: 'undelivered = :u', ...filter, ExpressionAttributeValues: values, Select: 'COUNT', ExclusiveStartKey: start }),
          );
          count += page.Count ?? 0;
          start = page.LastEvaluatedKey;
        } while (start);
        return count;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }
}
