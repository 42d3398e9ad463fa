// Pass state: its result is `Result` (JSONPath), or its effective input; JSONata Output is applied by the executor.
import type { Json } from '../json.js';
import type { StateDefinition } from '../model.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';

export const passState: StateModule = {
  async execute(state: StateDefinition, input: Json, ctx: StateContext): Promise<StepOutcome> {
    if (ctx.evaluator.language === 'JSONPath' && state.Result !== undefined) return { kind: 'result', result: state.Result };
    return { kind: 'result', result: input };
  },
};
