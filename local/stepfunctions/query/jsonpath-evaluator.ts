// JSONPath query language: path selection over input / context / variables, payload templates, intrinsics.
import { isJsonObject, toJsonText, type Json, type JsonObject } from '../json.js';
import { StatesError, StatesIntrinsicFailureError, StatesRuntimeError } from '../errors/states-errors.js';
import { findIntrinsic } from '../intrinsics/registry.js';
import type { IntrinsicContext } from '../intrinsics/function-types.js';
import { IntrinsicSyntaxError, looksLikeIntrinsic, parseIntrinsic, type IntrinsicCall } from '../intrinsics/parser.js';
import { JsonPathSyntaxError, selectPath, type Selection } from './jsonpath.js';
import type { EvalScope, Evaluator } from './evaluator.js';

const VARIABLE_PATH = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/s;

/** Selects a JSONPath against the scope: `$...` input, `$$...` context, `$name...` a variable. */
export function selectInScope(path: string, scope: EvalScope): Selection {
  const trimmed = path.trim();
  try {
    if (trimmed.startsWith('$$')) return selectPath(scope.context, trimmed.slice(2));
    const v = VARIABLE_PATH.exec(trimmed);
    if (v) {
      const name = v[1] as string;
      if (!Object.prototype.hasOwnProperty.call(scope.variables, name)) return { found: false };
      return selectPath(scope.variables[name] as Json, v[2] ?? '');
    }
    if (trimmed.startsWith('$')) return selectPath(scope.input, trimmed.slice(1));
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw new StatesRuntimeError(`Invalid JSONPath '${path}': ${e.message}`);
    throw e;
  }
  throw new StatesRuntimeError(`Invalid JSONPath '${path}'`);
}

export class JsonPathEvaluator implements Evaluator {
  readonly language = 'JSONPath' as const;

  constructor(private readonly intrinsics: IntrinsicContext) {}

  async template(value: Json, scope: EvalScope, _field: string): Promise<Json> {
    return this.resolve(value, scope);
  }

  async value(expr: Json, scope: EvalScope, field: string): Promise<Json | undefined> {
    if (typeof expr !== 'string') return expr;
    if (looksLikeIntrinsic(expr)) return this.runIntrinsic(expr, scope, field);
    const sel = selectInScope(expr, scope);
    return sel.found ? sel.value : undefined;
  }

  /** Resolves `key.$` entries recursively; plain values are copied as they are. */
  private resolve(value: Json, scope: EvalScope): Json {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, scope));
    if (!isJsonObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.endsWith('.$')) {
        const name = key.slice(0, -2);
        if (typeof v !== 'string') throw new StatesRuntimeError(`The value for the field '${key}' must be a STRING`);
        out[name] = this.resolveDynamic(v, key, scope);
      } else {
        out[key] = this.resolve(v, scope);
      }
    }
    return out;
  }

  private resolveDynamic(expr: string, key: string, scope: EvalScope): Json {
    if (looksLikeIntrinsic(expr)) return this.runIntrinsic(expr, scope, key);
    const sel = selectInScope(expr, scope);
    if (!sel.found) {
      throw new StatesRuntimeError(
        `The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${toJsonText(scope.input)}'`,
      );
    }
    return sel.value;
  }

  /** Parses and runs an intrinsic expression such as `States.Format('{}', $.a)`. */
  runIntrinsic(expr: string, scope: EvalScope, field: string): Json {
    let call: IntrinsicCall;
    try {
      call = parseIntrinsic(expr);
    } catch (e) {
      if (e instanceof IntrinsicSyntaxError) throw new StatesIntrinsicFailureError(`Invalid intrinsic function '${expr}': ${e.message}`);
      throw e;
    }
    return this.call(call, scope, field);
  }

  private call(call: IntrinsicCall, scope: EvalScope, field: string): Json {
    const fn = findIntrinsic(call.name);
    if (!fn) throw new StatesIntrinsicFailureError(`Unknown intrinsic function '${call.name}'`);
    const args = call.args.map((a): Json => {
      if (a.kind === 'literal') return a.value;
      if (a.kind === 'call') return this.call(a.call, scope, field);
      const sel = selectInScope(a.path, scope);
      if (!sel.found) {
        throw new StatesRuntimeError(
          `The JsonPath argument '${a.path}' of the intrinsic function '${call.name}' specified for the field '${field}' could not be found in the input '${toJsonText(scope.input)}'`,
        );
      }
      return sel.value;
    });
    try {
      return fn(args, this.intrinsics);
    } catch (e) {
      if (e instanceof StatesError) throw e;
      throw new StatesIntrinsicFailureError(`${call.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
