// Open311 clients and their keys in the Directory table: the client under its id, and its key's hash pointing back to
// it, written and removed together, so a key is found by one read and a client id is never given twice.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { Open311Client } from '../../schemas/open311.js';
import { queryAll } from './query-all.js';

const CLIENT = 'open311-client';
const KEY = 'open311-key';

export class Open311ClientRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The client holding the key with this hash, if the key is current. */
  async byKeyHash(hash: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { kind: KEY, id: hash } }));
    return typeof Item?.clientId === 'string' ? Item.clientId : undefined;
  }

  /** Every client, by id. */
  async all(): Promise<Open311Client[]> {
    const items = await queryAll(this.db, this.table, { KeyConditionExpression: 'kind = :k', ExpressionAttributeValues: { ':k': CLIENT } });
    return items.map((item) => Open311Client.parse(item.value));
  }

  /** Adds a client with its key's hash; a 409 when the id is taken. */
  async create(client: Open311Client, keyHash: string): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: { kind: CLIENT, id: client.id, value: client, keyHash }, ConditionExpression: 'attribute_not_exists(id)' } },
            { Put: { TableName: this.table, Item: { kind: KEY, id: keyHash, clientId: client.id }, ConditionExpression: 'attribute_not_exists(id)' } },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      throw new ConflictError('open311-client.id-taken', { zh: `id：Open311 客户端“${client.id}”已存在`, en: `id: Open311 client "${client.id}" already exists` });
    }
  }

  /** Removes a client and its key: the key stops working at once. The tickets it submitted stay, under its id. */
  async remove(id: string): Promise<void> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { kind: CLIENT, id }, ConsistentRead: true }));
    if (!Item || typeof Item.keyHash !== 'string') throw new NotFoundError('open311-client', id);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.table, Key: { kind: CLIENT, id }, ConditionExpression: 'keyHash = :h', ExpressionAttributeValues: { ':h': Item.keyHash } } },
            { Delete: { TableName: this.table, Key: { kind: KEY, id: Item.keyHash } } },
          ],
        }),
      );
    } catch (error) {
      // Removed by another request in between: what was asked is done.
      if (!(error instanceof TransactionCanceledException)) throw error;
    }
  }
}
