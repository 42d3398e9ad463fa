// Wait state: computes its wake-up time; the executor turns it into a persisted timer.
import type { Json } from '../json.js';
import { StatesQueryEvaluationError, StatesRuntimeError } from '../errors/states-errors.js';
import type { StateDefinition } from '../model.js';
import { jsonataExpression } from '../query/jsonata-evaluator.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';
import { parseTimestamp } from './timestamps.js';

/** AWS waits until a timestamp's whole second: the Wait state truncates milliseconds (documented behaviour). */
function wholeSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

export const waitState: StateModule = {
  async execute(state: StateDefinition, _input: Json, ctx: StateContext): Promise<StepOutcome> {
    const jsonata = ctx.evaluator.language === 'JSONata';
    if (state.Seconds !== undefined) {
      const seconds = await ctx.evaluator.value(state.Seconds, ctx.scope, 'Seconds');
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        const expr = jsonataExpression(state.Seconds) ?? String(state.Seconds);
        if (jsonata) {
          throw new StatesQueryEvaluationError(
            `The JSONata expression '${expr}' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was '${typeof seconds}' for value: ${JSON.stringify(seconds ?? null)}`,
          );
        }
        throw new StatesRuntimeError(`The Seconds parameter must be a non-negative integer: ${JSON.stringify(seconds ?? null)}`);
      }
      return { kind: 'wait', until: new Date(ctx.now.getTime() + seconds * 1000) };
    }
    if (state.SecondsPath !== undefined) {
      const path = String(state.SecondsPath);
      const seconds = await ctx.evaluator.value(path, ctx.scope, 'SecondsPath');
      if (seconds === undefined) throw new StatesRuntimeError(`The SecondsPath parameter does not reference an input value: ${path}`);
      if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
        throw new StatesRuntimeError(`The SecondsPath parameter cannot be parsed as a long value: ${path} == ${JSON.stringify(seconds)}`);
      }
      if (seconds < 0) throw new StatesRuntimeError(`The SecondsPath parameter references a negative value: ${path} == ${seconds}`);
      return { kind: 'wait', until: new Date(ctx.now.getTime() + seconds * 1000) };
    }
    if (state.Timestamp !== undefined) {
      // Under JSONPath, Timestamp is always a literal (TimestampPath is the path form): evaluating it as one
      // would read the date as an invalid JSONPath. JSONata may compute it with a `{% %}` expression.
      const value = jsonata ? await ctx.evaluator.value(state.Timestamp, ctx.scope, 'Timestamp') : state.Timestamp;
      const at = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (!at) {
        throw new StatesRuntimeError(
          `The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: ${String(state.Timestamp)} == ${typeof value === 'string' ? value : JSON.stringify(value ?? null)}`,
        );
      }
      return { kind: 'wait', until: wholeSecond(at) };
    }
    if (state.TimestampPath !== undefined) {
      const path = String(state.TimestampPath);
      const value = await ctx.evaluator.value(path, ctx.scope, 'TimestampPath');
      if (value === undefined) throw new StatesRuntimeError(`The TimestampPath parameter does not reference an input value: ${path}`);
      const at = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (!at) {
        throw new StatesRuntimeError(
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${typeof value === 'string' ? value : JSON.stringify(value)}`,
        );
      }
      return { kind: 'wait', until: wholeSecond(at) };
    }
    return { kind: 'wait', until: ctx.now };
  },
};
