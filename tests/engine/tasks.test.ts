// Task state: Lambda integrations, Retry/Catch timing, timeouts, heartbeats, task tokens, child executions, DynamoDB.
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../local/stepfunctions/json.js';
import type { DynamoDbAction } from '../../local/stepfunctions/tasks/task-types.js';
import { createMachine, historyTypes, runMachine, runToEnd, testEngine } from './support/harness.js';

class TicketClosedError extends Error {
  override name = 'TicketClosedError';
}

const invoke = (extra: object = {}) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'fn', 'Payload.$': '$' }, End: true, ...extra } },
});

describe('Lambda tasks', () => {
  it('wraps a lambda:invoke result with Payload and StatusCode', async () => {
    const t = testEngine({ handlers: { fn: (event) => ({ got: event }) } });
    const d = await runMachine(t, invoke(), { a: 1 });
    const out = d.outputJson as JsonObject;
    expect(out.Payload).toEqual({ got: { a: 1 } });
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe('$LATEST');
  });

  it('passes the input straight to a plain function ARN and returns its result', async () => {
    const t = testEngine({ handlers: { 'arn:aws:lambda:us-east-1:123456789012:function:double': (e) => ((e as { n: number }).n * 2) } });
    const d = await runMachine(t, { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double', End: true } } }, { n: 21 });
    expect(d.outputJson).toBe(42);
  });

  it('names the task error after the thrown error and puts Lambda error JSON in the cause', async () => {
    const t = testEngine({ handlers: { fn: () => { throw new TicketClosedError('already closed'); } } });
    const d = await runMachine(t, invoke());
    expect(d.error).toBe('TicketClosedError');
    const cause = JSON.parse(d.cause ?? '{}') as { errorType: string; errorMessage: string; trace: string[] };
    expect(cause.errorType).toBe('TicketClosedError');
    expect(cause.errorMessage).toBe('already closed');
    expect(Array.isArray(cause.trace)).toBe(true);
  });

  it('rejects an unsupported resource when the machine is created', async () => {
    const t = testEngine();
    await expect(
      t.engine.createStateMachine({ name: 'bad', definition: JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } } }) }),
    ).rejects.toMatchObject({ code: 'InvalidDefinition', message: expect.stringContaining('Unsupported resource') });
  });
});

