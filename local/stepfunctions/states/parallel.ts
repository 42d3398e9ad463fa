// Parallel state: asks the executor to run every branch as a child frame on the same effective input.
import type { Json } from '../json.js';
import type { StateDefinition } from '../model.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';

/** Key of branch `i` of Parallel state `stateName` inside block `blockKey`. */
export function branchBlockKey(blockKey: string, stateName: string, i: number): string {
  return `${blockKey}/${stateName}/Branches/${i}`;
}

export const parallelState: StateModule = {
  async execute(state: StateDefinition, input: Json, ctx: StateContext): Promise<StepOutcome> {
    const branches = Array.isArray(state.Branches) ? state.Branches : [];
    return {
      kind: 'fork',
      plan: {
        mode: 'parallel',
        children: branches.map((_, i) => ({ blockKey: branchBlockKey(ctx.blockKey, ctx.stateName, i), input, index: i })),
        maxConcurrency: 0,
        tolerant: false,
      },
    };
  },
};
