// Math intrinsics: States.MathAdd, States.MathRandom.
import { expectArity, integerArg, numberArg, type IntrinsicFunction } from './function-types.js';

export const mathFunctions: Record<string, IntrinsicFunction> = {
  'States.MathAdd': (args) => {
    expectArity('States.MathAdd', args, 2);
    // AWS rounds non-integer arguments to the nearest integer first (Java Math.round, as JS Math.round).
    const sum = Math.round(numberArg('States.MathAdd', args, 0)) + Math.round(numberArg('States.MathAdd', args, 1));
    return Object.is(sum, -0) ? 0 : sum;
  },

  'States.MathRandom': (args, ctx) => {
    expectArity('States.MathRandom', args, 2, 3);
    const start = integerArg('States.MathRandom', args, 0);
    const end = integerArg('States.MathRandom', args, 1);
    const r = args.length === 3 ? seededRandom(integerArg('States.MathRandom', args, 2)) : ctx.random();
    return start + Math.floor(r * (end - start));
  },
};

/** A deterministic number in [0, 1) from a seed (mulberry32 step), for the seeded forms (here and JSONata's $random). */
export function seededRandom(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
