// Requests for fuzzing, derived from a route's zod schema through its JSON Schema: values it accepts, and values it
// must refuse, each of the latter with the path of the one field it broke (zod-fast-check knows only zod 3).
import fc from 'fast-check';
import { z } from 'zod';

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The part of JSON Schema `z.toJSONSchema` writes for the API's schemas. */
export interface JsonSchema {
  /** Several for a nullable field: `["string", "null"]`. */
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export type Path = (string | number)[];

/** A value the schema must refuse: one thing broken, at `path`, in the way `how` says. */
export interface Mutant {
  value: unknown;
  path: Path;
  how: string;
}

export interface DeriveOptions {
  /** As a query string carries them: every value a string, nothing nested. */
  query?: boolean;
  /** Strings that are no text a person reads (a webhook's secret), by path: the hidden-character rule is not theirs. */
  notText?: readonly string[];
  /**
   * Values known to the system (a unit's id, a catalogue code), by the path of property names (`location.streetId`,
   * `departmentIds[]`): valid values use them half the time, so well-formed requests also get past the lookups.
   */
  known?: Record<string, readonly unknown[]>;
  /** Values valid ones take at a path, always: where the system would act on what it stores (a webhook's URL). */
  only?: Record<string, readonly unknown[]>;
}

/** The JSON Schema of what a schema accepts as input (a transform's input side; `.default()` fields optional). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Characters no text a person typed may hold (issue 15): C0 controls but tab and line breaks, DEL and C1 controls, the
 * bidirectional embeddings, overrides and isolates, and halves of surrogate pairs (not Unicode at all).
 */
export const hostileCharacters = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009b', '\u009f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ud800', '\udfff',
] as const;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hostile = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string with none of the schema's own rules on its form: what a person types (a title, a reason, an address). */
const isFreeText = (s: JsonSchema) => s.type === 'string' && s.pattern === undefined && s.format === undefined && s.enum === undefined && s.const === undefined;

// Letters and digits of two scripts, punctuation and spaces: what fills the forms, none of it trimmed away or refused.
const typed = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 6, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '，', '。', '、', '（', '）', '：', '“', '”', '—') },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'Ж', 'ع', '😀', '👩‍🔧', '\u200d') },
);

function typedText(min: number, max: number): fc.Arbitrary<string> {
  const text = (upTo: number) => fc.string({ unit: typed, minLength: min, maxLength: Math.max(min, upTo) });
  // Mostly short; now and then as long as the field takes.
  return fc
    .oneof({ weight: 9, arbitrary: text(Math.min(max, min + 30)) }, { weight: 1, arbitrary: text(max) })
    .map((s) => s.trim())
    .filter((s) => s.length >= min && s.length <= max);
}

const boundsOf = (s: JsonSchema) => ({
  min: s.minimum ?? (s.exclusiveMinimum === undefined ? -1e12 : s.exclusiveMinimum + (s.type === 'integer' ? 1 : 0)),
  max: s.maximum ?? (s.exclusiveMaximum === undefined ? 1e12 : s.exclusiveMaximum - (s.type === 'integer' ? 1 : 0)),
});

const branchesOf = (s: JsonSchema) => s.anyOf ?? s.oneOf ?? (Array.isArray(s.type) ? s.type.map((type) => ({ ...s, type })) : undefined);

/** Values the schema accepts (as far as JSON Schema tells: a trimmed text's spaces, a lookup's miss are the API's to refuse). */
export function validValue(schema: JsonSchema, options: DeriveOptions = {}, at = ''): fc.Arbitrary<unknown> {
  const only = options.only?.[at];
  if (only) return fc.constantFrom(...only);
  const derived = deriveValid(schema, options, at);
  const known = options.known?.[at];
  return known ? fc.oneof(fc.constantFrom(...known), derived) : derived;
}

