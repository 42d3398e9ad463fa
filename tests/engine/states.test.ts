// Behaviour of each state type and its input/output fields, run on the virtual clock.
import { describe, expect, it } from 'vitest';
import { runMachine, testEngine } from './support/harness.js';

describe('Pass', () => {
  it('places Result at ResultPath and filters with OutputPath', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'P',
      States: { P: { Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r', OutputPath: '$.r', End: true } },
    });
    expect(d.outputJson).toEqual({ x: 1 });
  });

  it('builds Parameters from the input after InputPath, with the context object', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.a', Parameters: { 'v.$': '$.b', 'state.$': '$$.State.Name', k: 'lit' }, End: true } } },
      { a: { b: 7 } },
    );
    expect(d.outputJson).toEqual({ v: 7, state: 'P', k: 'lit' });
  });

  it('keeps the input unchanged with ResultPath null and empties it with OutputPath null', async () => {
    const keep = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, ResultPath: null, End: true } } }, { a: 1 });
    expect(keep.outputJson).toEqual({ a: 1 });
    const empty = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', OutputPath: null, End: true } } }, { a: 1 });
    expect(empty.outputJson).toEqual({});
  });

  it('fails with States.Runtime when InputPath matches nothing', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.missing', End: true } } });
    expect(d.status).toBe('FAILED');
    expect(d.error).toBe('States.Runtime');
    expect(d.cause).toBe(
      "An error occurred while executing the state 'P' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']",
    );
  });

  it('supports JSONPath filters, slices and recursive descent in Parameters', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Pass',
            Parameters: { 'cheap.$': '$.items[?(@.price < 10)].name', 'firstTwo.$': '$.items[0:2].price', 'all.$': '$..name', 'n.$': '$.items.length()' },
            End: true,
          },
        },
      },
      { items: [{ name: 'a', price: 5 }, { name: 'b', price: 20 }, { name: 'c', price: 1 }] },
    );
    expect(d.outputJson).toEqual({ cheap: ['a', 'c'], firstTwo: [5, 20], all: ['a', 'b', 'c'], n: 3 });
  });
});

describe('Choice', () => {
  const machine = (rule: object) => ({
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
      Yes: { Type: 'Pass', Result: 'yes', End: true },
      No: { Type: 'Pass', Result: 'no', End: true },
    },
  });
  const decide = async (rule: object, input: unknown) => (await runMachine(testEngine(), machine(rule), input)).outputJson;

  it('matches StringMatches wildcards with escapes', async () => {
    expect(await decide({ Variable: '$.s', StringMatches: 'log-*.txt' }, { s: 'log-2024.txt' })).toBe('yes');
    expect(await decide({ Variable: '$.s', StringMatches: 'a\\*b' }, { s: 'a*b' })).toBe('yes');
    expect(await decide({ Variable: '$.s', StringMatches: 'a\\*b' }, { s: 'axb' })).toBe('no');
  });

  it('combines rules with And, Or and Not', async () => {
    const rule = { And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Not: { Variable: '$.n', NumericEquals: 5 } }, { Or: [{ Variable: '$.t', BooleanEquals: true }, { Variable: '$.n', NumericLessThan: 3 }] }] };
    expect(await decide(rule, { n: 2, t: false })).toBe('yes');
    expect(await decide(rule, { n: 5, t: true })).toBe('no');
  });

  it('compares timestamps and tests types', async () => {
    expect(await decide({ Variable: '$.t', TimestampLessThanPath: '$.u' }, { t: '2024-01-01T00:00:00Z', u: '2024-01-01T01:00:00+00:30' })).toBe('yes');
    expect(await decide({ Variable: '$.t', IsTimestamp: true }, { t: '2024-13-01T00:00:00Z' })).toBe('no');
    expect(await decide({ Variable: '$.x', IsPresent: false }, {})).toBe('yes');
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', NumericEquals: 1, Next: 'E' }] }, E: { Type: 'Succeed' } } }, { a: 2 });
    expect(d.error).toBe('States.NoChoiceMatched');
  });

  it('fails with States.Runtime when a compared variable is missing', async () => {
    const d = await runMachine(testEngine(), machine({ Variable: '$.missing', StringEquals: 'x' }), {});
    expect(d.error).toBe('States.Runtime');
  });

  it('evaluates JSONata Conditions', async () => {
    const d = await runMachine(
      testEngine(),
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 3 %}', Next: 'Big', Output: { size: 'big' } }], Default: 'Small' },
          Big: { Type: 'Succeed' },
          Small: { Type: 'Succeed' },
        },
      },
      { n: 4 },
    );
    expect(d.outputJson).toEqual({ size: 'big' });
  });
});

