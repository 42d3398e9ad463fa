// Every JSONPath Choice operator (literal and ...Path forms), the Is* type tests, And/Or/Not and rule order.
import { describe, expect, it } from 'vitest';
import { runMachine, testEngine } from './support/harness.js';

const machine = (rule: object, extra: object = {}) => ({
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No', ...extra },
    Yes: { Type: 'Pass', Result: 'yes', End: true },
    No: { Type: 'Pass', Result: 'no', End: true },
  },
});

async function decide(rule: object, input: unknown): Promise<unknown> {
  const d = await runMachine(testEngine(), machine(rule), input);
  if (d.status !== 'SUCCEEDED') throw new Error(`${d.status}: ${d.error ?? ''} ${d.cause ?? ''}`);
  return d.outputJson;
}

// [operator, value of $.v, operand, matches?]: each operator on both sides of its boundary.
const comparisons: [string, unknown, unknown, boolean][] = [
  ['StringEquals', 'Buy', 'Buy', true],
  ['StringEquals', 'Buy', 'buy', false],
  ['StringLessThan', 'apple', 'banana', true],
  ['StringLessThan', 'banana', 'banana', false],
  ['StringGreaterThan', 'MyStringABD', 'MyStringABC', true],
  ['StringGreaterThan', 'MyStringABC', 'MyStringABC', false],
  ['StringLessThanEquals', 'banana', 'banana', true],
  ['StringLessThanEquals', 'cherry', 'banana', false],
  ['StringGreaterThanEquals', 'banana', 'banana', true],
  ['StringGreaterThanEquals', 'apple', 'banana', false],
  // Java compareTo order: upper case sorts before lower case.
  ['StringLessThan', 'Zebra', 'apple', true],
  ['NumericEquals', 1, 1, true],
  ['NumericEquals', 1.5, 1, false],
  ['NumericLessThan', 29.9, 30, true],
  ['NumericLessThan', 30, 30, false],
  ['NumericGreaterThan', 0.1, 0, true],
  ['NumericGreaterThan', 0, 0, false],
  ['NumericLessThanEquals', 30, 30, true],
  ['NumericLessThanEquals', 31, 30, false],
  ['NumericGreaterThanEquals', 20, 20, true],
  ['NumericGreaterThanEquals', 19, 20, false],
  ['BooleanEquals', true, true, true],
  ['BooleanEquals', false, true, false],
  ['TimestampEquals', '2001-01-01T12:00:00Z', '2001-01-01T12:00:00Z', true],
  ['TimestampEquals', '2001-01-01T13:00:00+01:00', '2001-01-01T12:00:00Z', true],
  ['TimestampEquals', '2001-01-01T12:00:01Z', '2001-01-01T12:00:00Z', false],
  ['TimestampLessThan', '2001-01-01T11:59:59Z', '2001-01-01T12:00:00Z', true],
  ['TimestampLessThan', '2001-01-01T12:00:00Z', '2001-01-01T12:00:00Z', false],
  ['TimestampGreaterThan', '2001-01-02T00:00:00Z', '2001-01-01T12:00:00Z', true],
  ['TimestampGreaterThan', '2001-01-01T12:00:00Z', '2001-01-01T12:00:00Z', false],
  ['TimestampLessThanEquals', '2001-01-01T12:00:00Z', '2001-01-01T12:00:00Z', true],
  ['TimestampLessThanEquals', '2001-01-01T12:00:00.001Z', '2001-01-01T12:00:00Z', false],
  ['TimestampGreaterThanEquals', '2001-01-01T12:00:00Z', '2001-01-01T12:00:00Z', true],
  ['TimestampGreaterThanEquals', '2000-12-31T23:59:59Z', '2001-01-01T12:00:00Z', false],
];

describe('Choice comparison operators', () => {
  it.each(comparisons)('%s: %j against %j is %s', async (op, value, operand, matches) => {
    expect(await decide({ Variable: '$.v', [op]: operand }, { v: value })).toBe(matches ? 'yes' : 'no');
  });

  it.each(comparisons)('%sPath: %j against %j is %s', async (op, value, operand, matches) => {
    expect(await decide({ Variable: '$.v', [`${op}Path`]: '$.other' }, { v: value, other: operand })).toBe(matches ? 'yes' : 'no');
  });

  it('never matches a value of another type: a number is not the string of its digits', async () => {
    expect(await decide({ Variable: '$.v', StringEquals: '1' }, { v: 1 })).toBe('no');
    expect(await decide({ Variable: '$.v', NumericEquals: 1 }, { v: '1' })).toBe('no');
    expect(await decide({ Variable: '$.v', BooleanEquals: true }, { v: 'true' })).toBe('no');
    expect(await decide({ Variable: '$.v', TimestampEquals: '2001-01-01T12:00:00Z' }, { v: 'not a time' })).toBe('no');
  });

  it('lets StringEquals compare a timestamp as the string it is', async () => {
    expect(await decide({ Variable: '$.v', StringEquals: '2001-01-01T12:00:00Z' }, { v: '2001-01-01T12:00:00Z' })).toBe('yes');
  });

  it('matches StringMatches with * for any run of characters and nothing else special', async () => {
    expect(await decide({ Variable: '$.v', StringMatches: 'log-*.txt' }, { v: 'log-.txt' })).toBe('yes');
    expect(await decide({ Variable: '$.v', StringMatches: '*.txt' }, { v: 'a.txt.bak' })).toBe('no');
    expect(await decide({ Variable: '$.v', StringMatches: 'a?c' }, { v: 'abc' })).toBe('no');
    expect(await decide({ Variable: '$.v', StringMatches: 'a.c' }, { v: 'abc' })).toBe('no');
  });

  it('reads the compared value from the context object and from variables', async () => {
    expect(await decide({ Variable: '$$.State.Name', StringEquals: 'C' }, {})).toBe('yes');
    const d = await runMachine(testEngine(), {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { limit: 10 }, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThanPath: '$limit', Next: 'Yes' }], Default: 'No' },
        Yes: { Type: 'Pass', Result: 'yes', End: true },
        No: { Type: 'Pass', Result: 'no', End: true },
      },
    }, { n: 11 });
    expect(d.outputJson).toBe('yes');
  });
});

