// Shared shape of intrinsic functions and their argument checks.
import type { Json } from '../json.js';
import { jsonTypeName } from '../json.js';
import { StatesIntrinsicFailureError } from '../errors/states-errors.js';

export interface IntrinsicContext {
  /** Uniform random number in [0, 1): injected so tests are deterministic. */
  random(): number;
  uuid(): string;
}

export type IntrinsicFunction = (args: Json[], ctx: IntrinsicContext) => Json;

/** Fails the way AWS does when a function receives the wrong number of arguments. */
export function expectArity(name: string, args: Json[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw new StatesIntrinsicFailureError(
      `Invalid arguments in ${name}: expected ${want} argument(s) but received ${args.length}.`,
    );
  }
}

/** Reads argument `i` as a string, or fails with an IntrinsicFailure. */
export function stringArg(name: string, args: Json[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw typeError(name, i, 'string', v);
  return v;
}

/** Reads argument `i` as a number, or fails with an IntrinsicFailure. */
export function numberArg(name: string, args: Json[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number') throw typeError(name, i, 'number', v);
  return v;
}

/** Reads argument `i` as an integer (a whole number in JSON), or fails. */
export function integerArg(name: string, args: Json[], i: number): number {
  const v = numberArg(name, args, i);
  if (!Number.isInteger(v)) throw typeError(name, i, 'integer', v);
  return v;
}

/** Reads argument `i` as an array, or fails with an IntrinsicFailure. */
export function arrayArg(name: string, args: Json[], i: number): Json[] {
  const v = args[i];
  if (!Array.isArray(v)) throw typeError(name, i, 'array', v);
  return v;
}

function typeError(name: string, i: number, want: string, got: Json | undefined): StatesIntrinsicFailureError {
  return new StatesIntrinsicFailureError(
    `Invalid arguments in ${name}: argument ${i + 1} must be of type ${want} but was ${jsonTypeName(got)}.`,
  );
}
