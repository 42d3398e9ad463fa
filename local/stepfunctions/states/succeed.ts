// Succeed state: ends its branch (or the execution) successfully with its input.
import type { StateModule, StepOutcome } from './state-module.js';

export const succeedState: StateModule = {
  async execute(): Promise<StepOutcome> {
    return { kind: 'succeed' };
  },
};
