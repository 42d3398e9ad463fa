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
}
