// One engine step's changes to an execution: history events, timers, tokens and effects, persisted together.
import type { Json } from '../json.js';
import type { ExecutionRecord, Frame, HistoryEvent, TaskTokenRecord, TimerRecord } from '../model.js';
import type { TaskInvocation } from '../tasks/task-types.js';

export type Effect =
  | { kind: 'start-task'; frameId: string; attempt: number; invocation: TaskInvocation }
  | { kind: 'finished' };

/** Collects what a step changed; the runner writes it to the store before performing any effect. */
export class Transaction {
  readonly events: HistoryEvent[] = [];
  readonly timerPuts: TimerRecord[] = [];
  readonly timerDeletes: string[] = [];
  readonly tokenPuts: TaskTokenRecord[] = [];
  readonly tokenDeletes: string[] = [];
  readonly runnable: string[] = [];
  readonly effects: Effect[] = [];

  private nowText: string | undefined;

  constructor(
    readonly exec: ExecutionRecord,
    readonly now: Date,
  ) {}

  /** Appends a history event (ids are per execution; previousEventId follows the frame's own thread). */
  event(frame: Frame | undefined, type: string, details?: Record<string, Json>): number {
    const id = this.exec.nextEventId;
    this.exec.nextEventId += 1;
    const previous = frame ? frame.lastEventId : id - 1;
    const event: HistoryEvent = { timestamp: (this.nowText ??= this.now.toISOString()), type, id, previousEventId: previous };
    if (details) event[detailsKey(type)] = details;
    this.events.push(event);
    if (frame) frame.lastEventId = id;
    return id;
  }

  /** Marks a frame runnable once this step is persisted. */
  enqueue(frameId: string): void {
    this.runnable.push(frameId);
  }

  putTimer(timer: TimerRecord): void {
    this.timerPuts.push(timer);
  }

  deleteTimer(id: string): void {
    this.timerDeletes.push(id);
  }
}

const detailsKeys = new Map<string, string>();
/**
 * `TaskScheduled` -> `taskScheduledEventDetails`, computed once per event type. Every `<Type>StateEntered`/`Exited`
 * shares AWS's one `stateEnteredEventDetails`/`stateExitedEventDetails` key (HistoryEvent has no per-type key).
 */
function detailsKey(type: string): string {
  let key = detailsKeys.get(type);
  if (key === undefined) {
    const shared = /State(Entered|Exited)$/.exec(type);
    key = shared ? `state${shared[1]}EventDetails` : `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
    detailsKeys.set(type, key);
  }
  return key;
}
