// Creates the manifest's tables in a DynamoDB endpoint (DynamoDB Local); the CDK does this in AWS.
import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { TableSpec } from '../../infra/manifest-types.js';

/** Creates each table that does not exist yet, with its indexes, stream and TTL. */
export async function createTables(client: DynamoDBClient, specs: readonly TableSpec[], physicalName: (logical: string) => string) {
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
            Projection: index.project ? { ProjectionType: 'INCLUDE', NonKeyAttributes: index.project } : { ProjectionType: 'ALL' },
          })),
          StreamSpecification: spec.stream ? { StreamEnabled: true, StreamViewType: spec.stream } : undefined,
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      continue;
    }
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName });
    if (spec.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: spec.ttlAttribute } }),
      );
    }
  }
}

function keySchema(hash: string, range?: string) {
  return [
    { AttributeName: hash, KeyType: 'HASH' as const },
    ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : []),
  ];
}
