// Starts one in-memory DynamoDB Local for the whole test run; suites isolate themselves by table prefix.
import '../../local/quiet-sdk-warning.js';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const ddb = await startDynamoDbLocal({ port: await freePort(), startTimeoutMs: 60_000 });
  project.provide('dynamodbEndpoint', ddb.endpoint);
  return () => ddb.stop();
}
