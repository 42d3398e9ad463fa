// Intrinsic functions (States.*) evaluated in JSONPath Parameters.
import { describe, expect, it } from 'vitest';
import { runMachine, testEngine } from './support/harness.js';

async function evalIntrinsic(expr: string, input: unknown = {}) {
  const d = await runMachine(testEngine(), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': expr }, End: true } } }, input);
  return d.status === 'SUCCEEDED' ? (d.outputJson as { r: unknown }).r : { error: d.error, cause: d.cause };
}

describe('intrinsic functions', () => {
  it.each([
    ["States.Format('{} + {} = {}', 1, 2, $.sum)", { sum: 3 }, '1 + 2 = 3'],
    ["States.Format('obj {}', $.o)", { o: { a: 1, b: [1, 2] } }, 'obj {a=1, b=[1, 2]}'],
    ["States.Format('brace \\\\{\\\\} {}', 'x')", {}, 'brace {} x'],
    ["States.StringToJson('{\"a\":1}')", {}, { a: 1 }],
    ['States.JsonToString($.o)', { o: { a: [1] } }, '{"a":[1]}'],
    ['States.JsonMerge($.a, $.b, false)', { a: { x: 1, y: { p: 1 } }, b: { y: { q: 2 } } }, { x: 1, y: { q: 2 } }],
    ['States.Array(1, $.s, States.Array())', { s: 'two' }, [1, 'two', []]],
    ['States.ArrayPartition($.a, 2)', { a: [1, 2, 3] }, [[1, 2], [3]]],
    ['States.ArrayContains($.a, $.v)', { a: [{ k: 1 }], v: { k: 1 } }, true],
    ['States.ArrayRange(10, 0, -4)', {}, [10, 6, 2]],
    ['States.ArrayGetItem($.a, 1)', { a: ['x', 'y'] }, 'y'],
    ['States.ArrayLength($.a)', { a: [1, 2, 3] }, 3],
    ['States.ArrayUnique($.a)', { a: [1, 1, { a: 1 }, { a: 1 }] }, [1, { a: 1 }]],
    ["States.Base64Decode(States.Base64Encode('你好 12345'))", {}, '你好 12345'],
    ["States.Hash('input data', 'MD5')", {}, '812f45842bc6d66ee14572ce20db8e86'],
    ['States.MathAdd(-3, 10)', {}, 7],
    ['States.MathAdd(1.5, 2.4)', {}, 4],
    ["States.StringSplit('a,b;;c', ',;')", {}, ['a', 'b', 'c']],
  ])('%s', async (expr, input, expected) => {
    expect(await evalIntrinsic(expr, input)).toEqual(expected);
  });

  it('draws States.MathRandom from the injected random source', async () => {
    const d = await runMachine(testEngine({ random: () => 0.5 }), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': 'States.MathRandom(0, 10)' }, End: true } } });
    expect(d.outputJson).toEqual({ r: 5 });
  });

  it('makes version 4 UUIDs', async () => {
    expect(await evalIntrinsic('States.UUID()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fails with States.IntrinsicFailure on a bad argument', async () => {
    expect(await evalIntrinsic('States.ArrayGetItem($.a, 5)', { a: [1] })).toMatchObject({ error: 'States.IntrinsicFailure' });
    expect(await evalIntrinsic("States.Format('{} {}', 1)")).toMatchObject({ error: 'States.IntrinsicFailure' });
  });
});
