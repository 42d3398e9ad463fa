// What the local runtime used, in the units AWS bills: Lambda invocations and their duration, state transitions per
// execution, and DynamoDB request units as DynamoDB Local reports them. The simulator reads it to project the bill.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface LambdaUsage {
  invocations: number;
  /** Sum of each invocation's wall time here, rounded up to the millisecond as Lambda bills it. */
  billedMs: number;
}

export interface TableUsage {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

export interface UsageSnapshot {
  lambda: Record<string, LambdaUsage>;
  /** State transitions by state machine name, then by execution name. */
  transitions: Record<string, Record<string, number>>;
  dynamodb: Record<string, TableUsage>;
}

interface Capacity {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const NAME = 'caseworkUsageMeter';
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** Counts what the handlers and the engine use; one per runtime. */
export class UsageMeter {
  private readonly lambda = new Map<string, LambdaUsage>();
  private readonly transitions = new Map<string, Map<string, number>>();
  private readonly tables = new Map<string, TableUsage>();

  /** Records one Lambda invocation of `durationMs`. */
  invoked(functionName: string, durationMs: number): void {
    const usage = this.lambda.get(functionName) ?? { invocations: 0, billedMs: 0 };
    usage.invocations += 1;
    usage.billedMs += Math.max(1, Math.ceil(durationMs));
    this.lambda.set(functionName, usage);
  }

  /** Records one state entered by an execution of the machine named by the ARN's last part. */
  stateEntered(execution: { stateMachineArn: string; name: string }): void {
    const machine = execution.stateMachineArn.slice(execution.stateMachineArn.lastIndexOf(':') + 1);
    let byExecution = this.transitions.get(machine);
    if (!byExecution) this.transitions.set(machine, (byExecution = new Map()));
    byExecution.set(execution.name, (byExecution.get(execution.name) ?? 0) + 1);
  }

  /** Asks DynamoDB for the capacity each of the client's reads and writes consumed, and adds it up; returns the undo. */
  meter(client: DynamoDBClient): () => void {
    client.middlewareStack.remove(NAME);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const kind = READS.has(command) ? 'read' : WRITES.has(command) ? 'write' : undefined;
        if (!kind) return next(args);
        const input = args.input as { ReturnConsumedCapacity?: string };
        const asked = input.ReturnConsumedCapacity;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const output = await next(args);
        const consumed = (output.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        for (const c of [consumed ?? []].flat()) this.consumed(kind, c);
        // The caller did not ask for it: leave the answer as it would have been.
        if (asked === undefined) delete (output.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        return output;
      },
      { step: 'initialize', name: NAME },
    );
    return () => void client.middlewareStack.remove(NAME);
  }

  /** Everything counted so far. */
  snapshot(): UsageSnapshot {
    return {
      lambda: Object.fromEntries([...this.lambda].map(([name, u]) => [name, { ...u }])),
      transitions: Object.fromEntries([...this.transitions].map(([machine, byExecution]) => [machine, Object.fromEntries(byExecution)])),
      dynamodb: Object.fromEntries([...this.tables].map(([name, u]) => [name, { ...u }])),
    };
  }

  private consumed(kind: 'read' | 'write', capacity: Capacity): void {
    const name = capacity.TableName ?? '(unknown)';
    const usage = this.tables.get(name) ?? { requests: 0, readUnits: 0, writeUnits: 0 };
    usage.requests += 1;
    const units = capacity.CapacityUnits ?? (kind === 'read' ? capacity.ReadCapacityUnits : capacity.WriteCapacityUnits) ?? 0;
    if (kind === 'read') usage.readUnits += units;
    else usage.writeUnits += units;
    this.tables.set(name, usage);
  }
}