function deriveValid(s: JsonSchema, options: DeriveOptions, at: string): fc.Arbitrary<unknown> {
  const leaf = (a: fc.Arbitrary<unknown>) => (options.query ? a.map(String) : a);
  const branches = branchesOf(s);
  if (branches) return fc.oneof(...branches.map((b) => validValue(b, options, at)));
  if (s.const !== undefined) return leaf(fc.constant(s.const));
  if (s.enum) return leaf(fc.constantFrom(...s.enum));
  switch (s.type) {
    case 'object': {
      const model = Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, p]) => [key, validValue(p, options, at ? `${at}.${key}` : key)]));
      return fc.record(model, { requiredKeys: s.required ?? [], noNullPrototype: true });
    }
    case 'array':
      return fc.array(validValue(s.items ?? {}, options, `${at}[]`), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 8) });
    case 'string':
      return stringOf(s);
    case 'integer': {
      const { min, max } = boundsOf(s);
      const near = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) });
      return leaf(fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: fc.bigInt(BigInt(Math.ceil(min)), BigInt(Math.floor(max))).map(Number) }));
    }
    case 'number': {
      const { min, max } = boundsOf(s);
      return leaf(fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: s.exclusiveMinimum !== undefined, maxExcluded: s.exclusiveMaximum !== undefined }));
    }
    case 'boolean':
      return leaf(fc.boolean());
    case 'null':
      return fc.constant(null);
    default:
      return options.query ? fc.string() : fc.jsonValue({ maxDepth: 3 });
  }
}

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Math.max(min, 200);
  const fits = (v: string) => v.length >= min && v.length <= max;
  if (s.format === 'uri') return fc.webUrl({ validSchemes: ['http', 'https'] }).filter(fits);
  if (s.pattern !== undefined) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  if (s.format === 'email') return fc.emailAddress().filter(fits);
  return typedText(min, max);
}

/**
 * Whether a value keeps the schema's contract: what its JSON Schema says, and (issue 15) no free text holding a
 * control, direction-override or broken-surrogate character. Conservative where it cannot tell (an URL's rules).
 */
export function conforms(s: JsonSchema, value: unknown, options: DeriveOptions = {}, at = ''): boolean {
  const branches = branchesOf(s);
  if (branches) return branches.some((b) => conforms(b, value, options, at));
  const scalar = (v: unknown) => (options.query ? String(v) : v);
  if (s.const !== undefined) return value === scalar(s.const);
  if (s.enum) return s.enum.some((e) => scalar(e) === value);
  switch (s.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      const properties = s.properties ?? {};
      if ((s.required ?? []).some((key) => !Object.hasOwn(record, key))) return false;
      if (s.additionalProperties === false && Object.keys(record).some((key) => !Object.hasOwn(properties, key))) return false;
      return Object.entries(properties).every(([key, p]) => !Object.hasOwn(record, key) || conforms(p, record[key], options, at ? `${at}.${key}` : key));
    }
    case 'array':
      return (
        Array.isArray(value) && value.length >= (s.minItems ?? 0) && value.length <= (s.maxItems ?? Infinity) && value.every((v) => conforms(s.items ?? {}, v, options, `${at}[]`))
      );
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (s.minLength ?? 0) &&
        value.length <= (s.maxLength ?? Infinity) &&
        (s.pattern === undefined || new RegExp(s.pattern).test(value)) &&
        (s.format !== 'uri' || URL.canParse(value)) &&
        !(isFreeText(s) && !options.notText?.includes(at) && hostile.test(value))
      );
    case 'integer':
    case 'number': {
      // A query parameter is coerced as `z.coerce.number()` does it.
      const n = options.query ? (typeof value === 'string' ? Number(value) : NaN) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || (s.type === 'integer' && !Number.isSafeInteger(n))) return false;
      return n >= (s.minimum ?? -Infinity) && n <= (s.maximum ?? Infinity) && n > (s.exclusiveMinimum ?? -Infinity) && n < (s.exclusiveMaximum ?? Infinity);
    }
    case 'boolean':
      return options.query ? value === 'true' || value === 'false' : typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** JSON nested hundreds or thousands deep. */
export const deepJunk: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

/** Values of every JSON type, and some of JavaScript's favourite surprises. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 2)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4, noNullPrototype: true }),
  fc.constantFrom({}, [], '', '__proto__', { __proto__: null }, { toString: 1 }),
  deepJunk,
);

/** Numbers as a query string could spell them and `z.coerce.number()` would not read. */
const notNumbers = fc.constantFrom('', 'abc', 'NaN', 'Infinity', '-Infinity', '1e400', '1,5', '五', '0x', '--1', '1 2');

const junkKey = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '$where', 'id', 'version'));

