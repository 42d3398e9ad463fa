// State modules by ASL `Type`.
import { choiceState } from './choice.js';
import { failState } from './fail.js';
import { mapState } from './map.js';
import { parallelState } from './parallel.js';
import { passState } from './pass.js';
import type { StateModule } from './state-module.js';
import { succeedState } from './succeed.js';
import { taskState } from './task.js';
import { waitState } from './wait.js';

export const STATE_MODULES: Record<string, StateModule> = {
  Pass: passState,
  Task: taskState,
  Choice: choiceState,
  Wait: waitState,
  Succeed: succeedState,
  Fail: failState,
  Parallel: parallelState,
  Map: mapState,
};
