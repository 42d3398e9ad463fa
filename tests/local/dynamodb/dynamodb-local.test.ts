import { CreateTableCommand, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, localDynamoDbClient, startDynamoDbLocal } from '../../../local/dynamodb/dynamodb-local.js';
import { freePort } from '../../../local/runtime/free-port.js';
import { scratchDir } from '../../support/scratch-dir.js';

/** A table keyed by the string `pk`. */
const createKeyedTable = (client: DynamoDBClient, TableName: string) =>
  client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );

describe('DynamoDB Local', () => {
  let ddb: DynamoDbLocal;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal({ port: await freePort() });
  }, 120_000);
  afterAll(async () => ddb?.stop());

  it('stores and returns an item, refusing a conditional put on an existing key', async () => {
    const client = localDynamoDbClient(ddb.endpoint);
    await createKeyedTable(client, 'probe');
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

describe('DynamoDB Local left running by a runtime killed with SIGKILL', () => {
  it('is stopped by the next start on the same data, which then serves that data on the same port', async () => {
    const dir = scratchDir('casework-orphan-');
    const port = await freePort();
    // The first instance stands for the orphan: running, holding the port and the database file, its pid on disk.
    const orphan = await startDynamoDbLocal({ port, dataDir: dir });
    const pid = Number(readFileSync(join(dir, 'dynamodb-local.pid'), 'utf8'));
    const client = localDynamoDbClient(orphan.endpoint);
    try {
      await createKeyedTable(client, 'kept');
      await client.send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: 'T-1' } } }));
      const next = await startDynamoDbLocal({ port, dataDir: dir });
      expect(() => process.kill(pid, 0)).toThrow();
      const got = await client.send(new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'T-1' } } }));
      expect(got.Item?.pk?.S).toBe('T-1');
      await next.stop();
    } finally {
      client.destroy();
      await orphan.stop();
    }
  }, 120_000);
});

describe('where DynamoDB Local listens', () => {
  it('is loopback only: no listening socket on its port is bound to every interface', async () => {
    const port = await freePort();
    const ddb = await startDynamoDbLocal({ port });
    try {
      expect(ddb.loopbackOnly).toBe(true);
      const hex = port.toString(16).toUpperCase().padStart(4, '0');
      // /proc/net/tcp{,6}: "sl local_address rem_address st ...", addresses as hex, state 0A = LISTEN.
      const listening = ['/proc/net/tcp', '/proc/net/tcp6']
        .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
        .map((f) => String(f[1]).split(':')[0]);
      expect(listening.length).toBeGreaterThan(0);
      // 127.0.0.1 as IPv4, or as an IPv4-mapped IPv6 address; never 0.0.0.0 or ::.
      for (const address of listening) expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(address);
    } finally {
      await ddb.stop();
    }
  }, 120_000);
});
