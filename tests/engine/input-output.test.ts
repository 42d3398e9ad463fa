// JSONPath input and output processing (InputPath, Parameters, ResultSelector, ResultPath, OutputPath) and the context object.
import { describe, expect, it } from 'vitest';
import { runMachine, testEngine } from './support/harness.js';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:echo';

describe('input and output processing order', () => {
  it('applies InputPath, then Parameters, then the task, then ResultSelector, ResultPath on the raw input, then OutputPath', async () => {
    const seen: unknown[] = [];
    const echo = (e: unknown) => {
      seen.push(e);
      return { status: 'ok', detail: { id: 7, noise: true } };
    };
    const t = testEngine({ handlers: { [FN]: echo } });
    const d = await runMachine(
      t,
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: FN,
            InputPath: '$.order',
            Parameters: { 'orderId.$': '$.id', source: 'web' },
            ResultSelector: { 'status.$': '$.status', 'id.$': '$.detail.id' },
            ResultPath: '$.result',
            OutputPath: '$.result',
            End: true,
          },
        },
      },
      { order: { id: 'O-1', lines: 3 }, customer: 'C-9' },
    );
    expect(seen).toEqual([{ orderId: 'O-1', source: 'web' }]);
    expect(d.outputJson).toEqual({ status: 'ok', id: 7 });
  });

  it('merges the result into the raw state input, not the InputPath selection', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.a', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, ResultPath: '$.out', End: true } } },
      { a: { n: 2 }, b: 'kept' },
    );
    expect(d.outputJson).toEqual({ a: { n: 2 }, b: 'kept', out: { doubled: 4 } });
  });

  it('resolves .$ fields in nested Parameters objects and keeps plain values literally', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { outer: { 'inner.$': '$.x', lit: '$.x' }, flag: true, n: null }, End: true } } },
      { x: [1, 2] },
    );
    expect(d.outputJson).toEqual({ outer: { inner: [1, 2], lit: '$.x' }, flag: true, n: null });
  });

  it('gives the state an empty object as input when InputPath is null', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: null, ResultPath: '$.r', End: true } } }, { a: 1 });
    expect(d.outputJson).toEqual({ a: 1, r: {} });
  });

  it('filters Wait and Succeed output with InputPath and OutputPath', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, InputPath: '$.a', Next: 'S' }, S: { Type: 'Succeed', InputPath: '$.b', OutputPath: '$.c' } } },
      { a: { b: { c: 'deep' } } },
    );
    expect(d.outputJson).toBe('deep');
  });
});

describe('ResultPath', () => {
  const pass = (resultPath: unknown) => ({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 'R', ResultPath: resultPath, End: true } } });

  it('replaces the whole input when absent or $', async () => {
    expect((await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', Result: 'R', End: true } } }, { a: 1 })).outputJson).toBe('R');
    expect((await runMachine(testEngine(), pass('$'), { a: 1 })).outputJson).toBe('R');
  });

  it('overwrites an existing node and creates missing ones', async () => {
    expect((await runMachine(testEngine(), pass('$.a'), { a: { old: true }, b: 2 })).outputJson).toEqual({ a: 'R', b: 2 });
    expect((await runMachine(testEngine(), pass('$.x.y.z'), { b: 2 })).outputJson).toEqual({ b: 2, x: { y: { z: 'R' } } });
  });

  it('fails with States.ResultPathMatchFailure when the input cannot hold the result', async () => {
    const d = await runMachine(testEngine(), pass('$.r'), 'just a string');
    expect(d.status).toBe('FAILED');
    expect(d.error).toBe('States.ResultPathMatchFailure');
  });
});

describe('ResultSelector', () => {
  it('reshapes a Parallel result with paths, intrinsics and the context object', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'Par',
        States: {
          Par: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', Result: 2, End: true } } },
            ],
            ResultSelector: { 'first.$': '$[0]', 'count.$': 'States.ArrayLength($)', 'state.$': '$$.State.Name' },
            ResultPath: '$.par',
            End: true,
          },
        },
      },
      { keep: true },
    );
    expect(d.outputJson).toEqual({ keep: true, par: { first: 1, count: 2, state: 'Par' } });
  });

  it('reshapes a Map result before ResultPath', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemsPath: '$.xs',
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } } },
            ResultSelector: { 'values.$': '$[*].v' },
            ResultPath: '$.m',
            End: true,
          },
        },
      },
      { xs: ['a', 'b'] },
    );
    expect(d.outputJson).toEqual({ xs: ['a', 'b'], m: { values: ['a', 'b'] } });
  });
});

