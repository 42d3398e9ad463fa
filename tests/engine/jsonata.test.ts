// JSONata query language (fields of every state type, the functions AWS adds) and variables (Assign) across states, branches and iterations.
import { describe, expect, it } from 'vitest';
import { runMachine, testEngine } from './support/harness.js';

describe('JSONata states', () => {
  it('passes Arguments to a task and shapes Output from $states.result', async () => {
    const t = testEngine({ handlers: { score: (e) => ({ score: (e as { n: number }).n * 10 }) } });
    const d = await runMachine(
      t,
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: 'score', Payload: { n: '{% $states.input.n + 1 %}' } },
            Output: { id: '{% $states.input.id %}', score: '{% $states.result.Payload.score %}' },
            End: true,
          },
        },
      },
      { id: 'T-1', n: 2 },
    );
    expect(d.outputJson).toEqual({ id: 'T-1', score: 30 });
  });

  it('exposes $states.errorOutput to a catcher', async () => {
    const d = await runMachine(testEngine({ handlers: { f: () => { throw new Error('nope'); } } }), {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Catch: [{ ErrorEquals: ['States.ALL'], Output: { failed: '{% $states.errorOutput.Error %}' }, Next: 'Done' }], End: true },
        Done: { Type: 'Succeed' },
      },
    });
    expect(d.outputJson).toEqual({ failed: 'Error' });
  });

  it('assigns variables that later states read, evaluated before the assignment takes effect', async () => {
    const d = await runMachine(testEngine(), {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 1 }, Next: 'B' },
        B: { Type: 'Pass', Assign: { x: '{% $x + 1 %}', old: '{% $x %}' }, Next: 'C' },
        C: { Type: 'Pass', Output: { x: '{% $x %}', old: '{% $old %}' }, End: true },
      },
    });
    expect(d.outputJson).toEqual({ x: 2, old: 1 });
  });

  it('lets Map iterations read outer variables without leaking their own', async () => {
    const d = await runMachine(testEngine(), {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { factor: 3 }, Next: 'M' },
        M: {
          Type: 'Map',
          Items: '{% [1, 2] %}',
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { inner: true }, Output: '{% $states.input * $factor %}', End: true } } },
          Output: { r: '{% $states.result %}', leaked: '{% $exists($inner) %}' },
          End: true,
        },
      },
    });
    expect(d.outputJson).toEqual({ r: [3, 6], leaked: false });
  });

  it('uses Assign in JSONPath states with $ as the state result', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { v: 5 }, Assign: { 'saved.$': '$.v' }, ResultPath: null, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'got.$': '$saved' }, End: true },
      },
    });
    expect(d.outputJson).toEqual({ got: 5 });
  });

  it('fails with States.QueryEvaluationError when an expression returns nothing', async () => {
    const d = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.nothing %}', End: true } } });
    expect(d.error).toBe('States.QueryEvaluationError');
    expect(d.cause).toContain("specified for the field 'Output' returned nothing (undefined)");
  });

  it('waits on a JSONata Seconds expression', async () => {
    const d = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% $states.input.s * 2 %}', End: true } } }, { s: 30 });
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:01:00.000Z');
  });

  // AWS: a JSONata Seconds "must evaluate to an integer in the stated range" (0 to 99999999); a Timestamp expression
  // must result in an RFC 3339 string. A query that yields what its field cannot take is States.QueryEvaluationError.
  it('fails with States.QueryEvaluationError when Seconds is out of range or a Timestamp is no RFC 3339 string', async () => {
    const wait = (field: string, expr: string) => ({ QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', [field]: expr, End: true } } });
    for (const [field, expr, named] of [
      ['Seconds', '{% 100000000 %}', '100000000'],
      ['Seconds', '{% -1 %}', '-1'],
      ['Timestamp', '{% "tomorrow" %}', 'tomorrow'],
      ['Timestamp', '{% "2024-08-18 17:33:00" %}', '2024-08-18 17:33:00'],
      ['Timestamp', '{% 1723995180 %}', '1723995180'],
    ] as const) {
      const d = await runMachine(testEngine(), wait(field, expr));
      expect(d.error, expr).toBe('States.QueryEvaluationError');
      expect(d.cause, expr).toContain(`specified for the field '${field}'`);
      expect(d.cause, expr).toContain(named);
    }
    const ok = await runMachine(testEngine(), wait('Timestamp', '{% "2024-08-18T17:33:00Z" %}'));
    expect(ok.status).toBe('SUCCEEDED');
  });

  it('fails with States.QueryEvaluationError when an expression yields a function, alone or inside a value', async () => {
    for (const expr of ['{% function($x) { $x } %}', '{% $sum %}', '{% { "f": $uppercase } %}']) {
      const d = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: expr, End: true } } });
      expect(d.error, expr).toBe('States.QueryEvaluationError');
      expect(d.cause, expr).toContain("specified for the field 'Output'");
    }
  });
});

