// `GET /v1/tickets/{id}/workflow`: the lifecycle as a graph of its top-level states, and the path the ticket's execution took.
import { z } from 'zod';

export const WorkflowStateNode = z.object({
  name: z.string(),
  /** ASL state type: Task, Choice, Map, Parallel, Pass, Wait, Succeed, Fail. */
  type: z.string(),
  /** True where an execution may end: `End: true`, Succeed and Fail. */
  end: z.boolean(),
  comment: z.string().optional(),
});
export type WorkflowStateNode = z.infer<typeof WorkflowStateNode>;

export const WorkflowEdge = z.object({
  from: z.string(),
  to: z.string(),
  /** `next`: the state's Next; `choice`: one Choice rule; `default`: the Choice's Default; `catch`: a Catch's Next. */
  kind: z.enum(['next', 'choice', 'default', 'catch']),
  /** A choice rule's Comment or its condition; the error names a catch handles. */
  label: z.string().optional(),
});
export type WorkflowEdge = z.infer<typeof WorkflowEdge>;

export const PathStep = z.object({
  state: z.string(),
  enteredAt: z.string(),
  /** Absent while the execution is in the state, or when it ended there (a Fail state, a failure not caught). */
  exitedAt: z.string().optional(),
});
export type PathStep = z.infer<typeof PathStep>;

export const WorkflowStatus = z.enum(['NOT_STARTED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const ChildWorkflow = z.object({
  /** The manifest's name of the child's machine (`joint-review`). */
  stateMachine: z.string(),
  /** The child execution's name (`T20261123-4K7Q2X-review-9`). */
  name: z.string(),
  /** The parent's state that started it. */
  startedBy: z.string(),
  status: WorkflowStatus,
  path: z.array(PathStep),
  current: z.string().optional(),
});
export type ChildWorkflow = z.infer<typeof ChildWorkflow>;

export const TicketWorkflow = z.object({
  stateMachine: z.string(),
  /** NOT_STARTED: the ticket exists but its execution does not (yet). */
  status: WorkflowStatus,
  startAt: z.string(),
  states: z.array(WorkflowStateNode),
  edges: z.array(WorkflowEdge),
  /** Top-level states entered, in order; a state entered again appears again. */
  path: z.array(PathStep),
  /** The state a running execution is in; absent once it has ended or before it starts. */
  current: z.string().optional(),
  /** Executions the lifecycle started (joint reviews), in the order it started them. */
  children: z.array(ChildWorkflow),
});
export type TicketWorkflow = z.infer<typeof TicketWorkflow>;
