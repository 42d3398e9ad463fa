// Creates the manifest's tables in a DynamoDB endpoint (DynamoDB Local); the CDK does this in AWS.
import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  DescribeTimeToLiveCommand,
  type Projection,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { indexProjection, type TableSpec } from '../../infra/manifest-types.js';

/**
 * Creates each table that does not exist yet, with its indexes and stream. `ttl` turns DynamoDB's expiry on (or off) for
 * the tables that have one: DynamoDB Local deletes expired items by the wall clock, which is only right when the runtime
 * runs on it; on a virtual clock it would delete what the runtime's time has not expired yet (idempotency claims, a
 * day's board counts). The code never relies on the deletion: an expired item counts as absent, deleted or not.
 */
export async function createTables(
  client: DynamoDBClient,
  specs: readonly TableSpec[],
  physicalName: (logical: string) => string,
  options: { ttl?: boolean } = {},
) {
  for (const spec of specs) {
    const TableName = physicalName(spec.name);
    const keys = [spec.partitionKey, spec.sortKey, ...(spec.indexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey])];
    const attributes = new Map(keys.filter((k) => k !== undefined).map((k) => [k.name, k.type]));
    try {
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
          KeySchema: keySchema(spec.partitionKey.name, spec.sortKey?.name),
          GlobalSecondaryIndexes: spec.indexes?.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey.name, index.sortKey?.name),
            Projection: projection(indexProjection(index)),
          })),
          StreamSpecification: spec.stream ? { StreamEnabled: true, StreamViewType: spec.stream } : undefined,
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      continue;
    }
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName });
  }
  for (const spec of specs) if (spec.ttlAttribute) await setTimeToLive(client, physicalName(spec.name), spec.ttlAttribute, options.ttl ?? false);
}

/** Turns a table's TTL on or off, if it is not so already (a data folder may have been made with the other clock). */
async function setTimeToLive(client: DynamoDBClient, TableName: string, AttributeName: string, enabled: boolean) {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  if ((TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') === enabled) return;
  await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: enabled, AttributeName } }));
}

function keySchema(hash: string, range?: string) {
  return [
    { AttributeName: hash, KeyType: 'HASH' as const },
    ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : []),
  ];
}

function projection(p: ReturnType<typeof indexProjection>): Projection {
  return p.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: p.attributes } : { ProjectionType: p.type };
}
