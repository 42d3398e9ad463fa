// The contract between the executor and the per-type state modules: execute(state, input, ctx) -> outcome.
import type { Json, JsonObject } from '../json.js';
import { type StatesError, StatesRuntimeError } from '../errors/states-errors.js';
import { expectJsonataType, jsonataExpression } from '../query/jsonata-evaluator.js';
import type { ChildSpec, StateDefinition } from '../model.js';
import type { EvalScope, Evaluator } from '../query/evaluator.js';
import type { TaskInvocation, TaskServices } from '../tasks/task-types.js';

export interface StateContext {
  stateName: string;
  /** Key of the block this state lives in (to address Parallel branches and Map processors). */
  blockKey: string;
  evaluator: Evaluator;
  /** Scope with `input` = the effective input (after InputPath / Parameters / Arguments). */
  scope: EvalScope;
  /** Scope whose input is the state input after InputPath only: `...Path` fields such as TimeoutSecondsPath read it. */
  stateInputScope: EvalScope;
  now: Date;
  /** Token of this task attempt when the resource waits for a task token. */
  taskToken?: string;
  tasks: TaskServices;
  /** Stable id of this attempt, used to name child executions idempotently. */
  /** A name for a child execution started by this attempt; computed only when a task asks. */
  attemptId: () => string;
}

/** What a Parallel or Map state asks the executor to run as child frames. */
export interface ForkPlan {
  mode: 'parallel' | 'map';
  children: ChildSpec[];
  maxConcurrency: number;
  tolerant: boolean;
  toleratedCount?: number;
  toleratedPercentage?: number;
}

export type StepOutcome =
  /** The state produced a result: the executor applies ResultSelector/ResultPath/OutputPath or Output. */
  | { kind: 'result'; result: Json }
  /** Choice: go to `next`; `rule` is the matched rule (its Assign/Output apply instead of the state's). */
  | { kind: 'branch'; next: string; rule?: JsonObject }
  | { kind: 'succeed' }
  | { kind: 'error'; error: StatesError }
  /** Wait: suspend until the time, then continue with the input as output. */
  | { kind: 'wait'; until: Date }
  /** Task: an invocation is under way (and may wait for a task token). */
  | { kind: 'task'; invocation: TaskInvocation }
  | { kind: 'fork'; plan: ForkPlan };

export interface StateModule {
  execute(state: StateDefinition, input: Json, ctx: StateContext): Promise<StepOutcome>;
}

/** Reads a numeric field that may be given directly, by `...Path` (JSONPath) or as `{% %}` (JSONata). */
export async function numberField(
  state: StateDefinition,
  field: string,
  ctx: StateContext,
): Promise<{ value: number | undefined; source: string }> {
  const direct = state[field];
  const path = state[`${field}Path`];
  if (path !== undefined && ctx.evaluator.language === 'JSONPath') {
    // The path may read the input, the context object or a variable; what it finds must be a number.
    const v = await ctx.evaluator.value(path, ctx.stateInputScope, `${field}Path`);
    if (v === undefined) throw new StatesRuntimeError(`The ${field}Path parameter does not reference an input value: ${String(path)}`);
    if (typeof v !== 'number') throw new StatesRuntimeError(`The ${field}Path parameter cannot be parsed as a number: ${String(path)} == ${JSON.stringify(v)}`);
    return { value: v, source: `${field}Path` };
  }
  if (direct === undefined) return { value: undefined, source: field };
  // A JSONata expression's $states.input is the state input, not the Arguments a Task or Parallel built from it.
  const v = await ctx.evaluator.value(direct, ctx.stateInputScope, field);
  const expr = jsonataExpression(direct);
  if (typeof v !== 'number' && expr !== undefined) expectJsonataType(v, 'number', expr, field);
  return { value: typeof v === 'number' ? v : Number.NaN, source: field };
}
