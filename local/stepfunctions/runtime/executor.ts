// The executor: runs one state of one frame: input/output processing, Retry/Catch, transitions, forks, failures.
import { isJsonObject, jsonText, toJsonText, type Json, type JsonObject } from '../json.js';
import {
  StatesError,
  StatesExceedToleratedFailureThresholdError,
  StatesHeartbeatTimeoutError,
  StatesRuntimeError,
  StatesTimeoutError,
  TaskError,
  isUncatchable,
} from '../errors/states-errors.js';
import { compileDefinition, findState, stateQueryLanguage, type CompiledMachine } from '../definition/compile.js';
import type { ChildSpec, ExecutionRecord, Frame, QueryLanguage, StateDefinition, TimerKind } from '../model.js';
import { parseStateMachineArn } from '../arn.js';
import type { EvalScope, Evaluator } from '../query/evaluator.js';
import { STATE_MODULES } from '../states/index.js';
import type { ForkPlan, StepOutcome } from '../states/state-module.js';
import { parseResource } from '../tasks/resources.js';
import type { ResourceInfo, TaskInvocation, TaskOutcome, TaskServices } from '../tasks/task-types.js';
import { contextObject } from './context-object.js';
import { applyFilterPath, applyResultPath } from './io.js';
import { decideRetry, findCatcher } from './retry-catch.js';
import type { Transaction } from './transaction.js';

export interface ExecutorDeps {
  evaluators: Record<QueryLanguage, Evaluator>;
  random(): number;
  newToken(): string;
  taskServices(exec: ExecutionRecord): TaskServices;
  /** Told of each state entered: what AWS bills a Standard workflow for (a state transition). */
  onStateEntered?(exec: ExecutionRecord): void;
}

/** States that produce a result (ResultSelector / ResultPath apply) versus pass their input through. */
// Shared by every history event: details are never mutated once written.
const NOT_TRUNCATED: JsonObject = Object.freeze({ truncated: false }) as JsonObject;
const RESULT_TYPES = new Set(['Task', 'Map', 'Parallel']);

interface Located {
  machine: CompiledMachine;
  state: StateDefinition;
  language: QueryLanguage;
  evaluator: Evaluator;
}

export class Executor {
  /** Each execution's compiled machine, found without hashing its definition text on every step. */
  private readonly machines = new WeakMap<ExecutionRecord, CompiledMachine>();

  constructor(private readonly deps: ExecutorDeps) {}

  /** Writes ExecutionStarted, creates the root frame and (if set) the execution timeout. */
  start(tx: Transaction): void {
    const exec = tx.exec;
    const machine = compileDefinition(exec.definition);
    tx.event(undefined, 'ExecutionStarted', {
      input: exec.input,
      inputDetails: NOT_TRUNCATED,
      roleArn: exec.roleArn,
    });
    const root: Frame = {
      id: 'root',
      blockKey: '',
      stateName: String(machine.root.StartAt),
      input: JSON.parse(exec.input) as Json,
      retryCount: 0,
      retrierAttempts: [],
      variables: {},
      lastEventId: 1,
    };
    exec.frames[root.id] = root;
    tx.enqueue(root.id);
    if (machine.timeoutSeconds !== undefined) {
      this.timer(tx, root, 'execution-timeout', machine.timeoutSeconds * 1000);
    }
  }

  /** Runs the frame's current state (entering it first when needed). */
  async run(tx: Transaction, frameId: string): Promise<void> {
    const frame = tx.exec.frames[frameId];
    if (!frame || frame.done || frame.wait) return;
    const loc = this.locate(tx.exec, frame);
    if (!frame.entered) {
      const eventId = tx.event(frame, stateEvent(loc.state.Type, 'Entered'), {
        name: frame.stateName,
        input: jsonText(frame.input),
        inputDetails: NOT_TRUNCATED,
      });
      frame.entered = { eventId, time: tx.now.toISOString() };
      this.deps.onStateEntered?.(tx.exec);
    }
    try {
      const resource = loc.state.Type === 'Task' ? parseResource(String(loc.state.Resource)) : undefined;
      const token = resource?.pattern === 'token' ? (frame.reuseToken ?? this.deps.newToken()) : undefined;
      frame.reuseToken = undefined;
      const scope = this.scope(tx.exec, frame, frame.input, token);
      const filtered = loc.language === 'JSONPath' && loc.state.Type !== 'Fail' ? applyFilterPath(loc.state.InputPath, frame.input, scope) : frame.input;
      const effective = await this.effectiveInput(loc, { ...scope, input: filtered });
      frame.entered.effectiveInput = effective;
      const module = STATE_MODULES[loc.state.Type];
      if (!module) throw new StatesRuntimeError(`Unsupported state type '${loc.state.Type}'`);
      const outcome = await module.execute(loc.state, effective, {
        stateName: frame.stateName,
        blockKey: frame.blockKey,
        evaluator: loc.evaluator,
        scope: { ...scope, input: effective },
        stateInputScope: { ...scope, input: filtered },
        now: tx.now,
        taskToken: token,
        tasks: this.deps.taskServices(tx.exec),
        attemptId: attemptIdOf(tx.exec, frame),
      });
      await this.handleOutcome(tx, frame, loc, outcome, effective, token);
    } catch (e) {
      await this.fail(tx, frame, loc, toStatesError(e));
    }
  }

