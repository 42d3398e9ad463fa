// Counted tries in fixed windows, in the Throttles table (DynamoDB's TTL removes an item once its window is over).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export class ThrottleRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Tries counted under `key` in the window that holds `now`. */
  async tries(key: string, now: Date): Promise<number> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { key }, ConsistentRead: true }));
    return Item && Number(Item.expiresAt) > now.getTime() / 1000 ? Number(Item.tries) : 0;
  }

  /** Counts one more try under `key` and answers the count in the current window (a window over starts afresh). */
  async count(key: string, windowSeconds: number, now: Date): Promise<number> {
    const seconds = Math.floor(now.getTime() / 1000);
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { key },
          UpdateExpression: 'ADD tries :one',
          ConditionExpression: 'expiresAt > :now',
          ExpressionAttributeValues: { ':one': 1, ':now': seconds },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.tries ?? 1);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // No window yet, or the last one is over (TTL deletes lazily): this try opens a new one.
      await this.db.send(new PutCommand({ TableName: this.table, Item: { key, tries: 1, expiresAt: seconds + windowSeconds } }));
      return 1;
    }
  }
}