describe('Wait', () => {
  it('waits Seconds on the virtual clock before continuing', async () => {
    const t = testEngine();
    const d = await runMachine(t, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }, { a: 1 });
    expect(d.status).toBe('SUCCEEDED');
    expect(d.outputJson).toEqual({ a: 1 });
    expect(d.stopDate?.getTime()).toBe(new Date('2024-01-01T01:00:00.000Z').getTime());
  });

  it('waits until a TimestampPath and until SecondsPath', async () => {
    const t = testEngine();
    const d = await runMachine(
      t,
      { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.at', Next: 'S' }, S: { Type: 'Wait', SecondsPath: '$.s', End: true } } },
      { at: '2024-01-02T00:00:00Z', s: 60 },
    );
    expect(d.stopDate?.toISOString()).toBe('2024-01-02T00:01:00.000Z');
  });

  it('waits until a literal Timestamp, read as a date and not as a JSONPath', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2024-01-03T08:30:00Z', End: true } } }, { a: 1 });
    expect(d.status).toBe('SUCCEEDED');
    expect(d.outputJson).toEqual({ a: 1 });
    expect(d.stopDate?.toISOString()).toBe('2024-01-03T08:30:00.000Z');
  });

  it('accepts a literal Timestamp with fractional seconds and, as AWS documents, truncates the milliseconds', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2024-01-03T08:30:00.750Z', End: true } } });
    expect(d.status).toBe('SUCCEEDED');
    expect(d.stopDate?.toISOString()).toBe('2024-01-03T08:30:00.000Z');
    const viaPath = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.at', End: true } } }, { at: '2024-01-01T00:00:05.999Z' });
    expect(viaPath.stopDate?.toISOString()).toBe('2024-01-01T00:00:05.000Z');
  });

  it('reads a Timestamp with a numeric offset as the instant it names', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2024-01-01T10:00:00+08:00', End: true } } });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T02:00:00.000Z');
  });

  it('continues at once when the Timestamp has already passed', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', End: true } } });
    expect(d.status).toBe('SUCCEEDED');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('stays RUNNING until the clock passes the wait', async () => {
    const t = testEngine();
    const arn = (await t.engine.createStateMachine({ name: 'w', definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } }) })).stateMachineArn;
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn });
    await t.clock.advance(9_000);
    expect((await t.engine.describeExecution({ executionArn })).status).toBe('RUNNING');
    await t.clock.advance(1_000);
    expect((await t.engine.describeExecution({ executionArn })).status).toBe('SUCCEEDED');
  });

  it('rejects a negative SecondsPath', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } }, { s: -1 });
    expect(d.error).toBe('States.Runtime');
    expect(d.cause).toContain('The SecondsPath parameter references a negative value: $.s == -1');
  });

  // AWS: "You must specify time as an integer value from 0 to 99999999."
  it('waits at most 99999999 seconds: a literal beyond is an invalid definition, a SecondsPath beyond a runtime error', async () => {
    const t = testEngine();
    const tooLong = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100_000_000, End: true } } };
    await expect(t.engine.createStateMachine({ name: 'too-long', definition: JSON.stringify(tooLong) })).rejects.toMatchObject({ code: 'InvalidDefinition' });
    const fraction = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1.5, End: true } } };
    await expect(t.engine.createStateMachine({ name: 'fraction', definition: JSON.stringify(fraction) })).rejects.toMatchObject({ code: 'InvalidDefinition' });
    const longest = await t.engine.createStateMachine({ name: 'longest', definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 99_999_999, End: true } } }) });
    expect(longest.stateMachineArn).toContain(':longest');

    const d = await runMachine(testEngine(), { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } }, { s: 100_000_000 });
    expect(d.error).toBe('States.Runtime');
    expect(d.cause).toContain('$.s == 100000000');
  });
});

describe('Succeed and Fail', () => {
  it('ends with Succeed applying OutputPath', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'S', States: { S: { Type: 'Succeed', OutputPath: '$.a' } } }, { a: 5 });
    expect(d.outputJson).toBe(5);
  });

  it('fails with a literal Error and Cause', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', Cause: 'because' } } });
    expect([d.status, d.error, d.cause]).toEqual(['FAILED', 'Oops', 'because']);
  });

  it('reads the error from ErrorPath and builds the cause with an intrinsic in CausePath', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('ticket {} was closed by {}', $.id, $$.State.Name)" } } },
      { code: 'TicketClosed', id: 'T-42' },
    );
    expect([d.status, d.error, d.cause]).toEqual(['FAILED', 'TicketClosed', 'ticket T-42 was closed by F']);
  });

  it('fails with States.Runtime when ErrorPath does not select a string', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.code' } } }, { code: 42 });
    expect(d.error).toBe('States.Runtime');
  });

  it('fails with States.Runtime naming the field when ErrorPath or CausePath selects nothing', async () => {
    const error = await runMachine(testEngine(), { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.missing', Cause: 'c' } } }, {});
    expect([error.error, error.cause?.includes('The ErrorPath parameter')]).toEqual(['States.Runtime', true]);
    const cause = await runMachine(testEngine(), { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', CausePath: '$.missing' } } }, {});
    expect([cause.error, cause.cause?.includes('The CausePath parameter')]).toEqual(['States.Runtime', true]);
  });

  it('ends a branch with Fail so the Parallel state fails with its error and cause', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: 'C' } } }], End: true } },
    });
    expect([d.error, d.cause]).toEqual(['E', 'C']);
  });
});

