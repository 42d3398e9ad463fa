// The fuzzer's values from a zod schema: what it generates as valid, the schema accepts; what it breaks, the schema refuses, naming where.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { typedText } from '../../schemas/common.js';
import { conforms, invalidValue, isJson, issuePaths, jsonNotObject, jsonSchemaOf, namesField, notJson, pathText, validValue, withUnknownFields } from './arbitraries.js';

const Sample = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/),
  title: typedText().min(1).max(20),
  note: typedText({ lines: true }).max(50).optional(),
  kind: z.enum(['a', 'b']),
  version: z.literal(2),
  count: z.number().int().min(1).max(10),
  share: z.number().gt(0).max(1),
  done: z.boolean(),
  parent: typedText().nullable(),
  tags: z.array(typedText().min(1).max(8)).min(1).max(3),
  place: z.object({ lat: z.number().min(-90).max(90), name: typedText().min(1) }),
  choice: z.discriminatedUnion('by', [z.object({ by: z.literal('unit'), unitId: typedText().min(1) }), z.object({ by: z.literal('none') })]),
});
const schema = jsonSchemaOf(Sample);
const Query = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional(), status: z.enum(['open', 'closed']).optional(), q: typedText().min(1).max(10).optional() });
const query = jsonSchemaOf(Query);

describe('values derived from a zod schema', () => {
  it('generates values the schema accepts', () => {
    fc.assert(fc.property(validValue(schema), (value) => Sample.safeParse(value).success), { seed: 15, numRuns: 500 });
  });

  it('breaks one field at a time, and the schema refuses each naming that field', () => {
    fc.assert(
      fc.property(invalidValue(schema), (m) => {
        const parsed = Sample.safeParse(m.value);
        return !parsed.success && namesField(issuePaths(parsed.error), m.path);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });

  it('breaks every kind of field in every way it knows', () => {
    const hows = new Set(fc.sample(invalidValue(schema), { seed: 15, numRuns: 3000 }).map((m) => `${pathText(m.path)} ${m.how.replace(/U\+\w+/, 'U+')}`));
    for (const expected of [
      'title without a required field',
      'title too long',
      'title too short',
      'title with U+',
      'id out of its form',
      'kind out of its form',
      'count out of range',
      'count not a whole number',
      'tags with too many items',
      'tags with too few items',
      'place.lat of another type',
      'choice.unitId without a required field',
      '(body) of another type',
    ]) {
      expect(hows).toContain(expected);
    }
    // A string a hundred kilobytes long among them.
    expect(fc.sample(invalidValue(schema), { seed: 15, numRuns: 3000 }).some((m) => JSON.stringify(m.value).length > 50_000)).toBe(true);
  });

  it('uses the values it is told are known, and adds fields the schema does not name', () => {
    const known = fc.sample(validValue(schema, { known: { 'place.name': ['东门路'] } }), { seed: 15, numRuns: 200 });
    expect(known.some((v) => (v as { place: { name: string } }).place.name === '东门路')).toBe(true);
    const only = fc.sample(validValue(schema, { only: { 'tags[]': ['东门'] } }), { seed: 15, numRuns: 50 });
    expect(only.flatMap((v) => (v as { tags: string[] }).tags).every((tag) => tag === '东门')).toBe(true);
    const noisy = fc.sample(withUnknownFields(schema), { seed: 15, numRuns: 50 });
    expect(noisy.filter((v) => !Object.keys(v as object).some((key) => !Object.hasOwn(Sample.shape, key)))).toEqual([]);
    expect(noisy.filter((v) => !Sample.safeParse(v).success).map((v) => Sample.safeParse(v).error?.issues)).toEqual([]);
  });

  it('spells a query string: strings only, and a strict query refuses unknown parameters', () => {
    fc.assert(fc.property(validValue(query, { query: true }), (value) => Object.values(value as object).every((v) => typeof v === 'string') && Query.safeParse(value).success), { seed: 15, numRuns: 300 });
    fc.assert(
      fc.property(invalidValue(query, { query: true }), (m) => {
        const parsed = Query.safeParse(m.value);
        return !parsed.success && namesField(issuePaths(parsed.error), m.path) && Object.values(m.value as object).every((v) => typeof v === 'string');
      }),
      { seed: 15, numRuns: 500 },
    );
    expect(conforms(query, { limit: ' 7 ' }, { query: true })).toBe(true);
  });

  it('writes bodies that are not JSON, and JSON that is no object', () => {
    fc.assert(fc.property(notJson, (text) => !isJson(text)), { seed: 15, numRuns: 200 });
    fc.assert(fc.property(jsonNotObject, (text) => {
      const value: unknown = JSON.parse(text);
      return typeof value !== 'object' || value === null || Array.isArray(value);
    }), { seed: 15, numRuns: 200 });
  });
});
