// Identifier intrinsics: States.UUID.
import { expectArity, type IntrinsicFunction } from './function-types.js';

export const uuidFunctions: Record<string, IntrinsicFunction> = {
  'States.UUID': (args, ctx) => {
    expectArity('States.UUID', args, 0);
    return ctx.uuid();
  },
};
