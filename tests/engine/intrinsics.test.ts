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
    // The examples of the AWS documentation, one per function.
    ["States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' }, 'Hello, my name is Arnav.'],
    ['States.Format($.template, $.name)', { name: 'Arnav', template: 'Hello, my name is {}.' }, 'Hello, my name is Arnav.'],
    ['States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }, { foo: 'bar' }],
    ['States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ['States.Array($.Id)', { Id: 123456 }, [123456]],
    ['States.ArrayPartition($.inputArray, 4)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5 }, true],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: [1, 2, 3], lookingFor: '1' }, false],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.inputArray, $.index)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 }, 6],
    ['States.ArrayLength($.inputArray)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 9],
    ['States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    ["States.Base64Encode('你好 12345')", {}, '5L2g5aW9IDEyMzQ1'],
    ["States.Hash('input data', 'SHA-1')", {}, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ["States.Hash('input data', 'SHA-256')", {}, 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
    ["States.Hash('input data', 'SHA-384')", {}, 'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562'],
    [
      "States.Hash('input data', 'SHA-512')",
      {},
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    ],
    [
      'States.JsonMerge($.json1, $.json2, false)',
      { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
    ],
    ['States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }, ['1', '2', '3', '4', '5']],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: 'This.is+a,test=string', splitter: '.+,=' }, ['This', 'is', 'a', 'test', 'string']],
    // Reserved characters escaped with a backslash: \' \{ \} and \\.
    ["States.Format('it\\'s {} \\\\ done', 'x')", {}, "it's x \\ done"],
    ["States.Format('{}-{}', States.ArrayGetItem(States.StringSplit($.arn, ':'), 3), States.ArrayLength(States.Array(1, 2)))", { arn: 'arn:aws:states:eu-west-1:1:x' }, 'eu-west-1-2'],
  ])('%s', async (expr, input, expected) => {
    expect(await evalIntrinsic(expr, input)).toEqual(expected);
  });

  it('draws States.MathRandom from the injected random source', async () => {
    const d = await runMachine(testEngine({ random: () => 0.5 }), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': 'States.MathRandom(0, 10)' }, End: true } } });
    expect(d.outputJson).toEqual({ r: 5 });
  });

  it('reads arguments from the context object and from variables', async () => {
    const d = await runMachine(testEngine(), {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { who: 'clerk' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'r.$': "States.Format('{} in {}', $who, $$.State.Name)" }, End: true },
      },
    });
    expect(d.outputJson).toEqual({ r: 'clerk in B' });
  });

  it('draws a seeded States.MathRandom the same way every time, from start inclusive and below end', async () => {
    const seeded = 'States.Array(States.MathRandom(1, 999, 7), States.MathRandom(1, 999, 7), States.MathRandom(1, 999, 8))';
    const [a, b, c] = (await evalIntrinsic(seeded)) as number[];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    for (const v of [a, c] as number[]) {
      expect(Number.isInteger(v) && v >= 1 && v < 999).toBe(true);
    }
    const low = await runMachine(testEngine({ random: () => 0 }), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': 'States.MathRandom(5, 10)' }, End: true } } });
    const high = await runMachine(testEngine({ random: () => 0.999999 }), { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'r.$': 'States.MathRandom(5, 10)' }, End: true } } });
    expect([low.outputJson, high.outputJson]).toEqual([{ r: 5 }, { r: 9 }]);
  });

  it('makes a different UUID on every call', async () => {
    const [a, b] = (await evalIntrinsic('States.Array(States.UUID(), States.UUID())')) as string[];
    expect(a).not.toBe(b);
  });

  it('makes version 4 UUIDs', async () => {
    expect(await evalIntrinsic('States.UUID()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fails with States.IntrinsicFailure on a bad argument', async () => {
    expect(await evalIntrinsic('States.ArrayGetItem($.a, 5)', { a: [1] })).toMatchObject({ error: 'States.IntrinsicFailure' });
    expect(await evalIntrinsic("States.Format('{} {}', 1)")).toMatchObject({ error: 'States.IntrinsicFailure' });
  });

  it.each([
    ['an unknown function', 'States.Nope(1)', {}],
    ['a malformed call', "States.Format('unterminated", {}],
    ['too few arguments', 'States.ArrayLength()', {}],
    ['too many arguments', 'States.UUID(1)', {}],
    ['an argument of the wrong type', "States.MathAdd('1', 2)", {}],
    ['a non-array to an array function', 'States.ArrayLength($.s)', { s: 'abc' }],
    ['a chunk size of 0', 'States.ArrayPartition($.a, 0)', { a: [1, 2] }],
    ['a step of 0', 'States.ArrayRange(1, 5, 0)', {}],
    ['a range of more than 1000 items', 'States.ArrayRange(1, 1001, 1)', {}],
    ['text that is not JSON', "States.StringToJson('{nope')", {}],
    ['empty text to StringToJson', "States.StringToJson('')", {}],
    ['blank text to StringToJson', 'States.StringToJson($.s)', { s: '   ' }],
    ['text that is not base64', "States.Base64Decode('***')", {}],
    ['an unsupported hash algorithm', "States.Hash('x', 'SHA-3')", {}],
    ['a JsonMerge of a non-object', 'States.JsonMerge($.a, $.b, false)', { a: [1], b: { x: 1 } }],
  ])('fails with States.IntrinsicFailure on %s', async (_what, expr, input) => {
    expect(await evalIntrinsic(expr, input)).toMatchObject({ error: 'States.IntrinsicFailure' });
  });

  it('fails with States.Runtime when a path argument selects nothing', async () => {
    const r = (await evalIntrinsic('States.ArrayLength($.missing)', { a: 1 })) as { error: string; cause: string };
    expect(r.error).toBe('States.Runtime');
    expect(r.cause).toContain("The JsonPath argument '$.missing' of the intrinsic function 'States.ArrayLength'");
  });
});