describe('Parallel', () => {
  it('runs every branch on the same input and collects outputs in order', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, Next: 'A' }, A: { Type: 'Pass', Parameters: { 'a.$': '$.x' }, End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
            ],
            ResultPath: '$.out',
            End: true,
          },
        },
      },
      { x: 1 },
    );
    expect(d.outputJson).toEqual({ x: 1, out: [{ a: 1 }, 'b'] });
  });

  it('gives every branch the Parameters built from its input', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Parameters: { 'id.$': '$.ticket.id' },
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', Parameters: { 'again.$': '$.id' }, End: true } } },
            ],
            End: true,
          },
        },
      },
      { ticket: { id: 'T-1' } },
    );
    expect(d.outputJson).toEqual([{ id: 'T-1' }, { again: 'T-1' }]);
  });

  it('retries the whole Parallel state when a branch fails and Retry matches', async () => {
    let calls = 0;
    const flaky = () => {
      calls += 1;
      if (calls === 1) throw new Error('first call fails');
      return calls;
    };
    const t = testEngine({ handlers: { 'arn:aws:lambda:us-east-1:123456789012:function:flaky': flaky } });
    const d = await runMachine(t, {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          ],
          Retry: [{ ErrorEquals: ['Error'], IntervalSeconds: 4 }],
          End: true,
        },
      },
    });
    expect(d.outputJson).toEqual([2, 'b']);
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:04.000Z');
  });

  it('fails with the error of a failing branch, which Catch can handle', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'BranchBroke', Cause: 'c' } } },
          ],
          Catch: [{ ErrorEquals: ['BranchBroke'], ResultPath: '$.err', Next: 'Done' }],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      },
    });
    expect(d.outputJson).toEqual({ err: { Error: 'BranchBroke', Cause: 'c' } });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('Map', () => {
  const itemProcessor = { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, Next: 'P' }, P: { Type: 'Pass', End: true } } };

  it('builds item inputs with ItemSelector and the Map.Item context', async () => {
    const d = await runMachine(
      testEngine(),
      { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value', 'k.$': '$.k' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } },
      { xs: ['a', 'b'], k: 1 },
    );
    expect(d.outputJson).toEqual([{ i: 0, v: 'a', k: 1 }, { i: 1, v: 'b', k: 1 }]);
  });

  it('limits running iterations to MaxConcurrency', async () => {
    const t = testEngine();
    const one = await runMachine(t, { StartAt: 'M', States: { M: { Type: 'Map', MaxConcurrency: 1, ItemProcessor: itemProcessor, End: true } } }, [1, 2, 3]);
    expect(one.stopDate?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
    const t2 = testEngine();
    const all = await runMachine(t2, { StartAt: 'M', States: { M: { Type: 'Map', MaxConcurrency: 0, ItemProcessor: itemProcessor, End: true } } }, [1, 2, 3]);
    expect(all.stopDate?.toISOString()).toBe('2024-01-01T00:00:10.000Z');
    expect(all.outputJson).toEqual([1, 2, 3]);
  });

  it('tolerates failures up to ToleratedFailureCount', async () => {
    const processor = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'P' },
        F: { Type: 'Fail', Error: 'Two' },
        P: { Type: 'Pass', End: true },
      },
    };
    const ok = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ToleratedFailureCount: 1, ItemProcessor: processor, End: true } } }, [1, 2, 3]);
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.outputJson).toEqual([1, { Error: 'Two' }, 3]);
    const over = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ToleratedFailureCount: 0, ItemProcessor: processor, End: true } } }, [1, 2, 3]);
    expect(over.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  // AWS: the *Path fields of Map name "a reference path" to a number; what they find must be one.
  it('fails with States.Runtime naming the field when a Map *Path finds nothing or no number, and reads a variable', async () => {
    const map = (field: string, path: string) => ({ StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', [field]: path, ItemProcessor: distributed, End: true } } });
    for (const field of ['MaxConcurrencyPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath']) {
      const missing = await runMachine(testEngine(), map(field, '$.nope'), { xs: [1] });
      expect([missing.error, missing.cause?.endsWith(`The ${field} parameter does not reference an input value: $.nope`)]).toEqual(['States.Runtime', true]);
      const text = await runMachine(testEngine(), map(field, '$.v'), { xs: [1], v: 'two' });
      expect([text.error, text.cause?.endsWith(`The ${field} parameter cannot be parsed as a number: $.v == "two"`)]).toEqual(['States.Runtime', true]);
    }
    const fromVariable = await runMachine(testEngine(), {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { limit: 1 }, Next: 'M' }, M: { Type: 'Map', ItemsPath: '$.xs', MaxConcurrencyPath: '$limit', ItemProcessor: itemProcessor, End: true } },
    }, { xs: [1, 2] });
    // One at a time: two 10-second items take 20 seconds.
    expect(fromVariable.stopDate?.toISOString()).toBe('2024-01-01T00:00:20.000Z');
  });

  it('reads MaxConcurrency from MaxConcurrencyPath', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', MaxConcurrencyPath: '$.limit', ItemProcessor: itemProcessor, End: true } } }, { xs: [1, 2, 3, 4], limit: 2 });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:20.000Z');
    expect(d.outputJson).toEqual([1, 2, 3, 4]);
  });

  const failOnTwo = {
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'P' },
      F: { Type: 'Fail', Error: 'Two', Cause: 'item two' },
      P: { Type: 'Pass', End: true },
    },
  };
  const distributed = { ...failOnTwo, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } };

  it('tolerates failures up to ToleratedFailurePercentage of the items', async () => {
    const map = (pct: number) => ({ StartAt: 'M', States: { M: { Type: 'Map', ToleratedFailurePercentage: pct, ItemProcessor: distributed, End: true } } });
    const ok = await runMachine(testEngine(), map(25), [1, 2, 3, 4]);
    expect(ok.status).toBe('SUCCEEDED');
    const over = await runMachine(testEngine(), map(24), [1, 2, 3, 4]);
    expect(over.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('reads the tolerated failures from ToleratedFailureCountPath and ToleratedFailurePercentagePath', async () => {
    const byCount = { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', ToleratedFailureCountPath: '$.n', ItemProcessor: distributed, End: true } } };
    expect((await runMachine(testEngine(), byCount, { xs: [1, 2, 3], n: 1 })).status).toBe('SUCCEEDED');
    expect((await runMachine(testEngine(), byCount, { xs: [1, 2, 3], n: 0 })).error).toBe('States.ExceedToleratedFailureThreshold');
    const byPct = { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', ToleratedFailurePercentagePath: '$.p', ItemProcessor: distributed, End: true } } };
    expect((await runMachine(testEngine(), byPct, { xs: [1, 2, 3, 4], p: 50 })).status).toBe('SUCCEEDED');
    expect((await runMachine(testEngine(), byPct, { xs: [1, 2, 3, 4], p: 10 })).error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('fails with the error of a failing iteration when no failure is tolerated, which Catch can handle', async () => {
    const plain = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: failOnTwo, End: true } } }, [1, 2, 3]);
    expect([plain.error, plain.cause]).toEqual(['Two', 'item two']);
    const caught = await runMachine(
      testEngine(),
      {
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: failOnTwo, Catch: [{ ErrorEquals: ['Two'], ResultPath: '$.failure', Next: 'Done' }], End: true },
          Done: { Type: 'Succeed' },
        },
      },
      { xs: [1, 2, 3] },
    );
    expect(caught.outputJson).toEqual({ xs: [1, 2, 3], failure: { Error: 'Two', Cause: 'item two' } });
  });

  it('still runs the older Iterator and Parameters fields', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemsPath: '$.xs',
            Parameters: { 'n.$': '$$.Map.Item.Value', 'at.$': '$$.Map.Item.Index' },
            Iterator: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      },
      { xs: [10, 20] },
    );
    expect(d.outputJson).toEqual([{ n: 10, at: 0 }, { n: 20, at: 1 }]);
  });

  it('fails with States.Runtime when ItemsPath does not select an array', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: itemProcessor, End: true } } }, { xs: { a: 1 } });
    expect(d.error).toBe('States.Runtime');
  });

  it('fails with States.ItemReaderFailed for an ItemReader, which the local engine cannot read', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
          ItemProcessor: { ...itemProcessor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
          End: true,
        },
      },
    });
    expect(d.error).toBe('States.ItemReaderFailed');
  });

  it('returns an empty array for no items', async () => {
    const d = await runMachine(testEngine(), { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: itemProcessor, End: true } } }, []);
    expect(d.outputJson).toEqual([]);
  });
});
