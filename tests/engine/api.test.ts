// The programmatic API: machines, executions, history, listing, stopping and AWS error codes.
import { describe, expect, it } from 'vitest';
import { createMachine, historyTypes, runToEnd, testEngine } from './support/harness.js';

const waitMachine = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, Next: 'P' }, P: { Type: 'Pass', End: true } } };

describe('state machines', () => {
  it('creates, describes, updates, lists and deletes a machine with AWS-shaped ARNs', async () => {
    const { engine } = testEngine();
    const arn = await createMachine(engine, waitMachine, 'ticket-lifecycle');
    expect(arn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:ticket-lifecycle');
    expect((await engine.describeStateMachine({ stateMachineArn: arn })).status).toBe('ACTIVE');
    await engine.updateStateMachine({ stateMachineArn: arn, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) });
    expect(JSON.parse((await engine.describeStateMachine({ stateMachineArn: arn })).definition)).toMatchObject({ StartAt: 'P' });
    expect((await engine.listStateMachines()).stateMachines.map((m) => m.name)).toEqual(['ticket-lifecycle']);
    await engine.deleteStateMachine({ stateMachineArn: arn });
    await expect(engine.describeStateMachine({ stateMachineArn: arn })).rejects.toMatchObject({ code: 'StateMachineDoesNotExist' });
  });

  it('describes the definition an execution runs, even after the machine was updated', async () => {
    const { engine } = testEngine();
    const arn = await createMachine(engine, waitMachine, 'ticket-lifecycle');
    const { executionArn } = await engine.startExecution({ stateMachineArn: arn, name: 'ticket-1' });
    await engine.updateStateMachine({ stateMachineArn: arn, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) });

    const described = await engine.describeStateMachineForExecution({ executionArn });

    expect(described).toMatchObject({ stateMachineArn: arn, name: 'ticket-lifecycle', roleArn: 'arn:aws:iam::123456789012:role/test' });
    expect(JSON.parse(described.definition)).toEqual(waitMachine);
    expect(described.updateDate).toBeInstanceOf(Date);
    await expect(engine.describeStateMachineForExecution({ executionArn: `${executionArn}-missing` })).rejects.toMatchObject({ code: 'ExecutionDoesNotExist' });
  });

  it('reports definition problems as InvalidDefinition and through validation diagnostics', async () => {
    const { engine } = testEngine();
    const bad = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } });
    await expect(engine.createStateMachine({ name: 'bad', definition: bad })).rejects.toMatchObject({ code: 'InvalidDefinition' });
    const result = await engine.validateStateMachineDefinition({ definition: bad });
    expect(result.result).toBe('FAIL');
    expect(result.diagnostics[0]).toMatchObject({ code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' });
  });

  it('rejects malformed ARNs with InvalidArn', async () => {
    const { engine } = testEngine();
    await expect(engine.describeStateMachine({ stateMachineArn: 'nope' })).rejects.toMatchObject({ code: 'InvalidArn' });
    await expect(engine.describeExecution({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:missing' })).rejects.toMatchObject({
      code: 'ExecutionDoesNotExist',
    });
  });
});

describe('executions', () => {
  it('is idempotent on name with the same input and refuses a different input', async () => {
    const { engine } = testEngine();
    const arn = await createMachine(engine, waitMachine);
    const first = await engine.startExecution({ stateMachineArn: arn, name: 'ticket-1', input: '{"a":1}' });
    const again = await engine.startExecution({ stateMachineArn: arn, name: 'ticket-1', input: '{"a":1}' });
    expect(again.executionArn).toBe(first.executionArn);
    await expect(engine.startExecution({ stateMachineArn: arn, name: 'ticket-1', input: '{"a":2}' })).rejects.toMatchObject({ code: 'ExecutionAlreadyExists' });
    await expect(engine.startExecution({ stateMachineArn: arn, input: 'not json' })).rejects.toMatchObject({ code: 'InvalidExecutionInput' });
  });

  it('lists executions by status with pagination', async () => {
    const t = testEngine();
    const arn = await createMachine(t.engine, waitMachine);
    for (const name of ['a', 'b', 'c']) await t.engine.startExecution({ stateMachineArn: arn, name });
    await t.engine.stopExecution({ executionArn: `${arn.replace(':stateMachine:', ':execution:')}:b` });
    const running = await t.engine.listExecutions({ stateMachineArn: arn, statusFilter: 'RUNNING', maxResults: 1 });
    expect(running.executions).toHaveLength(1);
    const rest = await t.engine.listExecutions({ stateMachineArn: arn, statusFilter: 'RUNNING', nextToken: running.nextToken });
    expect([...running.executions, ...rest.executions].map((e) => e.name).sort()).toEqual(['a', 'c']);
    expect((await t.engine.listExecutions({ stateMachineArn: arn, statusFilter: 'ABORTED' })).executions.map((e) => e.name)).toEqual(['b']);
  });

  it('stops a waiting execution and records ExecutionAborted', async () => {
    const t = testEngine();
    const arn = await createMachine(t.engine, waitMachine);
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    await t.engine.idle();
    await t.engine.stopExecution({ executionArn, error: 'Cancelled', cause: 'citizen withdrew' });
    const d = await t.engine.describeExecution({ executionArn });
    expect([d.status, d.error, d.cause]).toEqual(['ABORTED', 'Cancelled', 'citizen withdrew']);
    expect(t.clock && (await t.clock.advanceToNextTimer())).toBe(false);
    expect((await historyTypes(t.engine, executionArn)).at(-1)).toBe('ExecutionAborted');
  });

  it('times out an execution after the machine TimeoutSeconds', async () => {
    const t = testEngine();
    const arn = await createMachine(t.engine, { ...waitMachine, TimeoutSeconds: 30 });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    const d = await runToEnd(t, executionArn);
    expect(d.status).toBe('TIMED_OUT');
    expect(d.error).toBe('States.Timeout');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
    expect((await historyTypes(t.engine, executionArn)).at(-1)).toBe('ExecutionTimedOut');
  });
});

describe('history', () => {
  it('names events as Step Functions does, with ids and previous ids', async () => {
    const t = testEngine({ handlers: { fn: () => 'ok' } });
    const arn = await createMachine(t.engine, {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 1, Next: 'T' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'fn' }, Next: 'M' },
        M: { Type: 'Map', ItemsPath: '$.Payload', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ResultPath: null, End: true },
      },
    });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn, input: '{}' });
    await runToEnd(t, executionArn);
    expect(await historyTypes(t.engine, executionArn)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'MapStateEntered',
      'ExecutionFailed',
    ]);
    const { events } = await t.engine.getExecutionHistory({ executionArn, reverseOrder: true, maxResults: 2 });
    expect(events.map((e) => e.id)).toEqual([10, 9]);
    expect(events[1]?.previousEventId).toBe(8);
    expect(events[1]?.timestamp.toISOString()).toBe('2024-01-01T00:00:01.000Z');
  });

  it('records Map iterations and Parallel lifecycles', async () => {
    const t = testEngine();
    const arn = await createMachine(t.engine, {
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, Next: 'Par' },
        Par: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } } }], End: true },
      },
    });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn, input: '[1]' });
    await runToEnd(t, executionArn);
    expect(await historyTypes(t.engine, executionArn)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapIterationStarted',
      'PassStateEntered',
      'PassStateExited',
      'MapIterationSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
