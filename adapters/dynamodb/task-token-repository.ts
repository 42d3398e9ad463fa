// Where a ticket's lifecycle waits: the task token of its current wait, kept server-side only.
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

export class TaskTokenRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Records the token the lifecycle now waits on for this ticket (the latest wait wins). */
  async put(ticketId: string, token: string, at: Date): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ticketId, token, since: at.toISOString() } }));
  }

  /** The token of the ticket's current wait, if the lifecycle is waiting. */
  async get(ticketId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { ticketId }, ConsistentRead: true }));
    return typeof Item?.token === 'string' ? Item.token : undefined;
  }
}
