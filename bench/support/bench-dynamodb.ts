// What the DynamoDB benches share: DynamoDB Local started for the run (stopped on Ctrl-C too), and invariant checks.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local.js';

/** DynamoDB Local on `port` with a client for it; a signal stops it before the process exits. */
export async function benchDynamoDb(port: number): Promise<{ client: DynamoDBClient; stop: () => Promise<void> }> {
  const ddb = await startDynamoDbLocal({ port });
  const stopOnSignal = () => void ddb.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const client = localDynamoDbClient(ddb.endpoint);
  return {
    client,
    stop: async () => {
      client.destroy();
      await ddb.stop();
    },
  };
}

/** Invariant checks printed as they run; `finish` says how many did not hold and makes the bench exit non-zero then. */
export function invariants() {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  /** A bench that threw counts as a failed invariant. */
  const fail = (error: unknown) => {
    failures.push(String(error));
    console.error(error);
  };
  const finish = () => {
    if (failures.length === 0) return;
    console.error(`\n${failures.length} invariant(s) failed`);
    process.exitCode = 1;
  };
  return { check, fail, finish };
}
