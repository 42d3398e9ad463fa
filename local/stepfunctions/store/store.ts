// Persistence port of the engine: state machines, executions, history, timers and task tokens.
import type { ExecutionRecord, ExecutionStatus, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';

/** What one engine step changed; a store writes it whole or not at all. */
export interface StepWrite {
  execution: ExecutionRecord;
  events: readonly HistoryEvent[];
  timerPuts: readonly TimerRecord[];
  timerDeletes: readonly string[];
  tokenPuts: readonly TaskTokenRecord[];
  tokenDeletes: readonly string[];
}

/** The fields ListExecutions shows, kept cheap so a store need not load whole executions to list them. */
export interface ExecutionSummary {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
}

/**
 * Narrow on purpose: a step is one atomic `commit`, so a durable store can make every transition
 * durable with one append before the engine acts on it.
 */
export interface Store {
  putStateMachine(record: StateMachineRecord): Promise<void>;
  getStateMachine(arn: string): Promise<StateMachineRecord | undefined>;
  listStateMachines(): Promise<StateMachineRecord[]>;
  deleteStateMachine(arn: string): Promise<void>;

  /** Persists a step atomically; resolves once it would survive the process being killed. */
  commit(step: StepWrite): Promise<void>;
  getExecution(arn: string): Promise<ExecutionRecord | undefined>;
  listExecutions(stateMachineArn: string): Promise<ExecutionSummary[]>;
  /** Running executions that had work in hand (see `needsResume`); waiting ones stay where they are. */
  listExecutionsToResume(): Promise<ExecutionRecord[]>;
  getHistory(executionArn: string): Promise<HistoryEvent[]>;
  listTimers(): Promise<TimerRecord[]>;
  getTaskToken(token: string): Promise<TaskTokenRecord | undefined>;

  /** Flushes and releases files. */
  close(): Promise<void>;
}

/** A summary of an execution record. */
export function summarize(e: ExecutionRecord): ExecutionSummary {
  return {
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    ...(e.stopDate ? { stopDate: e.stopDate } : {}),
  };
}

/**
 * True when a running execution had work in hand that only the engine's memory knew about: a frame
 * ready to run, or a task whose result (or, for token tasks, whose submission) was not yet recorded.
 * Executions waiting on a timer or on a submitted task token need nothing at restart.
 */
export function needsResume(e: ExecutionRecord): boolean {
  if (e.status !== 'RUNNING') return false;
  const frames = Object.values(e.frames);
  if (frames.length === 0) return true;
  return frames.some((f) => !f.done && (f.wait === undefined || (f.wait.kind === 'task' && !(f.wait.token !== undefined && f.wait.submitted))));
}
