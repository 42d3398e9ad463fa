// Plain-data records the engine persists: state machines, executions and their frames, timers, history events.
import type { Json, JsonObject } from './json.js';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A state definition as written in ASL; fields are read through typed accessors in each module. */
export type StateDefinition = JsonObject & { Type: string };

/** A block of states: the machine itself, a Parallel branch or a Map item processor. */
export interface StatesBlock {
  StartAt: string;
  States: Record<string, StateDefinition>;
  QueryLanguage?: QueryLanguage;
}

export interface StateMachineRecord {
  stateMachineArn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: 'STANDARD' | 'EXPRESS';
  creationDate: string;
  updateDate?: string;
  status: 'ACTIVE' | 'DELETING';
}

/** What a frame is waiting for while it is suspended. */
export type FrameWait =
  | { kind: 'timer'; timerId: string; purpose: 'wait' | 'retry' }
  | { kind: 'task'; attempt: number; token?: string; timerIds: string[]; heartbeatSeconds?: number; submitted?: boolean }
  | { kind: 'children' };

/** Bookkeeping of a Parallel or Map state while its branches / iterations run. */
export interface ForkRecord {
  mode: 'parallel' | 'map';
  /** Specs of children not yet started (Map with MaxConcurrency). */
  pending: ChildSpec[];
  total: number;
  running: number;
  maxConcurrency: number;
  results: (Json | undefined)[];
  failures: number;
  toleratedCount?: number;
  toleratedPercentage?: number;
  /** When set, any child failure counts against the tolerance instead of failing at once. */
  tolerant: boolean;
}

export interface ChildSpec {
  blockKey: string;
  input: Json;
  index: number;
  mapItem?: { Index: number; Value: Json };
}

/**
 * One thread of control: a current state and its input. The root frame runs the machine; Parallel
 * branches and Map iterations are child frames linked to the frame of their Parallel/Map state.
 */
export interface Frame {
  id: string;
  parentId?: string;
  /** Index of this child in the parent's fork (branch number or item index). */
  childIndex?: number;
  blockKey: string;
  stateName: string;
  /** Raw state input (before InputPath / Arguments). */
  input: Json;
  /** Set once the state has been entered (history written, effective input computed). */
  entered?: { eventId: number; time: string; effectiveInput?: Json };
  retryCount: number;
  /** Attempts used per retrier index. */
  retrierAttempts: number[];
  wait?: FrameWait;
  fork?: ForkRecord;
  /** Variables visible to this frame (outer scopes copied in at fork time). */
  variables: JsonObject;
  mapItem?: { Index: number; Value: Json };
  lastEventId: number;
  /** A token task interrupted by a restart runs again under the token it already handed out. */
  reuseToken?: string;
  done?: boolean;
}

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: string;
  stopDate?: string;
  roleArn: string;
  frames: Record<string, Frame>;
  nextFrameSeq: number;
  nextEventId: number;
  /** The definition this execution runs, frozen at start (UpdateStateMachine does not affect it). */
  definition: string;
  parentTaskToken?: string;
}

export type TimerKind = 'wait' | 'retry' | 'task-timeout' | 'heartbeat' | 'execution-timeout';

/** A persisted wake-up: waits, retry back-offs and task deadlines are all timers. */
export interface TimerRecord {
  id: string;
  executionArn: string;
  frameId: string;
  dueAt: string;
  kind: TimerKind;
  /** For task deadlines: the attempt the deadline belongs to, so stale timers are ignored. */
  attempt?: number;
}

/** A task token's record: which frame of which execution is waiting for it. */
export interface TaskTokenRecord {
  token: string;
  executionArn: string;
  frameId: string;
  attempt: number;
  /** Kept as a tombstone after a timeout so late answers get TaskTimedOut rather than TaskDoesNotExist. */
  timedOut?: boolean;
}

export interface HistoryEvent {
  timestamp: string;
  type: string;
  id: number;
  previousEventId: number;
  [details: string]: Json | undefined;
}
