// JSONPath Choice rules: comparison operators, their ...Path forms, type tests, And/Or/Not.
import { isJsonObject, type Json, type JsonObject } from '../json.js';
import { StatesRuntimeError } from '../errors/states-errors.js';
import type { EvalScope } from '../query/evaluator.js';
import { selectInScope } from '../query/jsonpath-evaluator.js';
import { timestampMillis } from './timestamps.js';

type Comparator = (left: Json, right: Json) => boolean;

const str = (f: (a: string, b: string) => boolean): Comparator => (a, b) => typeof a === 'string' && typeof b === 'string' && f(a, b);
const num = (f: (a: number, b: number) => boolean): Comparator => (a, b) => typeof a === 'number' && typeof b === 'number' && f(a, b);
const ts = (f: (a: number, b: number) => boolean): Comparator => (a, b) => {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ta = timestampMillis(a);
  const tb = timestampMillis(b);
  return ta !== undefined && tb !== undefined && f(ta, tb);
};

const COMPARATORS: Record<string, Comparator> = {
  StringEquals: str((a, b) => a === b),
  StringLessThan: str((a, b) => a < b),
  StringGreaterThan: str((a, b) => a > b),
  StringLessThanEquals: str((a, b) => a <= b),
  StringGreaterThanEquals: str((a, b) => a >= b),
  StringMatches: str((a, pattern) => wildcardToRegExp(pattern).test(a)),
  NumericEquals: num((a, b) => a === b),
  NumericLessThan: num((a, b) => a < b),
  NumericGreaterThan: num((a, b) => a > b),
  NumericLessThanEquals: num((a, b) => a <= b),
  NumericGreaterThanEquals: num((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && typeof b === 'boolean' && a === b,
  TimestampEquals: ts((a, b) => a === b),
  TimestampLessThan: ts((a, b) => a < b),
  TimestampGreaterThan: ts((a, b) => a > b),
  TimestampLessThanEquals: ts((a, b) => a <= b),
  TimestampGreaterThanEquals: ts((a, b) => a >= b),
};

const TYPE_TESTS: Record<string, (v: Json) => boolean> = {
  IsNull: (v) => v === null,
  IsNumeric: (v) => typeof v === 'number',
  IsString: (v) => typeof v === 'string',
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => typeof v === 'string' && timestampMillis(v) !== undefined,
};

/** All operator names a rule may use (for definition validation). */
export const CHOICE_OPERATORS = [
  ...Object.keys(COMPARATORS),
  ...Object.keys(COMPARATORS).filter((k) => k !== 'StringMatches').map((k) => `${k}Path`),
  ...Object.keys(TYPE_TESTS),
  'IsPresent',
];

/** `*` matches any run of characters; `\*` and `\\` are literal. */
export function wildcardToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[i + 1] as string);
      i += 1;
    } else if (ch === '*') out += '[\\s\\S]*';
    else out += escapeRegExp(ch);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function invalidPath(path: string): StatesRuntimeError {
  return new StatesRuntimeError(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
}

type CompiledRule = (scope: EvalScope) => boolean;

// A rule's operator is found once per rule object, not on every evaluation of every execution.
const compiledRules = new WeakMap<JsonObject, CompiledRule>();

/** Evaluates one rule (top-level or nested) against the effective input. */
export function evaluateRule(rule: JsonObject, scope: EvalScope): boolean {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    compiled = compileRule(rule);
    compiledRules.set(rule, compiled);
  }
  return compiled(scope);
}

function compileRule(rule: JsonObject): CompiledRule {
  if (Array.isArray(rule.And)) {
    const parts = rule.And;
    return (scope) => parts.every((r) => isJsonObject(r) && evaluateRule(r, scope));
  }
  if (Array.isArray(rule.Or)) {
    const parts = rule.Or;
    return (scope) => parts.some((r) => isJsonObject(r) && evaluateRule(r, scope));
  }
  if (isJsonObject(rule.Not)) {
    const inner = rule.Not;
    return (scope) => !evaluateRule(inner, scope);
  }
  const variable = String(rule.Variable);
  if ('IsPresent' in rule) {
    const wanted = rule.IsPresent === true;
    return (scope) => selectInScope(variable, scope).found === wanted;
  }
  for (const [op, test] of Object.entries(TYPE_TESTS)) {
    if (op in rule) {
      const wanted = rule[op] === true;
      return (scope) => {
        const selected = selectInScope(variable, scope);
        return selected.found && test(selected.value) === wanted;
      };
    }
  }
  for (const [op, compare] of Object.entries(COMPARATORS)) {
    if (op in rule) {
      const expected = rule[op] as Json;
      return (scope) => {
        const selected = selectInScope(variable, scope);
        if (!selected.found) throw invalidPath(variable);
        return compare(selected.value, expected);
      };
    }
    const pathOp = `${op}Path`;
    if (pathOp in rule) {
      const otherPath = String(rule[pathOp]);
      return (scope) => {
        const selected = selectInScope(variable, scope);
        if (!selected.found) throw invalidPath(variable);
        const other = selectInScope(otherPath, scope);
        if (!other.found) throw invalidPath(otherPath);
        return compare(selected.value, other.value);
      };
    }
  }
  return () => {
    throw new StatesRuntimeError(`Choice rule has no supported comparison operator: ${JSON.stringify(rule)}`);
  };
}
