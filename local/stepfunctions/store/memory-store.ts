// In-memory Store: used by tests and the default local engine until the durable file store lands.
import type { ExecutionRecord, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';
import type { Store } from './store.js';

/** Keeps records as JSON text so callers can never mutate stored state by reference. */
export class MemoryStore implements Store {
  private readonly machines = new Map<string, string>();
  private readonly executions = new Map<string, string>();
  private readonly running = new Set<string>();
  private readonly history = new Map<string, HistoryEvent[]>();
  private readonly timers = new Map<string, TimerRecord>();
  private readonly tokens = new Map<string, TaskTokenRecord>();

  async putStateMachine(record: StateMachineRecord): Promise<void> {
    this.machines.set(record.stateMachineArn, JSON.stringify(record));
  }
  async getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    const text = this.machines.get(arn);
    return text === undefined ? undefined : (JSON.parse(text) as StateMachineRecord);
  }
  async listStateMachines(): Promise<StateMachineRecord[]> {
    return [...this.machines.values()].map((t) => JSON.parse(t) as StateMachineRecord);
  }
  async deleteStateMachine(arn: string): Promise<void> {
    this.machines.delete(arn);
  }

  async putExecution(record: ExecutionRecord): Promise<void> {
    this.executions.set(record.executionArn, JSON.stringify(record));
    if (record.status === 'RUNNING') this.running.add(record.executionArn);
    else this.running.delete(record.executionArn);
  }
  async getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    const text = this.executions.get(arn);
    return text === undefined ? undefined : (JSON.parse(text) as ExecutionRecord);
  }
  async listExecutions(stateMachineArn?: string): Promise<ExecutionRecord[]> {
    const all = [...this.executions.values()].map((t) => JSON.parse(t) as ExecutionRecord);
    return stateMachineArn === undefined ? all : all.filter((e) => e.stateMachineArn === stateMachineArn);
  }
  async listRunningExecutions(): Promise<ExecutionRecord[]> {
    return [...this.running].flatMap((arn) => {
      const text = this.executions.get(arn);
      return text === undefined ? [] : [JSON.parse(text) as ExecutionRecord];
    });
  }

  async appendHistory(executionArn: string, events: HistoryEvent[]): Promise<void> {
    const list = this.history.get(executionArn) ?? [];
    for (const e of events) list.push(JSON.parse(JSON.stringify(e)) as HistoryEvent);
    this.history.set(executionArn, list);
  }
  async getHistory(executionArn: string): Promise<HistoryEvent[]> {
    return (this.history.get(executionArn) ?? []).map((e) => ({ ...e }));
  }

  async putTimer(timer: TimerRecord): Promise<void> {
    this.timers.set(timer.id, { ...timer });
  }
  async deleteTimer(id: string): Promise<void> {
    this.timers.delete(id);
  }
  async listTimers(): Promise<TimerRecord[]> {
    return [...this.timers.values()].map((t) => ({ ...t }));
  }

  async putTaskToken(record: TaskTokenRecord): Promise<void> {
    this.tokens.set(record.token, { ...record });
  }
  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    const r = this.tokens.get(token);
    return r === undefined ? undefined : { ...r };
  }
  async deleteTaskToken(token: string): Promise<void> {
    this.tokens.delete(token);
  }
}
