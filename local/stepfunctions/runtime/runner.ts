// The run loop: serialises work per engine, persists each step before its effects, and owns timers and in-flight tasks.
import type { Clock, TimerTarget } from '../clock.js';
import type { ExecutionRecord, TimerRecord } from '../model.js';
import { needsResume } from '../store/store.js';
import type { Store } from '../store/store.js';
import type { TaskOutcome } from '../tasks/task-types.js';
import type { Executor } from './executor.js';
import { TimerQueue } from './timer-queue.js';
import { Transaction } from './transaction.js';

export type WorkItem =
  | { kind: 'start'; arn: string }
  | { kind: 'run'; arn: string; frameId: string }
  | { kind: 'timer'; timer: TimerRecord }
  | { kind: 'task'; arn: string; frameId: string; attempt: number; outcome: TaskOutcome; source: 'invocation' | 'token' }
  | { kind: 'heartbeat'; arn: string; frameId: string; attempt: number }
  | { kind: 'stop'; arn: string; error?: string; cause?: string }
  | { kind: 'restart-task'; arn: string; frameId: string };

interface Queued {
  item: WorkItem;
  done?: () => void;
}

/** Waits a few macrotask turns so handlers that resolve "soon" count as runnable work. */
function macrotasks(n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n;
    const step = () => (--left <= 0 ? resolve() : setImmediate(step));
    setImmediate(step);
  });
}

const CHAIN_BUDGET = 64;

