// Fail state: stops its branch with an error and cause (literal, by path/intrinsic, or JSONata).
import type { Json } from '../json.js';
import { StatesRuntimeError, TaskError } from '../errors/states-errors.js';
import type { StateDefinition } from '../model.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';

async function textField(state: StateDefinition, field: 'Error' | 'Cause', ctx: StateContext): Promise<string | undefined> {
  const pathExpr = state[`${field}Path`];
  if (pathExpr !== undefined) {
    const v = await ctx.evaluator.value(pathExpr, ctx.scope, `${field}Path`);
    if (typeof v !== 'string') {
      throw new StatesRuntimeError(
        `The ${field}Path parameter does not reference a valid string: ${String(pathExpr)} == ${JSON.stringify(v ?? null)}`,
      );
    }
    return v;
  }
  const literal = state[field];
  if (literal === undefined) return undefined;
  if (ctx.evaluator.language === 'JSONPath') return typeof literal === 'string' ? literal : JSON.stringify(literal);
  const v = await ctx.evaluator.value(literal, ctx.scope, field);
  return typeof v === 'string' ? v : JSON.stringify(v ?? null);
}

export const failState: StateModule = {
  async execute(state: StateDefinition, _input: Json, ctx: StateContext): Promise<StepOutcome> {
    const error = await textField(state, 'Error', ctx);
    const cause = await textField(state, 'Cause', ctx);
    return { kind: 'error', error: new TaskError(error ?? '', cause) };
  },
};