describe('payload template failures', () => {
  it('fails with States.Runtime naming the field when a Parameters path selects nothing', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$.missing' }, End: true } } }, { a: 1 });
    expect(d.error).toBe('States.Runtime');
    expect(d.cause).toContain("The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{\"a\":1}'");
  });

  it('fails with States.Runtime when OutputPath selects nothing', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', OutputPath: '$.nope', End: true } } }, { a: 1 });
    expect(d.error).toBe('States.Runtime');
  });
});

describe('context object', () => {
  it('gives every field that reads it in one state the same context, whole or by parts', async () => {
    const d = await runMachine(
      testEngine({ start: '2024-03-01T08:00:00.000Z' }),
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Pass',
            Parameters: {
              'whole.$': '$$',
              'id.$': '$$.Execution.Id',
              'name.$': '$$.Execution.Name',
              'state.$': '$$.State.Name',
              'entered.$': '$$.State.EnteredTime',
              'machine.$': '$$.StateMachine.Name',
              'input.$': '$$.Execution.Input.key',
              'text.$': "States.Format('{} in {}', $$.State.Name, $$.StateMachine.Name)",
            },
            End: true,
          },
        },
      },
      { key: 'value' },
      'many-reads',
    );
    const out = d.outputJson as Record<string, unknown> & { whole: { Execution: { Id: string; Name: string }; State: { Name: string; EnteredTime: string } } };
    expect(out).toMatchObject({ id: out.whole.Execution.Id, name: out.whole.Execution.Name, state: 'P', entered: out.whole.State.EnteredTime, machine: 'many-reads', input: 'value', text: 'P in many-reads' });
    expect(out.whole.State).toEqual({ EnteredTime: '2024-03-01T08:00:00.000Z', Name: 'P', RetryCount: 0 });
  });

  it('holds the execution, state and state machine as AWS documents them', async () => {
    const t = testEngine({ start: '2024-03-01T08:00:00.000Z' });
    const d = await runMachine(
      t,
      {
        StartAt: 'W',
        States: {
          W: { Type: 'Wait', Seconds: 90, Next: 'P' },
          P: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true },
        },
      },
      { key: 'value' },
      'ticket-flow',
    );
    const ctx = (d.outputJson as { ctx: unknown }).ctx;
    expect(ctx).toEqual({
      Execution: {
        Id: d.executionArn,
        Input: { key: 'value' },
        Name: d.name,
        RoleArn: 'arn:aws:iam::123456789012:role/test',
        StartTime: '2024-03-01T08:00:00.000Z',
        RedriveCount: 0,
      },
      State: { EnteredTime: '2024-03-01T08:01:30.000Z', Name: 'P', RetryCount: 0 },
      StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:ticket-flow', Name: 'ticket-flow' },
    });
    expect(d.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:ticket-flow:${d.name}`);
  });

  it('keeps $$.Execution.Input as the execution input after states have replaced their data', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'A', States: { A: { Type: 'Pass', Result: { other: 1 }, Next: 'B' }, B: { Type: 'Pass', Parameters: { 'orig.$': '$$.Execution.Input.id', 'now.$': '$' }, End: true } } },
      { id: 'T-7' },
    );
    expect(d.outputJson).toEqual({ orig: 'T-7', now: { other: 1 } });
  });

  it('is readable from InputPath, OutputPath and ItemsPath', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', InputPath: '$$.Execution.Input.a', Next: 'B' },
          B: { Type: 'Pass', OutputPath: '$$.State.Name', Next: 'M' },
          M: { Type: 'Map', ItemsPath: '$$.Execution.Input.list', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
        },
      },
      { a: 1, list: [3, 4] },
    );
    expect(d.outputJson).toEqual([3, 4]);
  });

  it('has no Task node outside a task that waits for a token', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true } } });
    expect(Object.keys((d.outputJson as { ctx: object }).ctx).sort()).toEqual(['Execution', 'State', 'StateMachine']);
  });
});
