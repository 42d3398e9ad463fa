// JSONata query language and variables (Assign) across states, Parallel branches and Map iterations.
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
});
