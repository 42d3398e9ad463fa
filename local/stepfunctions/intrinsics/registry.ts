// Looks intrinsic functions up by name across the per-family modules.
import { arrayFunctions } from './array.js';
import { formatFunctions } from './format.js';
import type { IntrinsicFunction } from './function-types.js';
import { hashEncodingFunctions } from './hash-encoding.js';
import { jsonFunctions } from './json.js';
import { mathFunctions } from './math.js';
import { stringFunctions } from './string.js';
import { uuidFunctions } from './uuid.js';

const registry: Record<string, IntrinsicFunction> = {
  ...arrayFunctions,
  ...formatFunctions,
  ...hashEncodingFunctions,
  ...jsonFunctions,
  ...mathFunctions,
  ...stringFunctions,
  ...uuidFunctions,
};

/** The implementation of `States.<name>`, if the function exists. */
export function findIntrinsic(name: string): IntrinsicFunction | undefined {
  return Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
}
