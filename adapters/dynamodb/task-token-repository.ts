// Where workflows wait: the task token of each open wait, kept server-side only, keyed by what waits.
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WaitKey } from '../../schemas/workflows/task-token.js';

export class TaskTokenRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Records the token a workflow now waits on under `waitFor` (a later wait of the same thing replaces it), with the
   * ticket version the wait was decided on, if it waits on a ticket.
   */
  async put(waitFor: WaitKey, token: string, at: Date, seenVersion?: number): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { waitFor, token, since: at.toISOString(), ...(seenVersion === undefined ? {} : { seenVersion }) } }));
  }

  /** The current wait of `waitFor` with the ticket version it saw, if a workflow waits on it. */
  async wait(waitFor: WaitKey): Promise<{ token: string; seenVersion?: number } | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { waitFor }, ConsistentRead: true }));
    if (typeof Item?.token !== 'string') return undefined;
    return { token: Item.token, ...(typeof Item.seenVersion === 'number' ? { seenVersion: Item.seenVersion } : {}) };
  }

  /** The token of the current wait of `waitFor`, if a workflow waits on it. */
  async get(waitFor: WaitKey): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { waitFor }, ConsistentRead: true }));
    return typeof Item?.token === 'string' ? Item.token : undefined;
  }
}
