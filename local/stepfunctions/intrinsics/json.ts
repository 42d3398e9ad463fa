// JSON intrinsics: States.StringToJson, States.JsonToString, States.JsonMerge.
import { isJsonObject, type Json } from '../json.js';
import { StatesIntrinsicFailureError } from '../errors/states-errors.js';
import { expectArity, stringArg, type IntrinsicFunction } from './function-types.js';

export const jsonFunctions: Record<string, IntrinsicFunction> = {
  'States.StringToJson': (args) => {
    expectArity('States.StringToJson', args, 1);
    const text = stringArg('States.StringToJson', args, 0);
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new StatesIntrinsicFailureError(`Invalid arguments in States.StringToJson: cannot parse '${text}' as JSON.`);
    }
  },

  'States.JsonToString': (args) => {
    expectArity('States.JsonToString', args, 1);
    return JSON.stringify(args[0]);
  },

  'States.JsonMerge': (args) => {
    expectArity('States.JsonMerge', args, 3);
    const [a, b, deep] = args;
    if (!isJsonObject(a) || !isJsonObject(b)) {
      throw new StatesIntrinsicFailureError('Invalid arguments in States.JsonMerge: the first two arguments must be JSON objects.');
    }
    if (typeof deep !== 'boolean') {
      throw new StatesIntrinsicFailureError('Invalid arguments in States.JsonMerge: the third argument must be a boolean.');
    }
    return deep ? deepMerge(a, b) : { ...a, ...b };
  },
};

function deepMerge(a: Json, b: Json): Json {
  if (!isJsonObject(a) || !isJsonObject(b)) return b;
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k] as Json, v) : v;
  return out;
}
