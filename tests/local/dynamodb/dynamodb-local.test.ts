import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, localDynamoDbClient, startDynamoDbLocal } from '../../../local/dynamodb/dynamodb-local.js';
import { freePort } from '../../support/free-port.js';

describe('DynamoDB Local', () => {
  let ddb: DynamoDbLocal;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal({ port: await freePort() });
  }, 120_000);
  afterAll(async () => ddb?.stop());

  it('stores and returns an item, refusing a conditional put on an existing key', async () => {
    const client = localDynamoDbClient(ddb.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'probe',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const put = (value: string) =>
      client.send(
        new PutItemCommand({
          TableName: 'probe',
          Item: { pk: { S: 'T-1' }, value: { S: value } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );

    await put('first');
    await expect(put('second')).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const got = await client.send(new GetItemCommand({ TableName: 'probe', Key: { pk: { S: 'T-1' } } }));
    expect(got.Item?.value?.S).toBe('first');
    client.destroy();
  });
});