describe('Retry and Catch', () => {
  it('retries with exponential back-off on the virtual clock, then succeeds', async () => {
    let calls = 0;
    const times: string[] = [];
    const t = testEngine({
      handlers: {
        fn: () => {
          times.push(t.clock.now().toISOString());
          calls += 1;
          if (calls < 4) throw new Error('flaky');
          return 'ok';
        },
      },
    });
    const d = await runMachine(t, invoke({ Retry: [{ ErrorEquals: ['Error'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }] }));
    expect(d.status).toBe('SUCCEEDED');
    expect(times).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:02.000Z', '2024-01-01T00:00:08.000Z', '2024-01-01T00:00:26.000Z']);
  });

  it('caps back-off at MaxDelaySeconds and applies FULL jitter from the injected random source', async () => {
    const times: number[] = [];
    const t = testEngine({
      random: () => 0.25,
      handlers: {
        fn: () => {
          times.push(t.clock.now().getTime());
          throw new Error('down');
        },
      },
    });
    const d = await runMachine(t, invoke({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: 2, MaxDelaySeconds: 15, JitterStrategy: 'FULL' }] }));
    expect(d.error).toBe('Error');
    const gaps = times.slice(1).map((v, i) => v - (times[i] as number));
    expect(gaps).toEqual([2_500, 3_750]);
  });

  it('exposes the retry count in $$.State.RetryCount', async () => {
    const seen: Json[] = [];
    const t = testEngine({ handlers: { fn: (e) => { seen.push(e); if (seen.length < 3) throw new Error('x'); return null; } } });
    await runMachine(t, {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'fn', 'Payload.$': '$$.State.RetryCount' }, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1 }], End: true } },
    });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('catches an error after retries are spent and records it at the catcher ResultPath', async () => {
    const t = testEngine({ handlers: { fn: () => { throw new TicketClosedError('closed'); } } });
    const d = await runMachine(
      t,
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'fn' },
            Retry: [{ ErrorEquals: ['TicketClosedError'], MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
        },
      },
      { id: 1 },
    );
    expect(d.status).toBe('SUCCEEDED');
    expect((d.outputJson as { error: { Error: string } }).error.Error).toBe('TicketClosedError');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:01.000Z');
  });

  it('retries after 1, 2 and 4 seconds by default (IntervalSeconds 1, BackoffRate 2, MaxAttempts 3), then fails', async () => {
    const times: string[] = [];
    const t = testEngine({
      handlers: {
        fn: () => {
          times.push(t.clock.now().toISOString());
          throw new TicketClosedError('closed');
        },
      },
    });
    const d = await runMachine(t, invoke({ Retry: [{ ErrorEquals: ['TicketClosedError'] }] }));
    expect(d.error).toBe('TicketClosedError');
    expect(times).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:03.000Z', '2024-01-01T00:00:07.000Z']);
  });

  it('never retries with MaxAttempts 0, even when a later retrier would match', async () => {
    let calls = 0;
    const t = testEngine({ handlers: { fn: () => { calls += 1; throw new TicketClosedError('closed'); } } });
    const d = await runMachine(t, invoke({ Retry: [{ ErrorEquals: ['TicketClosedError'], MaxAttempts: 0 }, { ErrorEquals: ['States.ALL'] }] }));
    expect(d.error).toBe('TicketClosedError');
    expect(calls).toBe(1);
  });

  it('counts attempts per retrier: each matching error uses its own retrier interval and budget', async () => {
    const errors = ['ErrorA', 'ErrorC', 'ErrorA'];
    const times: number[] = [];
    const t = testEngine({
      handlers: {
        fn: () => {
          times.push(t.clock.now().getTime());
          const name = errors.shift();
          if (name === undefined) return 'done';
          throw Object.assign(new Error(name), { name });
        },
      },
    });
    const d = await runMachine(
      t,
      invoke({
        Retry: [
          { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
          { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
        ],
      }),
    );
    expect(d.status).toBe('SUCCEEDED');
    const gaps = times.slice(1).map((v, i) => v - (times[i] as number));
    expect(gaps).toEqual([1_000, 5_000, 2_000]);
  });

  it('goes to Catch once a retrier has used its MaxAttempts', async () => {
    let calls = 0;
    const t = testEngine({ handlers: { fn: () => { calls += 1; throw new TicketClosedError('closed'); } } });
    const d = await runMachine(t, {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'fn' },
          Retry: [{ ErrorEquals: ['TicketClosedError'], MaxAttempts: 2, IntervalSeconds: 1 }],
          Catch: [{ ErrorEquals: ['TicketClosedError'], Next: 'Z' }],
          End: true,
        },
        Z: { Type: 'Pass', Result: 'recovered', End: true },
      },
    });
    expect(calls).toBe(3);
    expect(d.outputJson).toBe('recovered');
  });

  it('scans catchers in order and, without ResultPath, replaces the input with the error output', async () => {
    const t = testEngine({ handlers: { fn: () => { throw new TicketClosedError('closed'); } } });
    const d = await runMachine(
      t,
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'fn' },
            Catch: [
              { ErrorEquals: ['SomethingElse'], Next: 'Wrong' },
              { ErrorEquals: ['TicketClosedError', 'Other'], Next: 'Right' },
              { ErrorEquals: ['States.ALL'], Next: 'Wrong' },
            ],
            End: true,
          },
          Wrong: { Type: 'Fail', Error: 'WrongCatcher' },
          Right: { Type: 'Pass', End: true },
        },
      },
      { ticket: 1 },
    );
    expect(d.status).toBe('SUCCEEDED');
    const out = d.outputJson as { Error: string; Cause: string };
    expect(Object.keys(out).sort()).toEqual(['Cause', 'Error']);
    expect(out.Error).toBe('TicketClosedError');
    expect(JSON.parse(out.Cause)).toMatchObject({ errorType: 'TicketClosedError', errorMessage: 'closed' });
  });

  it('does not match States.Timeout with the States.TaskFailed wildcard, but does with States.ALL', async () => {
    const never = () => new Promise<never>(() => undefined);
    const machine = (errorEquals: string[]) => invoke({ TimeoutSeconds: 5, Catch: [{ ErrorEquals: errorEquals, Next: 'C' }], End: undefined, Next: 'C' });
    const withC = (def: ReturnType<typeof invoke>) => ({ ...def, States: { ...def.States, C: { Type: 'Pass', Result: 'caught', End: true } } });
    const taskFailed = await runMachine(testEngine({ handlers: { fn: never } }), withC(machine(['States.TaskFailed'])));
    expect(taskFailed.error).toBe('States.Timeout');
    const all = await runMachine(testEngine({ handlers: { fn: never } }), withC(machine(['States.ALL'])));
    expect(all.outputJson).toBe('caught');
  });

  it('retries a timed-out task when a retrier names States.Timeout', async () => {
    let calls = 0;
    const slowOnce = () => {
      calls += 1;
      return calls === 1 ? new Promise<never>(() => undefined) : 'fast';
    };
    const d = await runMachine(testEngine({ handlers: { fn: slowOnce } }), invoke({ TimeoutSeconds: 10, Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3 }] }));
    expect((d.outputJson as { Payload: string }).Payload).toBe('fast');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:13.000Z');
  });

  it('never retries or catches States.Runtime', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.missing' }, Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true }, C: { Type: 'Succeed' } },
    });
    expect(d.error).toBe('States.Runtime');
  });
});