/** Values the schema must refuse, each broken in one place. */
export function invalidValue(schema: JsonSchema, options: DeriveOptions = {}): fc.Arbitrary<Mutant> {
  const mutants = mutantsOf(schema, options, '');
  return fc.oneof(...mutants).filter((m) => !conforms(schema, m.value, options));
}

const at = (path: Path, m: Mutant): Mutant => ({ ...m, path: [...path, ...m.path] });

function mutantsOf(s: JsonSchema, options: DeriveOptions, where: string): fc.Arbitrary<Mutant>[] {
  const own = ownMutants(s, options);
  const branches = branchesOf(s);
  if (branches) return [...own, ...branches.flatMap((b) => mutantsOf(b, options, where))];
  const inner: fc.Arbitrary<Mutant>[] = [];
  if (s.type === 'object') {
    const properties = s.properties ?? {};
    const required = s.required ?? [];
    for (const [key, p] of Object.entries(properties)) {
      const childAt = where ? `${where}.${key}` : key;
      const rest = fc.record(
        Object.fromEntries(Object.entries(properties).filter(([k]) => k !== key).map(([k, q]) => [k, validValue(q, options, where ? `${where}.${k}` : k)])),
        { requiredKeys: required.filter((k) => k !== key), noNullPrototype: true },
      );
      for (const child of mutantsOf(p, options, childAt)) inner.push(fc.tuple(rest, child).map(([others, m]) => at([key], { ...m, value: { ...others, [key]: m.value } })));
    }
  }
  if (s.type === 'array' && s.items && !options.query) {
    const max = Math.min(s.maxItems ?? 5, 8);
    for (const child of mutantsOf(s.items, options, `${where}[]`)) {
      inner.push(
        fc.tuple(fc.array(validValue(s.items, options, `${where}[]`), { minLength: Math.max(0, (s.minItems ?? 0) - 1), maxLength: Math.max(0, max - 1) }), child, fc.nat()).map(([items, m, n]) => {
          const i = n % (items.length + 1);
          return at([i], { ...m, value: [...items.slice(0, i), m.value, ...items.slice(i)] });
        }),
      );
    }
  }
  // Deeper fields hold most of the ways to break a body: weigh them by their number, not as one choice among the node's own.
  return [...own, ...inner];
}