describe('JSONata functions AWS adds', () => {
  const evaluate = async (expr: string, input: unknown = {}, options: Parameters<typeof testEngine>[0] = {}) => {
    const d = await runMachine(testEngine(options), { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: `{% ${expr} %}`, End: true } } }, input);
    return d.status === 'SUCCEEDED' ? d.outputJson : { error: d.error, cause: d.cause };
  };

  it.each([
    ['$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
    ['$partition([1, 2, 3, 4, 5], 2)', [[1, 2], [3, 4], [5]]],
    ['$range(0, 10, 2)', [0, 2, 4, 6, 8, 10]],
    ['$range(5, 1, -2)', [5, 3, 1]],
    ["$hash('input data', 'SHA-1')", 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ["$hash('input data', 'MD5')", '812f45842bc6d66ee14572ce20db8e86'],
    ['$parse(\'{"a": [1, {"b": null}]}\')', { a: [1, { b: null }] }],
  ])('%s', async (expr, expected) => {
    expect(await evaluate(expr)).toEqual(expected);
  });

  it('draws $random from the injected source, and a seeded $random the same way every time', async () => {
    expect(await evaluate('$random()', {}, { random: () => 0.25 })).toBe(0.25);
    const [a, b, c] = (await evaluate('[$random(7), $random(7), $random(8)]')) as number[];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect((a as number) >= 0 && (a as number) < 1).toBe(true);
  });

  it('makes version 4 UUIDs with $uuid', async () => {
    expect(await evaluate('$uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fails with States.QueryEvaluationError when a function is misused', async () => {
    expect(await evaluate("$hash('x', 'SHA-3')")).toMatchObject({ error: 'States.QueryEvaluationError' });
    expect(await evaluate('$partition([1], 0)')).toMatchObject({ error: 'States.QueryEvaluationError' });
  });
});

describe('JSONata fields of each state type', () => {
  it('exposes the context object as $states.context', async () => {
    const d = await runMachine(
      testEngine(),
      { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { state: '{% $states.context.State.Name %}', input: '{% $states.context.Execution.Input %}' }, End: true } } },
      { a: 1 },
    );
    expect(d.outputJson).toEqual({ state: 'P', input: { a: 1 } });
  });

  it('switches language per state with QueryLanguage, and JSONata states read variables JSONPath states assigned', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'Path',
        States: {
          Path: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Assign: { 'seen.$': '$.n' }, Next: 'Ata' },
          Ata: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { sum: '{% $states.input.n + $seen %}' }, End: true },
        },
      },
      { n: 4 },
    );
    expect(d.outputJson).toEqual({ sum: 8 });
  });

  it('rejects JSONPath-only fields in a JSONata state when the machine is created', async () => {
    const t = testEngine();
    await expect(
      t.engine.createStateMachine({ name: 'bad', definition: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Parameters: {}, End: true } } }) }),
    ).rejects.toMatchObject({ code: 'InvalidDefinition' });
  });

  it('computes Fail Error and Cause with expressions', async () => {
    const d = await runMachine(
      testEngine(),
      { QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', Error: "{% 'Ticket.' & $states.input.code %}", Cause: "{% 'ticket ' & $states.input.id & ' refused' %}" } } },
      { code: 'Refused', id: 'T-3' },
    );
    expect([d.error, d.cause]).toEqual(['Ticket.Refused', 'ticket T-3 refused']);
  });

  it('waits until a Timestamp expression and until a literal Timestamp', async () => {
    const computed = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '{% $states.input.due %}', End: true } } }, { due: '2024-01-05T09:00:00Z' });
    expect(computed.stopDate?.toISOString()).toBe('2024-01-05T09:00:00.000Z');
    const literal = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2024-01-02T00:00:00.500Z', End: true } } });
    expect(literal.stopDate?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('passes Arguments to every Parallel branch and shapes Output from $states.result', async () => {
    const d = await runMachine(
      testEngine(),
      {
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Arguments: { n: '{% $states.input.n * 10 %}' },
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input.n + 1 %}', End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', Output: '{% $states.input.n + 2 %}', End: true } } },
            ],
            Output: { total: '{% $sum($states.result) %}' },
            End: true,
          },
        },
      },
      { n: 1 },
    );
    expect(d.outputJson).toEqual({ total: 23 });
  });

  it('builds Map item inputs with ItemSelector from $states.context.Map.Item and limits MaxConcurrency by expression', async () => {
    const d = await runMachine(
      testEngine(),
      {
        QueryLanguage: 'JSONata',
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            Items: '{% $states.input.xs %}',
            MaxConcurrency: '{% $states.input.limit %}',
            ItemSelector: { i: '{% $states.context.Map.Item.Index %}', v: '{% $states.context.Map.Item.Value %}' },
            ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } },
            End: true,
          },
        },
      },
      { xs: ['a', 'b', 'c'], limit: 1 },
    );
    expect(d.outputJson).toEqual([{ i: 0, v: 'a' }, { i: 1, v: 'b' }, { i: 2, v: 'c' }]);
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
  });

  it('reads TimeoutSeconds from an expression', async () => {
    const t = testEngine({ handlers: { slow: () => new Promise<never>(() => undefined) } });
    const d = await runMachine(
      t,
      { QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'slow' }, TimeoutSeconds: '{% $states.input.limit %}', End: true } } },
      { limit: 12 },
    );
    expect(d.error).toBe('States.Timeout');
    expect(d.stopDate?.toISOString()).toBe('2024-01-01T00:00:12.000Z');
  });

  it('applies the Assign and Output of the matched Choice rule', async () => {
    const d = await runMachine(
      testEngine(),
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [{ Condition: '{% $states.input.n > 1 %}', Assign: { picked: 'big' }, Next: 'D' }],
            Default: 'D',
            Assign: { picked: 'state-level' },
          },
          D: { Type: 'Pass', Output: '{% $picked %}', End: true },
        },
      },
      { n: 2 },
    );
    expect(d.outputJson).toBe('big');
  });

  it('assigns variables in a catcher from $states.errorOutput', async () => {
    const d = await runMachine(testEngine(), {
      QueryLanguage: 'JSONata',
      StartAt: 'F',
      States: {
        F: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Fail', Error: 'Broke', Cause: 'why' } } }],
          Catch: [{ ErrorEquals: ['Broke'], Assign: { why: '{% $states.errorOutput.Cause %}' }, Next: 'D' }],
          End: true,
        },
        D: { Type: 'Pass', Output: '{% $why %}', End: true },
      },
    });
    expect(d.outputJson).toBe('why');
  });

  it('fails with States.QueryEvaluationError when Items is not an array or a Condition not a boolean', async () => {
    const items = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', Items: '{% "abc" %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } });
    expect(items.error).toBe('States.QueryEvaluationError');
    const condition = await runMachine(testEngine(), {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Condition: '{% 1 %}', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } },
    });
    expect(condition.error).toBe('States.QueryEvaluationError');
  });

  it('fails with States.QueryEvaluationError on an expression that does not parse', async () => {
    const d = await runMachine(testEngine(), { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.( %}', End: true } } });
    expect(d.error).toBe('States.QueryEvaluationError');
  });
});

describe('variables in JSONPath states', () => {
  it('reads a variable with InputPath and assigns from the error output in a catcher', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { ticket: { id: 'T-5' } }, Next: 'B' },
        B: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Closed', Cause: 'already closed' } } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'reason.$': '$.Cause' }, ResultPath: null, Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', InputPath: '$ticket', Parameters: { 'id.$': '$.id', 'reason.$': '$reason' }, End: true },
      },
    });
    expect(d.outputJson).toEqual({ id: 'T-5', reason: 'already closed' });
  });

  it('keeps variables assigned inside a Parallel branch out of the outer scope', async () => {
    const d = await runMachine(testEngine(), {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { outer: 1 }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Assign: { inner: 2 }, Output: '{% $outer %}', End: true } } }],
          Output: { seen: '{% $states.result %}', leaked: '{% $exists($inner) %}' },
          End: true,
        },
      },
    });
    expect(d.outputJson).toEqual({ seen: [1], leaked: false });
  });
});
