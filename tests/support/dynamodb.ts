// Per-suite DynamoDB: the run's shared DynamoDB Local, with this suite's own freshly created tables.
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createTables } from '../../adapters/dynamodb/create-tables.js';
import { localDynamoDbClient } from '../../local/dynamodb/dynamodb-local.js';
import { tables } from '../../infra/manifest.js';

/** Creates the manifest's tables under a fresh prefix and returns clients and physical names. */
export async function freshTables() {
  const endpoint = inject('dynamodbEndpoint');
  const client = localDynamoDbClient(endpoint);
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const name = (logical: string) => `${prefix}-${logical}`;
  await createTables(client, tables, name);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { endpoint, client, doc, name, destroy: () => client.destroy() };
}
