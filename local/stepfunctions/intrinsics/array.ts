// Array intrinsics: States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique.
import { jsonEquals, type Json } from '../json.js';
import { StatesIntrinsicFailureError } from '../errors/states-errors.js';
import { arrayArg, expectArity, integerArg, type IntrinsicFunction } from './function-types.js';

const MAX_RANGE_ITEMS = 1000;

export const arrayFunctions: Record<string, IntrinsicFunction> = {
  'States.Array': (args) => [...args],

  'States.ArrayPartition': (args) => {
    expectArity('States.ArrayPartition', args, 2);
    const arr = arrayArg('States.ArrayPartition', args, 0);
    const size = integerArg('States.ArrayPartition', args, 1);
    if (size <= 0) throw new StatesIntrinsicFailureError('Invalid arguments in States.ArrayPartition: chunk size must be greater than 0.');
    const out: Json[] = [];
    for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
    return out;
  },

  'States.ArrayContains': (args) => {
    expectArity('States.ArrayContains', args, 2);
    const arr = arrayArg('States.ArrayContains', args, 0);
    return arr.some((v) => jsonEquals(v, args[1]));
  },

  'States.ArrayRange': (args) => {
    expectArity('States.ArrayRange', args, 3);
    const start = integerArg('States.ArrayRange', args, 0);
    const end = integerArg('States.ArrayRange', args, 1);
    const step = integerArg('States.ArrayRange', args, 2);
    if (step === 0) throw new StatesIntrinsicFailureError('Invalid arguments in States.ArrayRange: step cannot be 0.');
    const out: number[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.push(v);
      if (out.length > MAX_RANGE_ITEMS) {
        throw new StatesIntrinsicFailureError(
          `Invalid arguments in States.ArrayRange: the resulting array cannot have more than ${MAX_RANGE_ITEMS} items.`,
        );
      }
    }
    return out;
  },

  'States.ArrayGetItem': (args) => {
    expectArity('States.ArrayGetItem', args, 2);
    const arr = arrayArg('States.ArrayGetItem', args, 0);
    const index = integerArg('States.ArrayGetItem', args, 1);
    const v = arr[index];
    if (index < 0 || v === undefined) {
      throw new StatesIntrinsicFailureError(`Invalid arguments in States.ArrayGetItem: index ${index} is out of bounds.`);
    }
    return v;
  },

  'States.ArrayLength': (args) => {
    expectArity('States.ArrayLength', args, 1);
    return arrayArg('States.ArrayLength', args, 0).length;
  },

  'States.ArrayUnique': (args) => {
    expectArity('States.ArrayUnique', args, 1);
    const out: Json[] = [];
    for (const v of arrayArg('States.ArrayUnique', args, 0)) if (!out.some((o) => jsonEquals(o, v))) out.push(v);
    return out;
  },
};