export class Runner implements TimerTarget {
  private readonly queue: Queued[] = [];
  private readonly timers = new TimerQueue();
  private readonly inflight = new Set<Promise<void>>();
  /** The engine's own service calls under way (DynamoDB, StartExecution): finite, so idle always awaits them. */
  private readonly serviceCalls = new Set<Promise<unknown>>();
  private readonly finishedListeners = new Map<string, ((exec: ExecutionRecord) => void)[]>();
  private pumping: Promise<void> | undefined;
  private closed = false;
  private realTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly executor: Executor,
    private readonly usesRealTime: boolean,
  ) {}

  /**
   * Picks up where a previous process stopped: reloads timers and re-queues the work that only that
   * process's memory held (steps ready to run, task invocations whose outcome was never recorded).
   */
  async resume(): Promise<void> {
    for (const t of await this.store.listTimers()) this.timers.put(t);
    for (const exec of await this.store.listExecutionsToResume()) {
      if (!needsResume(exec)) continue;
      const arn = exec.executionArn;
      const frames = Object.values(exec.frames);
      if (frames.length === 0) this.queue.push({ item: { kind: 'start', arn } });
      for (const f of frames) {
        if (f.done) continue;
        if (f.wait === undefined) this.queue.push({ item: { kind: 'run', arn, frameId: f.id } });
        else if (f.wait.kind === 'task' && !(f.wait.token !== undefined && f.wait.submitted)) {
          this.queue.push({ item: { kind: 'restart-task', arn, frameId: f.id } });
        }
      }
    }
    void this.kick();
    this.scheduleRealTimer();
  }

  /** Queues work; resolves once that item has been processed and persisted. */
  submit(item: WorkItem): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ item, done: resolve });
      void this.kick();
    });
  }

  /** Resolves when the execution reaches a terminal status. */
  onFinished(arn: string, listener: (exec: ExecutionRecord) => void): void {
    const list = this.finishedListeners.get(arn) ?? [];
    list.push(listener);
    this.finishedListeners.set(arn, list);
  }

  nextDueAt(): Date | undefined {
    const due = this.timers.nextDue();
    return due === undefined ? undefined : new Date(due);
  }

  async fireDue(now: Date): Promise<void> {
    this.queueDueTimers(now);
    await this.idle();
  }

  /** Counts `call` as work in flight until it settles: `idle` waits for it however long it takes. */
  track<T>(call: Promise<T>): Promise<T> {
    this.serviceCalls.add(call);
    const done = () => void this.serviceCalls.delete(call);
    call.then(done, done);
    return call;
  }

  /**
   * Runs until no work is queued, no service call of the engine's own is under way and no in-flight task
   * settles within a few macrotask turns. A handler call may wait on this very engine or never return (a
   * timeout test), so it cannot simply be awaited; a runtime whose handlers do real I/O awaits its own
   * handler calls as well. A `.sync` child execution is waited on as the child's own steps.
   */
  async idle(): Promise<void> {
    for (;;) {
      // A finished pump may have handed over to a fresh one, so wait until none is running.
      do await this.kick();
      while (this.pumping !== undefined || this.queue.length > 0);
      if (this.serviceCalls.size > 0) {
        await Promise.allSettled([...this.serviceCalls]);
        continue;
      }
      if (this.inflight.size === 0) return;
      const settled = await Promise.race([Promise.race([...this.inflight]).then(() => true), macrotasks(5).then(() => false)]);
      if (!settled && this.queue.length === 0) return;
    }
  }

  /**
   * Stops taking work and resolves once the step in hand (if any) is written. Work still queued or in
   * flight is dropped: after a restart `resume` finds it again in the store.
   */
  async quiesce(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.pumping;
  }

  /** Stops the real-time scheduler (for shutdown). */
  close(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
  }

  private kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.pumping) {
      this.pumping = this.pump().finally(() => {
        this.pumping = undefined;
        if (this.queue.length > 0) void this.kick();
      });
    }
    return this.pumping;
  }

  private async pump(): Promise<void> {
    for (;;) {
      this.queueDueTimers(this.clock.now());
      const next = this.closed ? undefined : this.queue.shift();
      if (!next) break;
      try {
        await this.process(next.item);
      } finally {
        next.done?.();
      }
    }
    this.scheduleRealTimer();
  }

  private queueDueTimers(now: Date): void {
    for (const t of this.timers.takeDue(now.getTime())) this.queue.push({ item: { kind: 'timer', timer: t } });
  }

  private arnOf(item: WorkItem): string {
    return item.kind === 'timer' ? item.timer.executionArn : item.arn;
  }

  private async process(item: WorkItem): Promise<void> {
    const exec = await this.store.getExecution(this.arnOf(item));
    if (!exec) return;
    const tx = new Transaction(exec, this.clock.now());
    // A fired timer is consumed in the same write as whatever it caused.
    if (item.kind === 'timer') tx.deleteTimer(item.timer.id);
    if (exec.status !== 'RUNNING') {
      if (item.kind === 'timer') await this.commit(tx);
      return;
    }
    try {
      switch (item.kind) {
        case 'start':
          this.executor.start(tx);
          break;
        case 'run':
          await this.executor.run(tx, item.frameId);
          break;
        case 'timer':
          await this.executor.onTimer(tx, item.timer.frameId, item.timer.kind, item.timer.id, item.timer.attempt);
          break;
        case 'task':
          await this.executor.onTaskOutcome(tx, item.frameId, item.attempt, item.outcome, item.source);
          break;
        case 'heartbeat':
          this.executor.heartbeat(tx, item.frameId, item.attempt);
          break;
        case 'stop':
          this.executor.stop(tx, item.error, item.cause);
          break;
        case 'restart-task':
          this.executor.restartTask(tx, item.frameId);
          break;
      }
      // Steps that only compute (Pass, Choice, a state's input processing) continue in the same
      // transaction: nothing outside sees the states in between, so one write covers them all.
      // The budget keeps one busy execution from starving the others.
      for (let budget = CHAIN_BUDGET; budget > 0 && tx.runnable.length > 0 && exec.status === 'RUNNING'; budget--) {
        await this.executor.run(tx, tx.runnable.shift() as string);
      }
    } catch (e) {
      // An engine bug must not leave a half-applied step running: fail the execution visibly instead.
      this.executor.crash(tx, `Internal engine error: ${e instanceof Error ? e.message : String(e)}`);
    }
    await this.commit(tx);
  }

  /** Persists the step, then performs its effects (task starts, wake-ups of waiting callers). */
  private async commit(tx: Transaction): Promise<void> {
    const { exec } = tx;
    const timerPuts = tx.timerPuts.filter((t) => !tx.timerDeletes.includes(t.id));
    const tokenPuts = tx.tokenPuts.filter((r) => !tx.tokenDeletes.includes(r.token));
    await this.store.commit({ execution: exec, events: tx.events, timerPuts, timerDeletes: tx.timerDeletes, tokenPuts, tokenDeletes: tx.tokenDeletes });
    for (const id of tx.timerDeletes) this.timers.delete(id);
    for (const t of timerPuts) this.timers.put(t);
    for (const frameId of tx.runnable) this.queue.push({ item: { kind: 'run', arn: exec.executionArn, frameId } });
    for (const effect of tx.effects) {
      if (effect.kind === 'start-task') this.startTask(exec.executionArn, effect.frameId, effect.attempt, effect.invocation.start);
      else this.finished(exec);
    }
  }

  private startTask(arn: string, frameId: string, attempt: number, start: () => Promise<TaskOutcome>): void {
    const p: Promise<void> = Promise.resolve()
      .then(start)
      .catch((e: unknown): TaskOutcome => ({ ok: false, error: 'States.TaskFailed', cause: e instanceof Error ? e.message : String(e) }))
      .then((outcome) => {
        this.inflight.delete(p);
        this.queue.push({ item: { kind: 'task', arn, frameId, attempt, outcome, source: 'invocation' } });
        void this.kick();
      });
    this.inflight.add(p);
  }

  private finished(exec: ExecutionRecord): void {
    const listeners = this.finishedListeners.get(exec.executionArn) ?? [];
    this.finishedListeners.delete(exec.executionArn);
    for (const l of listeners) l(exec);
  }

  /** With the real clock, one setTimeout for the earliest timer; virtual clocks call fireDue themselves. */
  private scheduleRealTimer(): void {
    if (!this.usesRealTime) return;
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    const due = this.nextDueAt();
    if (!due) return;
    const delay = Math.min(Math.max(0, due.getTime() - this.clock.now().getTime()), 2 ** 31 - 1);
    this.realTimer = setTimeout(() => {
      this.realTimer = undefined;
      void this.fireDue(this.clock.now());
    }, delay);
    this.realTimer.unref();
  }
}
