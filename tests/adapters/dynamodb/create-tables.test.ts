// DynamoDB Local expires items by the wall clock: on a virtual clock its TTL would delete idempotency claims and a day's
// board counts that the runtime's time has not expired yet (the crash test lost claims to it: retries applied twice).
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTables } from '../../../adapters/dynamodb/create-tables.js';
import { tables } from '../../../infra/manifest.js';
import { localDynamoDbClient } from '../../../local/dynamodb/dynamodb-local.js';

const client = localDynamoDbClient(inject('dynamodbEndpoint'));
afterAll(() => client.destroy());

const expiring = tables.filter((t) => t.ttlAttribute);
const ttlStatus = async (name: (logical: string) => string) =>
  Promise.all(expiring.map(async (t) => (await client.send(new DescribeTimeToLiveCommand({ TableName: name(t.name) }))).TimeToLiveDescription?.TimeToLiveStatus));

describe('createTables and expiry', () => {
  it('turns TTL on only when asked (a runtime on the wall clock), and off again for a data folder reused on a virtual one', async () => {
    const prefix = `ttl${randomUUID().slice(0, 8)}`;
    const name = (logical: string) => `${prefix}-${logical}`;
    expect(expiring.map((t) => t.name)).toEqual(expect.arrayContaining(['IdempotencyKeys', 'BoardCounts']));

    await createTables(client, tables, name);
    expect(await ttlStatus(name)).toEqual(expiring.map(() => 'DISABLED'));

    await createTables(client, tables, name, { ttl: true });
    expect(await ttlStatus(name)).toEqual(expiring.map(() => 'ENABLED'));

    await createTables(client, tables, name, { ttl: false });
    expect(await ttlStatus(name)).toEqual(expiring.map(() => 'DISABLED'));
  });
});
