// Persistence port of the engine: state machines, executions, history, timers and task tokens.
import type { ExecutionRecord, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';

/**
 * Narrow on purpose so a durable implementation (append-only file) is easy: every call is a whole-record
 * put or an append, and the engine writes each transition before acting on it.
 */
export interface Store {
  putStateMachine(record: StateMachineRecord): Promise<void>;
  getStateMachine(arn: string): Promise<StateMachineRecord | undefined>;
  listStateMachines(): Promise<StateMachineRecord[]>;
  deleteStateMachine(arn: string): Promise<void>;

  putExecution(record: ExecutionRecord): Promise<void>;
  getExecution(arn: string): Promise<ExecutionRecord | undefined>;
  listExecutions(stateMachineArn?: string): Promise<ExecutionRecord[]>;
  listRunningExecutions(): Promise<ExecutionRecord[]>;

  appendHistory(executionArn: string, events: HistoryEvent[]): Promise<void>;
  getHistory(executionArn: string): Promise<HistoryEvent[]>;

  putTimer(timer: TimerRecord): Promise<void>;
  deleteTimer(id: string): Promise<void>;
  listTimers(): Promise<TimerRecord[]>;

  putTaskToken(record: TaskTokenRecord): Promise<void>;
  getTaskToken(token: string): Promise<TaskTokenRecord | undefined>;
  deleteTaskToken(token: string): Promise<void>;
}
