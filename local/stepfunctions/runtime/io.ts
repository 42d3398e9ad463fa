// JSONPath input/output processing: InputPath, ResultPath and OutputPath (Parameters/ResultSelector are templates).
import { isJsonObject, toJsonText, type Json } from '../json.js';
import { StatesResultPathMatchFailureError, StatesRuntimeError } from '../errors/states-errors.js';
import type { EvalScope } from '../query/evaluator.js';
import { bracketNotation, writePath } from '../query/jsonpath.js';
import { selectInScope } from '../query/jsonpath-evaluator.js';

/** Selects `path` (InputPath / OutputPath semantics): absent = everything, null = `{}`. */
export function applyFilterPath(path: Json | undefined, value: Json, scope: EvalScope): Json {
  if (path === undefined) return value;
  if (path === null) return {};
  const text = String(path);
  const sel = selectInScope(text, { ...scope, input: value });
  if (!sel.found) {
    const tail = text.startsWith('$') ? text.slice(1) : text;
    throw new StatesRuntimeError(`Invalid path '${text}' : No results for path: ${bracketNotation(tail)}`);
  }
  return sel.value;
}

/** Merges a result into the raw state input: absent = the result, null = the input unchanged. */
export function applyResultPath(path: Json | undefined, rawInput: Json, result: Json): Json {
  if (path === undefined) return result;
  if (path === null) return rawInput;
  const text = String(path);
  if (text === '$') return result;
  if (!text.startsWith('$') || text.startsWith('$$')) {
    throw new StatesRuntimeError(`Invalid ResultPath '${text}'`);
  }
  if (!isJsonObject(rawInput) && !Array.isArray(rawInput)) {
    throw new StatesResultPathMatchFailureError(`Unable to apply ResultPath "${text}" to input ${toJsonText(rawInput)}`);
  }
  try {
    return writePath(rawInput, text.slice(1), result);
  } catch {
    throw new StatesResultPathMatchFailureError(`Unable to apply ResultPath "${text}" to input ${toJsonText(rawInput)}`);
  }
}
