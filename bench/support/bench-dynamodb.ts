// What the DynamoDB benches share: DynamoDB Local started for the run (stopped on Ctrl-C too), and invariant checks.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local.js';

/** DynamoDB Local on `port` with a client for it; a signal stops it before the process exits. */
export async function benchDynamoDb(port: number): Promise<{ client: DynamoDBClient; stop: () => Promise<void> }> {
  const ddb = await startDynamoDbLocal({ port });
  const stopOnSignal = () => void ddb.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  return { client: localDynamoDbClient(ddb.endpoint), stop: () => ddb.stop() };
}

/** Invariant checks printed as they run; `failures` lists those that did not hold (the bench exits non-zero then). */
export function invariants() {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  return { failures, check };
}
