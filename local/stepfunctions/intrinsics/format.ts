// Formatting intrinsic: States.Format, which prints values the way the AWS (Java) runtime does.
import { isJsonObject, type Json } from '../json.js';
import { StatesIntrinsicFailureError } from '../errors/states-errors.js';
import { stringArg, type IntrinsicFunction } from './function-types.js';

export const formatFunctions: Record<string, IntrinsicFunction> = {
  'States.Format': (args) => {
    if (args.length < 1) throw new StatesIntrinsicFailureError('Invalid arguments in States.Format: a template is required.');
    const template = stringArg('States.Format', args, 0);
    const values = args.slice(1);
    let out = '';
    let used = 0;
    for (let i = 0; i < template.length; i += 1) {
      const ch = template[i] as string;
      if (ch === '\\' && (template[i + 1] === '{' || template[i + 1] === '}')) {
        out += template[i + 1];
        i += 1;
      } else if (ch === '{' && template[i + 1] === '}') {
        if (used >= values.length) throw mismatch();
        out += formatValue(values[used] as Json);
        used += 1;
        i += 1;
      } else out += ch;
    }
    if (used !== values.length) throw mismatch();
    return out;
  },
};

function mismatch(): StatesIntrinsicFailureError {
  return new StatesIntrinsicFailureError(
    'Invalid arguments in States.Format: the number of arguments does not match the number of placeholders.',
  );
}

/** Java-style rendering: objects as `{k=v, ...}`, arrays as `[a, b]`, strings bare. */
export function formatValue(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}