describe('timeouts and heartbeats', () => {
  const never = () => new Promise<never>(() => undefined);

  it('fails a task with States.Timeout after TimeoutSeconds', async () => {
    const t = testEngine({ handlers: { fn: never } });
    const d = await runMachine(t, invoke({ TimeoutSeconds: 30 }));
    expect(d.error).toBe('States.Timeout');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
  });

  it('reads the timeout from TimeoutSecondsPath', async () => {
    const t = testEngine({ handlers: { fn: never } });
    const d = await runMachine(t, invoke({ TimeoutSecondsPath: '$.limit' }), { limit: 5 });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:05.000Z');
  });

  it('reads the heartbeat interval from HeartbeatSecondsPath', async () => {
    const t = testEngine({ handlers: { fn: () => null } });
    const d = await runMachine(
      t,
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'fn', Payload: { 'token.$': '$$.Task.Token' } }, HeartbeatSecondsPath: '$.hb', End: true } },
      },
      { hb: 7 },
    );
    expect(d.error).toBe('States.HeartbeatTimeout');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:07.000Z');
  });

  it('fails with States.Runtime when TimeoutSecondsPath selects a value that is not a positive integer', async () => {
    const t = testEngine({ handlers: { fn: () => null } });
    const d = await runMachine(t, invoke({ TimeoutSecondsPath: '$.limit' }), { limit: 0 });
    expect(d.error).toBe('States.Runtime');
  });

  it('fails a token task with States.HeartbeatTimeout when heartbeats stop', async () => {
    const tokens: string[] = [];
    const t = testEngine({ handlers: { fn: (e) => { tokens.push((e as { token: string }).token); return null; } } });
    const arn = await createMachine(t.engine, {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'fn', Payload: { 'token.$': '$$.Task.Token' } }, HeartbeatSeconds: 10, End: true } },
    });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    await t.clock.advance(8_000);
    await t.engine.sendTaskHeartbeat({ taskToken: tokens[0] as string });
    await t.clock.advance(8_000);
    expect((await t.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await t.clock.advance(2_000);
    const d = await t.engine.describeExecution({ executionArn });
    expect(d.error).toBe('States.HeartbeatTimeout');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:18.000Z');
    await expect(t.engine.sendTaskSuccess({ taskToken: tokens[0] as string, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
  });
});

describe('task tokens', () => {
  const tokenMachine = {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'fn', Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
  };

  it('suspends until SendTaskSuccess and continues with its output', async () => {
    let token = '';
    const t = testEngine({ handlers: { fn: (e) => { token = (e as { token: string }).token; return null; } } });
    const arn = await createMachine(t.engine, tokenMachine);
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    await t.clock.advance(86_400_000);
    expect((await t.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await t.engine.sendTaskSuccess({ taskToken: token, output: JSON.stringify({ approved: true }) });
    const d = await runToEnd(t, executionArn);
    expect(JSON.parse(d.output ?? 'null')).toEqual({ approved: true });
    expect(await historyTypes(t.engine, executionArn)).toContain('TaskSubmitted');
  });

  it('fails the task with the error of SendTaskFailure', async () => {
    let token = '';
    const t = testEngine({ handlers: { fn: (e) => { token = (e as { token: string }).token; return null; } } });
    const arn = await createMachine(t.engine, tokenMachine);
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    await t.engine.idle();
    await t.engine.sendTaskFailure({ taskToken: token, error: 'Rejected', cause: 'no' });
    const d = await runToEnd(t, executionArn);
    expect([d.error, d.cause]).toEqual(['Rejected', 'no']);
  });

  it('rejects unknown and malformed tokens', async () => {
    const t = testEngine();
    await expect(t.engine.sendTaskSuccess({ taskToken: 'nope', output: '{}' })).rejects.toMatchObject({ code: 'InvalidToken' });
    await expect(t.engine.sendTaskSuccess({ taskToken: `AAAA${'x'.repeat(40)}`, output: '{}' })).rejects.toMatchObject({ code: 'TaskDoesNotExist' });
  });
});

describe('child executions', () => {
  it('runs a child with startExecution.sync:2 and returns its parsed output', async () => {
    const t = testEngine();
    const child = await createMachine(t.engine, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, Next: 'P' }, P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } }, 'child');
    const d = await runMachine(
      t,
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child, Input: { 'n.$': '$.n' } }, OutputPath: '$.Output', End: true } } },
      { n: 4 },
      'parent',
    );
    expect(d.outputJson).toEqual({ doubled: 8 });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:01:00.000Z');
  });

  it('fails the parent task with States.TaskFailed when the child fails', async () => {
    const t = testEngine();
    const child = await createMachine(t.engine, { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'ChildBroke' } } }, 'child');
    const d = await runMachine(t, { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: child }, End: true } } }, {}, 'parent');
    expect(d.error).toBe('States.TaskFailed');
    expect(JSON.parse(d.cause ?? '{}')).toMatchObject({ Status: 'FAILED', Error: 'ChildBroke' });
  });

  it('returns the child ARN at once without .sync', async () => {
    const t = testEngine();
    const child = await createMachine(t.engine, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }, 'child');
    const d = await runMachine(t, { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: child, Name: 'kid' }, End: true } } }, {}, 'parent');
    expect((d.outputJson as { ExecutionArn: string }).ExecutionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:child:kid');
  });
});