  /** A persisted timer came due. */
  async onTimer(tx: Transaction, frameId: string, kind: TimerKind, timerId: string, attempt?: number): Promise<void> {
    const frame = tx.exec.frames[frameId];
    if (kind === 'execution-timeout') {
      this.finishExecution(tx, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out.' });
      return;
    }
    if (!frame || frame.done) return;
    const wait = frame.wait;
    if (!wait) return;
    if (wait.kind === 'timer' && wait.timerId === timerId) {
      frame.wait = undefined;
      if (wait.purpose === 'retry') {
        tx.enqueue(frame.id);
        return;
      }
      const loc = this.locate(tx.exec, frame);
      try {
        await this.finishState(tx, frame, loc, frame.entered?.effectiveInput ?? frame.input, undefined);
      } catch (e) {
        await this.fail(tx, frame, loc, toStatesError(e));
      }
      return;
    }
    if (wait.kind === 'task' && wait.attempt === attempt && (kind === 'task-timeout' || kind === 'heartbeat')) {
      const loc = this.locate(tx.exec, frame);
      const error = kind === 'heartbeat' ? new StatesHeartbeatTimeoutError() : new StatesTimeoutError();
      const resource = parseResource(String(loc.state.Resource));
      const token = wait.token;
      this.endTaskWait(tx, frame, timerId);
      if (token !== undefined) {
        tx.tokenDeletes.splice(tx.tokenDeletes.indexOf(token), 1);
        tx.tokenPuts.push({ token, executionArn: tx.exec.executionArn, frameId: frame.id, attempt: wait.attempt, timedOut: true });
      }
      if (resource?.kind === 'lambda-function') tx.event(frame, 'LambdaFunctionTimedOut', { error: error.error });
      else tx.event(frame, 'TaskTimedOut', { resourceType: resource?.resourceType ?? '', resource: resource?.resource ?? '', error: error.error });
      await this.fail(tx, frame, loc, error);
    }
  }

  /**
   * A task invocation settled (`source: 'invocation'`) or its token was answered (`source: 'token'`).
   * For token tasks a successful invocation only records TaskSubmitted; the token decides.
   */
  async onTaskOutcome(tx: Transaction, frameId: string, attempt: number, outcome: TaskOutcome, source: 'invocation' | 'token'): Promise<void> {
    const frame = tx.exec.frames[frameId];
    if (!frame || frame.done || frame.wait?.kind !== 'task' || frame.wait.attempt !== attempt) return;
    const loc = this.locate(tx.exec, frame);
    const resource = parseResource(String(loc.state.Resource));
    if (!resource) return;
    const waitsForToken = resource.pattern === 'token';
    if (source === 'invocation' && waitsForToken && outcome.ok) {
      tx.event(frame, 'TaskSubmitted', { ...this.resourceDetails(resource), output: jsonText(outcome.output), outputDetails: NOT_TRUNCATED });
      frame.wait.submitted = true;
      return;
    }
    this.endTaskWait(tx, frame);
    if (outcome.ok) {
      if (resource.kind === 'lambda-function') {
        tx.event(frame, 'LambdaFunctionSucceeded', { output: jsonText(outcome.output), outputDetails: NOT_TRUNCATED });
      } else {
        tx.event(frame, 'TaskSucceeded', { ...this.resourceDetails(resource), output: jsonText(outcome.output), outputDetails: NOT_TRUNCATED });
      }
      try {
        await this.finishState(tx, frame, loc, outcome.output, undefined);
      } catch (e) {
        await this.fail(tx, frame, loc, toStatesError(e));
      }
      return;
    }
    const details: Record<string, Json> = { error: outcome.error };
    if (outcome.cause !== undefined) details.cause = outcome.cause;
    if (resource.kind === 'lambda-function') tx.event(frame, 'LambdaFunctionFailed', details);
    else tx.event(frame, 'TaskFailed', { ...this.resourceDetails(resource), ...details });
    await this.fail(tx, frame, loc, new TaskError(outcome.error, outcome.cause));
  }

  /**
   * After a restart: a task whose outcome was never recorded runs again (at-least-once, as in AWS),
   * under the same token if it had one, so a token already handed out stays valid.
   */
  restartTask(tx: Transaction, frameId: string): void {
    const frame = tx.exec.frames[frameId];
    if (!frame || frame.done || frame.wait?.kind !== 'task') return;
    for (const id of frame.wait.timerIds) tx.deleteTimer(id);
    frame.reuseToken = frame.wait.token;
    frame.wait = undefined;
    tx.enqueue(frame.id);
  }

  /** Restarts the heartbeat timer of the task waiting on this frame. */
  heartbeat(tx: Transaction, frameId: string, attempt: number): void {
    const frame = tx.exec.frames[frameId];
    if (!frame || frame.wait?.kind !== 'task' || frame.wait.attempt !== attempt || frame.wait.heartbeatSeconds === undefined) return;
    const wait = frame.wait;
    const old = wait.timerIds.find((id) => id.includes('|heartbeat|'));
    if (old) {
      tx.deleteTimer(old);
      wait.timerIds = wait.timerIds.filter((id) => id !== old);
    }
    wait.timerIds.push(this.timer(tx, frame, 'heartbeat', (wait.heartbeatSeconds ?? 0) * 1000, attempt));
  }

  /** StopExecution: aborts every frame. */
  stop(tx: Transaction, error?: string, cause?: string): void {
    const details: Record<string, Json> = {};
    if (error !== undefined) details.error = error;
    if (cause !== undefined) details.cause = cause;
    this.finishExecution(tx, 'ABORTED', details);
  }

  /** Fails the execution outright (used when the engine itself hit an unexpected error). */
  crash(tx: Transaction, cause: string): void {
    this.finishExecution(tx, 'FAILED', { error: 'States.Runtime', cause });
  }

  // ---- state flow ----

  private async handleOutcome(
    tx: Transaction,
    frame: Frame,
    loc: Located,
    outcome: StepOutcome,
    effective: Json,
    token: string | undefined,
  ): Promise<void> {
    switch (outcome.kind) {
      case 'result':
        await this.finishState(tx, frame, loc, outcome.result, undefined);
        return;
      case 'branch':
        await this.finishState(tx, frame, loc, effective, { next: outcome.next, rule: outcome.rule });
        return;
      case 'succeed':
        await this.finishState(tx, frame, loc, effective, undefined);
        return;
      case 'error':
        await this.fail(tx, frame, loc, outcome.error);
        return;
      case 'wait': {
        const timerId = this.timer(tx, frame, 'wait', Math.max(0, outcome.until.getTime() - tx.now.getTime()));
        frame.wait = { kind: 'timer', timerId, purpose: 'wait' };
        return;
      }
      case 'task':
        this.scheduleTask(tx, frame, outcome.invocation, token);
        return;
      case 'fork':
        await this.startFork(tx, frame, outcome.plan);
        return;
    }
  }

  private scheduleTask(tx: Transaction, frame: Frame, invocation: TaskInvocation, token: string | undefined): void {
    const attempt = tx.exec.nextFrameSeq;
    tx.exec.nextFrameSeq += 1;
    const { resource } = invocation;
    if (resource.kind === 'lambda-function') {
      const details: Record<string, Json> = { resource: resource.arn, input: jsonText(invocation.parameters), inputDetails: NOT_TRUNCATED };
      if (invocation.timeoutSeconds !== undefined) details.timeoutInSeconds = invocation.timeoutSeconds;
      tx.event(frame, 'LambdaFunctionScheduled', details);
      tx.event(frame, 'LambdaFunctionStarted');
    } else {
      const details: Record<string, Json> = {
        ...this.resourceDetails(resource),
        region: this.deps.taskServices(tx.exec).region,
        parameters: jsonText(invocation.parameters),
      };
      if (invocation.timeoutSeconds !== undefined) details.timeoutInSeconds = invocation.timeoutSeconds;
      if (invocation.heartbeatSeconds !== undefined) details.heartbeatInSeconds = invocation.heartbeatSeconds;
      tx.event(frame, 'TaskScheduled', details);
      tx.event(frame, 'TaskStarted', this.resourceDetails(resource));
    }
    const timerIds: string[] = [];
    if (invocation.timeoutSeconds !== undefined) timerIds.push(this.timer(tx, frame, 'task-timeout', invocation.timeoutSeconds * 1000, attempt));
    if (invocation.heartbeatSeconds !== undefined) timerIds.push(this.timer(tx, frame, 'heartbeat', invocation.heartbeatSeconds * 1000, attempt));
    frame.wait = { kind: 'task', attempt, timerIds, token, heartbeatSeconds: invocation.heartbeatSeconds };
    if (token !== undefined) tx.tokenPuts.push({ token, executionArn: tx.exec.executionArn, frameId: frame.id, attempt });
    tx.effects.push({ kind: 'start-task', frameId: frame.id, attempt, invocation });
  }

  private endTaskWait(tx: Transaction, frame: Frame, firedTimerId?: string): void {
    if (frame.wait?.kind !== 'task') return;
    for (const id of frame.wait.timerIds) if (id !== firedTimerId) tx.deleteTimer(id);
    if (frame.wait.token !== undefined) tx.tokenDeletes.push(frame.wait.token);
    frame.wait = undefined;
  }

  /** Applies result processing and Assign, writes the exit event, then transitions or completes the frame. */
  private async finishState(
    tx: Transaction,
    frame: Frame,
    loc: Located,
    result: Json,
    choice: { next: string; rule?: JsonObject } | undefined,
  ): Promise<void> {
    const { state, evaluator } = loc;
    const type = state.Type;
    const base = this.scope(tx.exec, frame, frame.input);
    let output: Json;
    let assignments: Json | undefined;
    const assignSource = choice?.rule && 'Assign' in choice.rule ? choice.rule.Assign : choice?.rule ? undefined : state.Assign;
    if (loc.language === 'JSONPath') {
      let selected = result;
      if (RESULT_TYPES.has(type) && state.ResultSelector !== undefined) {
        selected = await evaluator.template(state.ResultSelector, { ...base, input: result }, 'ResultSelector');
      }
      if (assignSource !== undefined) assignments = await evaluator.template(assignSource, { ...base, input: selected }, 'Assign');
      const merged = RESULT_TYPES.has(type) || type === 'Pass' ? applyResultPath(state.ResultPath, frame.input, selected) : selected;
      output = applyFilterPath(state.OutputPath, merged, base);
    } else {
      const scope: EvalScope = RESULT_TYPES.has(type) ? { ...base, result } : base;
      if (assignSource !== undefined) assignments = await evaluator.template(assignSource, scope, 'Assign');
      const outputField = choice?.rule && 'Output' in choice.rule ? choice.rule.Output : state.Output;
      output = outputField !== undefined ? await evaluator.template(outputField, scope, 'Output') : RESULT_TYPES.has(type) ? result : frame.input;
    }
    if (isJsonObject(assignments)) Object.assign(frame.variables, assignments);
    if (type !== 'Fail') {
      tx.event(frame, stateEvent(type, 'Exited'), { name: frame.stateName, output: jsonText(output), outputDetails: NOT_TRUNCATED });
    }
    const next = choice?.next ?? (type === 'Succeed' || state.End === true ? undefined : (state.Next as string | undefined));
    if (next === undefined) {
      await this.completeFrame(tx, frame, output);
      return;
    }
    this.transition(tx, frame, next, output);
  }

  private transition(tx: Transaction, frame: Frame, next: string, input: Json): void {
    frame.stateName = next;
    frame.input = input;
    frame.entered = undefined;
    frame.retryCount = 0;
    frame.retrierAttempts = [];
    tx.enqueue(frame.id);
  }

  /** Retry, then Catch, then propagate the failure to the parent (or fail the execution). */
  private async fail(tx: Transaction, frame: Frame, loc: Located, raw: StatesError): Promise<void> {
    const error = this.withStatePrefix(frame, raw);
    if (!isUncatchable(error) && RESULT_TYPES.has(loc.state.Type)) {
      const retry = decideRetry(loc.state, error.error, frame.retrierAttempts, this.deps.random);
      if (retry) {
        frame.retrierAttempts[retry.retrierIndex] = (frame.retrierAttempts[retry.retrierIndex] ?? 0) + 1;
        frame.retryCount += 1;
        const timerId = this.timer(tx, frame, 'retry', retry.delayMs);
        frame.wait = { kind: 'timer', timerId, purpose: 'retry' };
        return;
      }
      const catcher = findCatcher(loc.state, error.error);
      if (catcher) {
        await this.applyCatcher(tx, frame, loc, catcher, error);
        return;
      }
    }
    await this.failFrame(tx, frame, error);
  }

  private async applyCatcher(tx: Transaction, frame: Frame, loc: Located, catcher: JsonObject, error: StatesError): Promise<void> {
    const errorOutput: JsonObject = { Error: error.error };
    if (error.cause !== undefined) errorOutput.Cause = error.cause;
    const base = this.scope(tx.exec, frame, frame.input);
    let output: Json;
    let assignments: Json | undefined;
    try {
      if (loc.language === 'JSONPath') {
        if (catcher.Assign !== undefined) assignments = await loc.evaluator.template(catcher.Assign, { ...base, input: errorOutput }, 'Assign');
        output = applyResultPath(catcher.ResultPath, frame.input, errorOutput);
      } else {
        const scope: EvalScope = { ...base, errorOutput };
        if (catcher.Assign !== undefined) assignments = await loc.evaluator.template(catcher.Assign, scope, 'Assign');
        output = catcher.Output !== undefined ? await loc.evaluator.template(catcher.Output, scope, 'Output') : errorOutput;
      }
    } catch (e) {
      await this.failFrame(tx, frame, this.withStatePrefix(frame, toStatesError(e)));
      return;
    }
    if (isJsonObject(assignments)) Object.assign(frame.variables, assignments);
    tx.event(frame, stateEvent(loc.state.Type, 'Exited'), { name: frame.stateName, output: jsonText(output), outputDetails: NOT_TRUNCATED });
    this.transition(tx, frame, String(catcher.Next), output);
  }

  private withStatePrefix(frame: Frame, error: StatesError): StatesError {
    if (!error.prefixWithState) return error;
    const cause = `An error occurred while executing the state '${frame.stateName}' (entered at the event id #${frame.entered?.eventId ?? 0}). ${error.cause ?? ''}`;
    return new StatesError(error.error, cause, false);
  }

  // ---- frames: completion, failure, forks ----

  private async completeFrame(tx: Transaction, frame: Frame, output: Json): Promise<void> {
    frame.done = true;
    if (frame.parentId === undefined) {
      this.finishExecution(tx, 'SUCCEEDED', { output: toJsonText(output), outputDetails: NOT_TRUNCATED });
      return;
    }
    const parent = tx.exec.frames[frame.parentId];
    delete tx.exec.frames[frame.id];
    if (!parent?.fork) return;
    const fork = parent.fork;
    fork.results[frame.childIndex ?? 0] = output;
    fork.running -= 1;
    if (fork.mode === 'map') tx.event(parent, 'MapIterationSucceeded', { name: parent.stateName, index: frame.childIndex ?? 0 });
    await this.advanceFork(tx, parent);
  }

  private async failFrame(tx: Transaction, frame: Frame, error: StatesError): Promise<void> {
    frame.done = true;
    if (frame.parentId === undefined) {
      const details: Record<string, Json> = { error: error.error };
      if (error.cause !== undefined) details.cause = error.cause;
      this.finishExecution(tx, 'FAILED', details);
      return;
    }
    const parent = tx.exec.frames[frame.parentId];
    delete tx.exec.frames[frame.id];
    if (!parent?.fork) return;
    const fork = parent.fork;
    fork.running -= 1;
    if (fork.mode === 'map') tx.event(parent, 'MapIterationFailed', { name: parent.stateName, index: frame.childIndex ?? 0 });
    if (fork.mode === 'map' && fork.tolerant && !isUncatchable(error)) {
      fork.failures += 1;
      const errorOutput: JsonObject = { Error: error.error };
      if (error.cause !== undefined) errorOutput.Cause = error.cause;
      fork.results[frame.childIndex ?? 0] = errorOutput;
      if (!this.exceedsTolerance(fork)) {
        await this.advanceFork(tx, parent);
        return;
      }
      await this.abortFork(tx, parent, new StatesExceedToleratedFailureThresholdError());
      return;
    }
    await this.abortFork(tx, parent, error);
  }

  private exceedsTolerance(fork: NonNullable<Frame['fork']>): boolean {
    const { failures, total, toleratedCount, toleratedPercentage } = fork;
    if (toleratedCount === undefined && toleratedPercentage === undefined) return failures > 0;
    const countOk = toleratedCount !== undefined && failures <= toleratedCount;
    const pctOk = toleratedPercentage !== undefined && (failures * 100) / Math.max(total, 1) <= toleratedPercentage;
    return !(countOk || pctOk);
  }

  private async abortFork(tx: Transaction, parent: Frame, error: StatesError): Promise<void> {
    const mode = parent.fork?.mode;
    for (const f of Object.values(tx.exec.frames)) if (f.parentId === parent.id) this.removeSubtree(tx, f);
    parent.fork = undefined;
    parent.wait = undefined;
    tx.event(parent, mode === 'map' ? 'MapStateFailed' : 'ParallelStateFailed');
    await this.fail(tx, parent, this.locate(tx.exec, parent), error);
  }

  private removeSubtree(tx: Transaction, frame: Frame): void {
    for (const f of Object.values(tx.exec.frames)) if (f.parentId === frame.id) this.removeSubtree(tx, f);
    if (frame.wait?.kind === 'task') this.endTaskWait(tx, frame);
    if (frame.wait?.kind === 'timer') tx.deleteTimer(frame.wait.timerId);
    frame.done = true;
    delete tx.exec.frames[frame.id];
  }

  private async startFork(tx: Transaction, frame: Frame, plan: ForkPlan): Promise<void> {
    tx.event(frame, plan.mode === 'map' ? 'MapStateStarted' : 'ParallelStateStarted', plan.mode === 'map' ? { length: plan.children.length } : undefined);
    frame.fork = {
      mode: plan.mode,
      pending: plan.children,
      total: plan.children.length,
      running: 0,
      maxConcurrency: plan.maxConcurrency,
      results: [],
      failures: 0,
      tolerant: plan.tolerant,
      toleratedCount: plan.toleratedCount,
      toleratedPercentage: plan.toleratedPercentage,
    };
    frame.wait = { kind: 'children' };
    await this.advanceFork(tx, frame);
  }

  /** Starts children up to MaxConcurrency; when none are left running, finishes the Parallel/Map state. */
  private async advanceFork(tx: Transaction, parent: Frame): Promise<void> {
    const fork = parent.fork;
    if (!fork) return;
    while (fork.pending.length > 0 && (fork.maxConcurrency === 0 || fork.running < fork.maxConcurrency)) {
      const spec = fork.pending.shift() as ChildSpec;
      fork.running += 1;
      this.spawnChild(tx, parent, spec);
    }
    if (fork.running > 0 || fork.pending.length > 0) return;
    const results: Json[] = [];
    for (let i = 0; i < fork.total; i += 1) results.push(fork.results[i] ?? null);
    tx.event(parent, fork.mode === 'map' ? 'MapStateSucceeded' : 'ParallelStateSucceeded');
    parent.fork = undefined;
    parent.wait = undefined;
    const loc = this.locate(tx.exec, parent);
    try {
      await this.finishState(tx, parent, loc, results, undefined);
    } catch (e) {
      await this.fail(tx, parent, loc, toStatesError(e));
    }
  }

  private spawnChild(tx: Transaction, parent: Frame, spec: ChildSpec): void {
    const machine = compileDefinition(tx.exec.definition);
    const block = machine.blocks.get(spec.blockKey);
    const id = `f${tx.exec.nextFrameSeq}`;
    tx.exec.nextFrameSeq += 1;
    if (parent.fork?.mode === 'map') tx.event(parent, 'MapIterationStarted', { name: parent.stateName, index: spec.index });
    const child: Frame = {
      id,
      parentId: parent.id,
      childIndex: spec.index,
      blockKey: spec.blockKey,
      stateName: block?.StartAt ?? '',
      input: spec.input,
      retryCount: 0,
      retrierAttempts: [],
      variables: { ...parent.variables },
      lastEventId: parent.lastEventId,
    };
    tx.exec.frames[id] = child;
    tx.enqueue(id);
  }

  private finishExecution(tx: Transaction, status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED', details: Record<string, Json>): void {
    const exec = tx.exec;
    if (exec.status !== 'RUNNING') return;
    for (const frame of Object.values(exec.frames)) {
      if (frame.wait?.kind === 'task') this.endTaskWait(tx, frame);
      if (frame.wait?.kind === 'timer') tx.deleteTimer(frame.wait.timerId);
    }
    const timeoutTimer = `${exec.executionArn}|root|execution-timeout|0`;
    tx.deleteTimer(timeoutTimer);
    exec.status = status;
    exec.stopDate = tx.now.toISOString();
    if (status === 'SUCCEEDED') exec.output = details.output as string;
    if (typeof details.error === 'string') exec.error = details.error;
    if (typeof details.cause === 'string') exec.cause = details.cause;
    const type = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' }[status];
    tx.event(undefined, type, details);
    exec.frames = {};
    tx.effects.push({ kind: 'finished' });
  }

  // ---- helpers ----

  private locate(exec: ExecutionRecord, frame: Frame): Located {
    let machine = this.machines.get(exec);
    if (!machine) this.machines.set(exec, (machine = compileDefinition(exec.definition)));
    const state = findState(machine, frame.blockKey, frame.stateName);
    if (!state) throw new StatesRuntimeError(`State '${frame.stateName}' does not exist`);
    const language = stateQueryLanguage(machine, state);
    return { machine, state, language, evaluator: this.deps.evaluators[language] };
  }

  private scope(exec: ExecutionRecord, frame: Frame, input: Json, token?: string): EvalScope {
    const machineName = machineNameOf(exec.stateMachineArn);
    return { input, context: contextObject(exec, frame, machineName, token), variables: frame.variables };
  }

  /** Parameters (JSONPath, on the InputPath-filtered input) or Arguments (JSONata); Map builds per-item input itself. */
  private async effectiveInput(loc: Located, scope: EvalScope): Promise<Json> {
    const { state, evaluator } = loc;
    if (state.Type === 'Fail') return scope.input;
    if (loc.language === 'JSONata') {
      if ((state.Type === 'Task' || state.Type === 'Parallel') && state.Arguments !== undefined) {
        return evaluator.template(state.Arguments, scope, 'Arguments');
      }
      return scope.input;
    }
    if (state.Parameters !== undefined && ['Pass', 'Task', 'Parallel'].includes(state.Type)) {
      return evaluator.template(state.Parameters, scope, 'Parameters');
    }
    return scope.input;
  }

  private timer(tx: Transaction, frame: Frame, kind: TimerKind, delayMs: number, attempt?: number): string {
    const seq = kind === 'execution-timeout' ? 0 : tx.exec.nextFrameSeq++;
    const id = `${tx.exec.executionArn}|${frame.id}|${kind}|${seq}`;
    tx.putTimer({ id, executionArn: tx.exec.executionArn, frameId: frame.id, dueAt: new Date(tx.now.getTime() + delayMs).toISOString(), kind, attempt });
    return id;
  }

  private resourceDetails(resource: ResourceInfo): Record<string, Json> {
    return { resourceType: resource.resourceType, resource: resource.resource };
  }
}

function toStatesError(e: unknown): StatesError {
  if (e instanceof StatesError) return e;
  return new StatesRuntimeError(e instanceof Error ? e.message : String(e));
}

const machineNames = new Map<string, string>();
/** A state machine's name from its ARN, remembered: every state of every execution asks. */
function machineNameOf(arn: string): string {
  let name = machineNames.get(arn);
  if (name === undefined) {
    name = parseStateMachineArn(arn).name;
    machineNames.set(arn, name);
  }
  return name;
}

/**
 * Names a child execution after the attempt that starts it; read when the task starts, after the attempt
 * number is taken. A factory rather than an inline arrow: tsx (keepNames) would re-name that on every step.
 */
function attemptIdOf(exec: ExecutionRecord, frame: Frame): () => string {
  return () => `${exec.name.slice(0, 40)}-${frame.id}-${exec.nextFrameSeq}`;
}

const stateEvents = new Map<string, { Entered: string; Exited: string }>();
/** `Task` -> `TaskStateEntered`: built once per state type, so events share one interned name. */
function stateEvent(type: string, phase: 'Entered' | 'Exited'): string {
  let names = stateEvents.get(type);
  if (!names) stateEvents.set(type, (names = { Entered: `${type}StateEntered`, Exited: `${type}StateExited` }));
  return names[phase];
}