function ownMutants(s: JsonSchema, options: DeriveOptions): fc.Arbitrary<Mutant>[] {
  const out: fc.Arbitrary<Mutant>[] = [];
  const mutant = (how: string) => (value: unknown): Mutant => ({ value, path: [], how });
  const valid = validValue(s, options);
  if (options.query) {
    if (s.type === 'integer' || s.type === 'number') out.push(notNumbers.map(mutant('not a number')));
  } else {
    out.push(anyJson.map(mutant('of another type')));
  }
  if (s.type === 'object') {
    const required = s.required ?? [];
    if (required.length > 0) {
      out.push(fc.tuple(valid, fc.constantFrom(...required)).map(([v, key]) => {
        const { [key]: _dropped, ...rest } = v as Record<string, unknown>;
        return { value: rest, path: [key], how: 'without a required field' };
      }));
    }
    if (s.additionalProperties === false) {
      out.push(fc.tuple(valid, junkKey.filter((k) => !Object.hasOwn(s.properties ?? {}, k)), options.query ? fc.string({ maxLength: 20 }) : anyJson).map(([v, key, junk]) => {
        const value = { ...(v as object) };
        Object.defineProperty(value, key, { value: junk, enumerable: true, configurable: true, writable: true });
        return { value, path: [key], how: 'with a field the schema does not have' };
      }));
    }
  }
  if (s.type === 'array') {
    if (s.maxItems !== undefined) {
      out.push(fc.integer({ min: 1, max: 30 }).chain((extra) => fc.array(validValue(s.items ?? {}, options), { minLength: s.maxItems! + extra, maxLength: s.maxItems! + extra })).map(mutant('with too many items')));
    }
    if ((s.minItems ?? 0) > 0) out.push(fc.array(validValue(s.items ?? {}, options), { maxLength: s.minItems! - 1 }).map(mutant('with too few items')));
  }
  if (s.type === 'string' || s.enum !== undefined || s.const !== undefined) {
    // A query string of 100 KB would not reach the API at all (a request's head is limited to 16 KB); 1,000 characters do.
    const longest = options.query ? 1000 : 100_000;
    const over = (s.maxLength ?? 64) + 1;
    if (over <= longest) {
      const long = fc.tuple(fc.oneof(fc.integer({ min: over, max: over + 10 }), fc.integer({ min: over, max: longest })), fc.constantFrom('x', '字', '路 1'));
      // Never a space at either end, which a trimmed text would lose.
      out.push(long.map(([n, c]) => `${c.repeat(Math.ceil(n / c.length))}`.slice(0, n).replace(/ $/, 'x')).map(mutant('too long')));
    }
    if ((s.minLength ?? 0) > 0) out.push(fc.string({ unit: typed, maxLength: s.minLength! - 1 }).map(mutant('too short')));
    if (s.pattern !== undefined || s.enum !== undefined || s.const !== undefined) out.push(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(mutant('out of its form')));
    // In the middle, where no trimming reaches it. A query string is UTF-8: half a surrogate pair arrives as U+FFFD.
    const hidden = options.query ? hostileCharacters.filter((c) => !/[\ud800-\udfff]/.test(c)) : hostileCharacters;
    out.push(fc.tuple(valid.map(String), fc.constantFrom(...hidden), fc.nat()).map(([v, c, n]) => {
      const core = v.length >= 2 ? v : `x${v}x`;
      const i = 1 + (n % (core.length - 1));
      return { value: core.slice(0, i) + c + core.slice(i), path: [], how: `with U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
    }));
  }
  if (s.type === 'integer' || s.type === 'number') {
    const { min, max } = boundsOf(s);
    const spell = (n: number) => (options.query ? String(n) : n);
    const out_of_range = fc.oneof(
      fc.constantFrom(min - 1, max + 1, -1, 0, -1e308, 1e308, 2 ** 53 + 2, -(2 ** 53) - 2),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    out.push(out_of_range.map((n) => ({ value: spell(n), path: [], how: 'out of range' })));
    if (s.type === 'integer') out.push(fc.integer({ min: -1000, max: 1000 }).map((n) => ({ value: spell(n + 0.5), path: [], how: 'not a whole number' })));
  }
  return out;
}

/** Valid values with fields the schema does not name added (a schema that is not strict ignores them). */
export function withUnknownFields(schema: JsonSchema, options: DeriveOptions = {}): fc.Arbitrary<unknown> {
  const named = new Set([schema, ...(branchesOf(schema) ?? [])].flatMap((s) => Object.keys(s.properties ?? {})));
  const unknown = junkKey.filter((key) => !named.has(key));
  return fc.tuple(validValue(schema, options), fc.dictionary(unknown, options.query ? fc.string({ maxLength: 20 }) : anyJson, { minKeys: 1, maxKeys: 4, noNullPrototype: true })).map(([v, extra]) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const value: Record<string, unknown> = { ...v };
    for (const [key, junk] of Object.entries(extra)) if (!Object.hasOwn(value, key)) Object.defineProperty(value, key, { value: junk, enumerable: true, configurable: true, writable: true });
    return value;
  });
}

/** Bodies that are not JSON at all. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{"broken', '{', '}', "{'single': 'quotes'}", '{"a":1,}', 'undefined', 'NaN', '<ticket/>', 'title=a&b=c', '\ufeff{"a":1', '{"a":1}{"b":2}', '--boundary\r\n'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => !isJson(s)),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => `{"title":"${'x'.repeat(n)}`),
);

/** JSON whose top is not an object. */
export const jsonNotObject: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', '0', '-1', '1e400', '""', '"{}"', '[]', '[{}]', '[null]'),
  fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
);

/** True when the text parses as JSON. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an answer's issues point at the field a mutant broke: one names it, a field inside it (a dropped object's
 * first field), or a field holding it (a union that matched no branch). A broken body may be named by any field.
 */
export function namesField(issuePaths: readonly string[], broken: Path): boolean {
  const path = pathText(broken);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return issuePaths.some((named) => path === '(body)' || within(path, named) || within(named, path));
}

/** The paths a zod error names, an unknown key by its own name (as `parseQuery` answers it). */
export function issuePaths(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [pathText(issue.path as Path)]));
}

/** `location.streetId`, `members[2].role`: a path as the API's issues write it. */
export function pathText(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(body)' : out;
}
