// Wait state: computes its wake-up time; the executor turns it into a persisted timer.
import type { Json } from '../json.js';
import { StatesQueryEvaluationError, StatesRuntimeError } from '../errors/states-errors.js';
import type { StateDefinition } from '../model.js';
import { jsonataExpression } from '../query/jsonata-evaluator.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';
import { parseTimestamp } from './timestamps.js';

/** The longest wait AWS documents: `Seconds` is an integer from 0 to 99999999. */
export const MAX_WAIT_SECONDS = 99_999_999;

/** AWS waits until a timestamp's whole second: the Wait state truncates milliseconds (documented behaviour). */
function wholeSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

export const waitState: StateModule = {
  async execute(state: StateDefinition, _input: Json, ctx: StateContext): Promise<StepOutcome> {
    const jsonata = ctx.evaluator.language === 'JSONata';
    if (state.Seconds !== undefined) {
      const seconds = await ctx.evaluator.value(state.Seconds, ctx.scope, 'Seconds');
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS) {
        const expr = jsonataExpression(state.Seconds) ?? String(state.Seconds);
        if (jsonata && (typeof seconds !== 'number' || !Number.isInteger(seconds))) {
          throw new StatesQueryEvaluationError(
            `The JSONata expression '${expr}' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was '${typeof seconds}' for value: ${JSON.stringify(seconds ?? null)}`,
          );
        }
        if (jsonata) {
          throw new StatesQueryEvaluationError(`The JSONata expression '${expr}' specified for the field 'Seconds' returned ${seconds}, outside the range 0 to ${MAX_WAIT_SECONDS}`);
        }
        throw new StatesRuntimeError(`The Seconds parameter must be an integer from 0 to ${MAX_WAIT_SECONDS}: ${JSON.stringify(seconds ?? null)}`);
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
      if (seconds > MAX_WAIT_SECONDS) {
        throw new StatesRuntimeError(`The SecondsPath parameter references a value above the maximum of ${MAX_WAIT_SECONDS} seconds: ${path} == ${seconds}`);
      }
      return { kind: 'wait', until: new Date(ctx.now.getTime() + seconds * 1000) };
    }
    if (state.Timestamp !== undefined) {
      // Under JSONPath, Timestamp is always a literal (TimestampPath is the path form): evaluating it as one
      // would read the date as an invalid JSONPath. JSONata may compute it with a `{% %}` expression.
      const value = jsonata ? await ctx.evaluator.value(state.Timestamp, ctx.scope, 'Timestamp') : state.Timestamp;
      const at = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (!at && jsonata) {
        // A JSONata expression that yields no RFC 3339 string fails as a query evaluation, like any other wrong result.
        const expr = jsonataExpression(state.Timestamp) ?? String(state.Timestamp);
        throw new StatesQueryEvaluationError(
          typeof value === 'string'
            ? `The JSONata expression '${expr}' specified for the field 'Timestamp' returned '${value}', which is not an RFC 3339 timestamp (e.g. 2024-08-18T17:33:00Z)`
            : `The JSONata expression '${expr}' specified for the field 'Timestamp' returned an unexpected result type. Expected 'string', but was '${value === null ? 'null' : typeof value}' for value: ${JSON.stringify(value ?? null)}`,
        );
      }
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