describe('Choice type tests', () => {
  it.each([
    ['IsNull', null, 'a'],
    ['IsNumeric', 1.5, '1.5'],
    ['IsString', 'a', 1],
    ['IsBoolean', false, 'false'],
    ['IsTimestamp', '2016-08-18T17:33:00Z', '2016-08-18 17:33:00'],
  ])('%s is true for %j and false for %j', async (op, good, bad) => {
    expect(await decide({ Variable: '$.v', [op]: true }, { v: good })).toBe('yes');
    expect(await decide({ Variable: '$.v', [op]: true }, { v: bad })).toBe('no');
    expect(await decide({ Variable: '$.v', [op]: false }, { v: bad })).toBe('yes');
  });

  it('IsPresent tells a missing field from a present null', async () => {
    expect(await decide({ Variable: '$.v', IsPresent: true }, { v: null })).toBe('yes');
    expect(await decide({ Variable: '$.v', IsPresent: true }, {})).toBe('no');
    expect(await decide({ Variable: '$.v', IsPresent: false }, {})).toBe('yes');
  });

  it('evaluates a comparison after IsPresent in an And only when the field exists', async () => {
    const rule = { And: [{ Variable: '$.maybe', IsPresent: true }, { Variable: '$.maybe', StringEquals: 'foo' }] };
    expect(await decide(rule, {})).toBe('no');
    expect(await decide(rule, { maybe: 'foo' })).toBe('yes');
  });

  it('rejects a timestamp without its offset, with a lower-case t, or naming an impossible date', async () => {
    for (const v of ['2016-08-18T17:33:00', '2016-08-18t17:33:00Z', '2016-02-30T00:00:00Z', '2016-08-18T24:00:00Z']) {
      expect(await decide({ Variable: '$.v', IsTimestamp: true }, { v })).toBe('no');
    }
  });
});

describe('Choice rules', () => {
  it('takes the first matching rule in order, then Default', async () => {
    const def = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
            { Variable: '$.value', NumericEquals: 0, Next: 'Zero' },
            { And: [{ Variable: '$.value', NumericGreaterThanEquals: 20 }, { Variable: '$.value', NumericLessThan: 30 }], Next: 'Twenties' },
          ],
          Default: 'Other',
        },
        Public: { Type: 'Pass', Result: 'Public', End: true },
        Zero: { Type: 'Pass', Result: 'Zero', End: true },
        Twenties: { Type: 'Pass', Result: 'Twenties', End: true },
        Other: { Type: 'Pass', Result: 'Other', End: true },
      },
    };
    const run = async (input: unknown) => (await runMachine(testEngine(), def, input)).outputJson;
    expect(await run({ type: 'Private', value: 22 })).toBe('Twenties');
    expect(await run({ type: 'Public', value: 0 })).toBe('Public');
    expect(await run({ type: 'Private', value: 0 })).toBe('Zero');
    expect(await run({ type: 'Private', value: 30 })).toBe('Other');
  });

  it('matches Or when any rule matches and Not when its rule does not', async () => {
    const or = { Or: [{ Variable: '$.a', NumericEquals: 1 }, { Variable: '$.b', NumericEquals: 1 }] };
    expect(await decide(or, { a: 0, b: 1 })).toBe('yes');
    expect(await decide(or, { a: 0, b: 0 })).toBe('no');
    expect(await decide({ Not: { Variable: '$.a', IsNull: true } }, { a: 1 })).toBe('yes');
  });

  it('passes its input through InputPath and OutputPath to the next state', async () => {
    const d = await runMachine(
      testEngine(),
      {
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', InputPath: '$.order', OutputPath: '$.item', Choices: [{ Variable: '$.qty', NumericGreaterThan: 0, Next: 'Done' }] },
          Done: { Type: 'Succeed' },
        },
      },
      { order: { qty: 2, item: { sku: 'A-1' } }, other: true },
    );
    expect(d.outputJson).toEqual({ sku: 'A-1' });
  });
});
