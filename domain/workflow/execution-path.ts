// Execution history -> the path an execution took through its top-level states, and the child executions it started.
import type { PathStep } from '../../schemas/ticket-workflow.js';

/** The fields of a Step Functions history event this module reads (the SDK's HistoryEvent has them all). */
export interface HistoryEvent {
  type?: string;
  timestamp?: Date;
  stateEnteredEventDetails?: { name?: string };
  stateExitedEventDetails?: { name?: string };
  taskScheduledEventDetails?: TaskDetails & { parameters?: string };
  taskSubmittedEventDetails?: TaskDetails & { output?: string };
  taskSucceededEventDetails?: TaskDetails & { output?: string };
  taskFailedEventDetails?: TaskDetails & { cause?: string };
}

interface TaskDetails {
  resourceType?: string;
  resource?: string;
}

/** A child execution the history shows being started, and the state that started it. */
export interface StartedChild {
  executionArn: string;
  startedBy: string;
}

/**
 * The top-level states entered, in history order, each with when it was left. State names are unique across a whole
 * machine (Map and Parallel included), so the name alone tells a top-level state from one inside a Map or a branch.
 */
export function executionPath(events: readonly HistoryEvent[], topLevel: ReadonlySet<string>): PathStep[] {
  const path: PathStep[] = [];
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    if (entered !== undefined && topLevel.has(entered)) path.push({ state: entered, enteredAt: iso(event) });
    const exited = event.stateExitedEventDetails?.name;
    if (exited === undefined || !topLevel.has(exited)) continue;
    const open = path.findLast((step) => step.state === exited && step.exitedAt === undefined);
    if (open) open.exitedAt = iso(event);
  }
  return path;
}

/** The state a running execution is in: the last one entered and not left. */
export function currentState(path: readonly PathStep[]): string | undefined {
  const last = path.at(-1);
  return last && last.exitedAt === undefined ? last.state : undefined;
}

const startsChild = (details: TaskDetails | undefined): boolean => details?.resourceType === 'states' && (details.resource ?? '').startsWith('startExecution');

/**
 * Child executions started by `states:startExecution` tasks, in the order started, each once. Their ARN is in the
 * task's TaskSubmitted or TaskSucceeded output (or a failed child's description in TaskFailed's cause); until one of
 * those is written it is made from the TaskScheduled parameters, the machine's ARN and the execution's Name.
 */
export function startedChildren(events: readonly HistoryEvent[]): StartedChild[] {
  const children: StartedChild[] = [];
  const add = (executionArn: string, startedBy: string) => {
    if (!children.some((c) => c.executionArn === executionArn)) children.push({ executionArn, startedBy });
  };
  let state = '';
  let pending: { startedBy: string; executionArn?: string } | undefined;
  const settle = () => {
    if (pending?.executionArn) add(pending.executionArn, pending.startedBy);
    pending = undefined;
  };
  for (const event of events) {
    state = event.stateEnteredEventDetails?.name ?? state;
    const scheduled = event.taskScheduledEventDetails;
    if (startsChild(scheduled)) {
      settle();
      pending = { startedBy: state, executionArn: arnFromParameters(scheduled?.parameters) };
      continue;
    }
    const reported = [event.taskSubmittedEventDetails, event.taskSucceededEventDetails].find(startsChild) as { output?: string } | undefined;
    const failed = startsChild(event.taskFailedEventDetails) ? event.taskFailedEventDetails : undefined;
    const executionArn = executionArnIn(reported?.output ?? failed?.cause);
    if (reported || failed) {
      if (executionArn) add(executionArn, pending?.startedBy ?? state);
      else settle();
      pending = undefined;
    }
  }
  settle();
  return children;
}

function parse(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function executionArnIn(json: string | undefined): string | undefined {
  const arn = parse(json)?.ExecutionArn;
  return typeof arn === 'string' ? arn : undefined;
}

/** The ARN of a machine's execution by its name: `arn:…:stateMachine:<machine>` -> `arn:…:execution:<machine>:<name>`. */
export function executionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** The child's ARN from a startExecution task's parameters; nothing when the task gave no Name. */
function arnFromParameters(json: string | undefined): string | undefined {
  const parameters = parse(json);
  const machine = parameters?.StateMachineArn;
  const name = parameters?.Name;
  if (typeof machine !== 'string' || typeof name !== 'string' || !machine.includes(':stateMachine:')) return undefined;
  return executionArn(machine, name);
}

const iso = (event: HistoryEvent): string => (event.timestamp ?? new Date(0)).toISOString();
