// In-memory Store for engines that need not survive a restart: records and history kept by reference.
import type { ExecutionRecord, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';
import { type ExecutionSummary, type Store, type StepWrite, needsResume, summarize } from './store.js';

/**
 * Nothing is serialised: the engine already works on the record it committed, and history values are
 * never mutated, so keeping references is as faithful as a copy and leaves nothing for the GC to churn.
 */
export class MemoryStore implements Store {
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  /** Each step's events, appended as a chunk; flattened only when somebody reads the history. */
  private readonly history = new Map<string, (readonly HistoryEvent[])[]>();
  private readonly timers = new Map<string, TimerRecord>();
  private readonly tokens = new Map<string, TaskTokenRecord>();

  async putStateMachine(record: StateMachineRecord): Promise<void> {
    this.machines.set(record.stateMachineArn, record);
  }
  async getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    return this.machines.get(arn);
  }
  async listStateMachines(): Promise<StateMachineRecord[]> {
    return [...this.machines.values()];
  }
  async deleteStateMachine(arn: string): Promise<void> {
    this.machines.delete(arn);
  }

  async commit(step: StepWrite): Promise<void> {
    const arn = step.execution.executionArn;
    this.executions.set(arn, step.execution);
    if (step.events.length > 0) {
      const chunks = this.history.get(arn);
      if (chunks) chunks.push(step.events);
      else this.history.set(arn, [step.events]);
    }
    for (const id of step.timerDeletes) this.timers.delete(id);
    for (const t of step.timerPuts) this.timers.set(t.id, t);
    for (const token of step.tokenDeletes) this.tokens.delete(token);
    for (const r of step.tokenPuts) this.tokens.set(r.token, r);
  }

  async getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    return this.executions.get(arn);
  }
  async listExecutions(stateMachineArn: string): Promise<ExecutionSummary[]> {
    const out: ExecutionSummary[] = [];
    for (const e of this.executions.values()) if (e.stateMachineArn === stateMachineArn) out.push(summarize(e));
    return out;
  }
  async listExecutionsToResume(): Promise<ExecutionRecord[]> {
    return [...this.executions.values()].filter(needsResume);
  }
  async getHistory(executionArn: string): Promise<HistoryEvent[]> {
    return (this.history.get(executionArn) ?? []).flat();
  }
  async listTimers(): Promise<TimerRecord[]> {
    return [...this.timers.values()];
  }
  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    return this.tokens.get(token);
  }
  async close(): Promise<void> {}
}
