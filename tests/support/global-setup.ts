// Builds the web app and starts one in-memory DynamoDB Local for the whole test run; suites isolate themselves by table prefix.
import '../../local/quiet-sdk-warning.js';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local.js';
import { freePort } from '../../local/runtime/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // The browser tests drive the app as `npm start` serves it: built from this tree, not from an older build.
  await build({ configFile: 'web/vite.config.ts' });
  const ddb = await startDynamoDbLocal({ port: await freePort(), startTimeoutMs: 60_000 });
  project.provide('dynamodbEndpoint', ddb.endpoint);
  return () => ddb.stop();
}