describe('DynamoDB integration', () => {
  function fakeTable() {
    const items = new Map<string, JsonObject>();
    const calls: DynamoDbAction[] = [];
    return {
      calls,
      factory: () => ({
        async call(action: DynamoDbAction, input: JsonObject): Promise<JsonObject> {
          calls.push(action);
          const key = JSON.stringify(input.Key ?? (input.Item as JsonObject | undefined)?.pk);
          if (action === 'putItem') {
            if (input.ConditionExpression && items.has(JSON.stringify((input.Item as JsonObject).pk))) {
              throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
            }
            items.set(JSON.stringify((input.Item as JsonObject).pk), input.Item as JsonObject);
            return {};
          }
          if (action === 'getItem') {
            const item = items.get(JSON.stringify((input.Key as JsonObject).pk));
            return item ? { Item: item } : {};
          }
          items.delete(key);
          return {};
        },
      }),
    };
  }

  it('puts then gets an item through the injected client', async () => {
    const table = fakeTable();
    const t = testEngine({ dynamodb: table.factory });
    const d = await runMachine(t, {
      StartAt: 'Put',
      States: {
        Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: { pk: { S: 'a' }, v: { N: '1' } } }, ResultPath: null, Next: 'Get' },
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 't', Key: { pk: { S: 'a' } } }, OutputPath: '$.Item', End: true },
      },
    });
    expect(d.outputJson).toEqual({ pk: { S: 'a' }, v: { N: '1' } });
    expect(table.calls).toEqual(['putItem', 'getItem']);
  });

  it('fails a DynamoDB task with States.TaskFailed when the engine has no DynamoDB client', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'G', States: { G: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 't', Key: { pk: { S: 'a' } } }, End: true } } });
    expect(d.error).toBe('States.TaskFailed');
  });

  it('names DynamoDB errors DynamoDB.<Exception>', async () => {
    const table = fakeTable();
    const t = testEngine({ dynamodb: table.factory });
    const put = { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: { pk: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(pk)' } };
    const d = await runMachine(t, { StartAt: 'A', States: { A: { ...put, Next: 'B' }, B: { ...put, End: true } } });
    expect(d.error).toBe('DynamoDB.ConditionalCheckFailedException');
  });
});

describe('idle', () => {
  it("waits for the engine's own DynamoDB call however long it takes, not a few event-loop turns", async () => {
    // A call that answers after real I/O time, as DynamoDB over the network does.
    const slow = () => ({ call: () => new Promise<JsonObject>((resolve) => setTimeout(() => resolve({}), 30)) });
    const t = testEngine({ dynamodb: slow });
    const arn = await createMachine(t.engine, {
      StartAt: 'Put',
      States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: { pk: { S: 'a' } } }, End: true } },
    });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });

    await t.engine.idle();

    expect((await t.engine.describeExecution({ executionArn })).status).toBe('SUCCEEDED');
  });
});
