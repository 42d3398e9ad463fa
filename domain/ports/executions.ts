// Port: reading workflow executions (status, the definition they run, their history). Adapters implement it.
import type { WorkflowStatus } from '../../schemas/ticket-workflow.js';
import type { HistoryEvent } from '../workflow/execution-path.js';
import type { AslDefinition } from '../workflow/state-machine-graph.js';

export interface ExecutionSummary {
  stateMachineArn: string;
  status: Exclude<WorkflowStatus, 'NOT_STARTED'>;
  /** The definition the execution runs: the one it started with, whatever the machine became since. */
  definition: AslDefinition;
}

export interface Executions {
  /** The execution by its ARN; undefined when there is none. */
  describe(executionArn: string): Promise<ExecutionSummary | undefined>;
  /** Every event of the execution's history, oldest first. */
  history(executionArn: string): Promise<HistoryEvent[]>;
  /** The machine's current definition. */
  definition(stateMachineArn: string): Promise<AslDefinition>;
}
