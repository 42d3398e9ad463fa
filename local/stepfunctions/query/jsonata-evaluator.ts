// JSONata query language: evaluates `{% %}` expressions with `$states` and variables bound, plus AWS's extra functions.
import { createHash } from 'node:crypto';
import jsonata from 'jsonata';
import { isJsonObject, jsonTypeName, type Json, type JsonObject } from '../json.js';
import { StatesQueryEvaluationError } from '../errors/states-errors.js';
import type { IntrinsicContext } from '../intrinsics/function-types.js';
import { seededRandom } from '../intrinsics/math.js';
import type { EvalScope, Evaluator } from './evaluator.js';

const EXPRESSION = /^\{%([\s\S]*)%\}$/;

/** The inner text of a `{% ... %}` string, or undefined for a plain value. */
export function jsonataExpression(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = EXPRESSION.exec(value);
  return m ? (m[1] as string).trim() : undefined;
}

type Compiled = ReturnType<typeof jsonata>;

export class JsonataEvaluator implements Evaluator {
  readonly language = 'JSONata' as const;
  private readonly compiled = new Map<string, Compiled>();
  private readonly functions: Record<string, unknown>;

  constructor(intrinsics: IntrinsicContext) {
    this.functions = awsFunctions(intrinsics);
  }

  async template(value: Json, scope: EvalScope, field: string): Promise<Json> {
    if (Array.isArray(value)) {
      const out: Json[] = [];
      for (let i = 0; i < value.length; i += 1) out.push(await this.template(value[i] as Json, scope, `${field}/${i}`));
      return out;
    }
    if (isJsonObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = await this.template(v, scope, `${field}/${k}`);
      return out;
    }
    const expr = jsonataExpression(value);
    if (expr === undefined) return value;
    const result = await this.evaluate(expr, scope, field);
    if (result === undefined) {
      throw new StatesQueryEvaluationError(
        `The JSONata expression '${expr}' specified for the field '${field}' returned nothing (undefined).`,
      );
    }
    return result;
  }

  async value(expr: Json, scope: EvalScope, field: string): Promise<Json | undefined> {
    const inner = jsonataExpression(expr);
    if (inner === undefined) return this.template(expr, scope, field);
    return this.evaluate(inner, scope, field);
  }

  /** Runs one expression; the result is normalised to plain JSON (undefined when nothing is returned). */
  async evaluate(expr: string, scope: EvalScope, field: string): Promise<Json | undefined> {
    let compiled = this.compiled.get(expr);
    if (!compiled) {
      try {
        compiled = jsonata(expr);
      } catch (e) {
        throw new StatesQueryEvaluationError(
          `The JSONata expression '${expr}' specified for the field '${field}' is invalid: ${errorText(e)}`,
        );
      }
      if (this.compiled.size > 5000) this.compiled.clear();
      this.compiled.set(expr, compiled);
    }
    const states: JsonObject = { input: scope.input, context: scope.context };
    if (scope.result !== undefined) states.result = scope.result;
    if (scope.errorOutput !== undefined) states.errorOutput = scope.errorOutput;
    let raw: unknown;
    try {
      raw = await compiled.evaluate(scope.input, { ...scope.variables, ...this.functions, states });
    } catch (e) {
      throw new StatesQueryEvaluationError(
        `An error occurred while evaluating the JSONata expression '${expr}' specified for the field '${field}': ${errorText(e)}`,
      );
    }
    return toJson(raw, expr, field);
  }
}

/** Throws AWS's type error when a JSONata field returned the wrong kind of value. */
export function expectJsonataType(value: Json | undefined, expected: string, expr: string, field: string): void {
  const actual = value === undefined ? 'undefined' : jsonTypeName(value);
  if (actual !== expected) {
    throw new StatesQueryEvaluationError(
      `The JSONata expression '${expr}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${actual}' for value: ${JSON.stringify(value ?? null)}`,
    );
  }
}

function errorText(e: unknown): string {
  if (isJsonObject(e as Json) || e instanceof Error) {
    const err = e as { message?: unknown; code?: unknown };
    return typeof err.message === 'string' ? err.message : String(err.code);
  }
  return String(e);
}

function toJson(raw: unknown, expr: string, field: string): Json | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'number' && !Number.isFinite(raw)) {
    throw new StatesQueryEvaluationError(`The JSONata expression '${expr}' specified for the field '${field}' returned a non-finite number.`);
  }
  // A function (a JSONata lambda or a built-in) is no JSON value: the expression's result is of a type a state cannot take.
  if (typeof raw === 'function' || isLambda(raw)) {
    throw new StatesQueryEvaluationError(`The JSONata expression '${expr}' specified for the field '${field}' returned an unexpected result type. Expected a JSON value, but was 'function'`);
  }
  try {
    // JSONata sequences are arrays carrying extra flags; a JSON round trip yields plain data.
    return JSON.parse(JSON.stringify(raw, (_key, value: unknown) => {
      if (isLambda(value) || typeof value === 'function') throw FUNCTION_INSIDE;
      return value;
    })) as Json;
  } catch (e) {
    if (e !== FUNCTION_INSIDE) throw e;
    throw new StatesQueryEvaluationError(`The JSONata expression '${expr}' specified for the field '${field}' returned a value holding a function, which is not JSON`);
  }
}

// Thrown from inside JSON.stringify to stop at the first function found in a result.
const FUNCTION_INSIDE = new Error('a function inside the result');

/** A JSONata lambda or bound native function, as the library represents them: objects marked `_jsonata_*`. */
function isLambda(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('_jsonata_lambda' in value || '_jsonata_function' in value);
}

/** The functions AWS adds to JSONata: $partition, $range, $hash, $random (optionally seeded), $uuid, $parse. */
function awsFunctions(ctx: IntrinsicContext): Record<string, unknown> {
  return {
    partition: (arr: unknown, size: unknown) => {
      if (!Array.isArray(arr) || typeof size !== 'number' || size <= 0) throw new Error('$partition expects an array and a positive size');
      const out: unknown[] = [];
      for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
      return out;
    },
    range: (start: unknown, end: unknown, step: unknown) => {
      if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number' || step === 0) {
        throw new Error('$range expects numbers and a non-zero step');
      }
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) out.push(v);
      return out;
    },
    hash: (data: unknown, algorithm: unknown) => {
      const algos: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
      const algo = typeof algorithm === 'string' ? algos[algorithm] : undefined;
      if (typeof data !== 'string' || !algo) throw new Error('$hash expects a string and a supported algorithm');
      return createHash(algo).update(data, 'utf8').digest('hex');
    },
    // AWS's $random takes an optional seed: the same seed gives the same number.
    random: (seed?: unknown) => {
      if (seed === undefined) return ctx.random();
      if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new Error('$random expects an integer seed');
      return seededRandom(seed);
    },
    uuid: () => ctx.uuid(),
    parse: (text: unknown) => {
      if (typeof text !== 'string') throw new Error('$parse expects a string');
      return JSON.parse(text) as unknown;
    },
  };
}
