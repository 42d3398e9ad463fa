// A ticket's lifecycle execution -> its graph, the path it took and the joint reviews it ran, as the ticket page draws them.
import type { ChildWorkflow, PathStep, TicketWorkflow } from '../../schemas/ticket-workflow.js';
import type { ExecutionSummary, Executions } from '../ports/executions.js';
import { currentState, executionPath, startedChildren, type HistoryEvent, type StartedChild } from './execution-path.js';
import { stateMachineGraph, type AslDefinition } from './state-machine-graph.js';

export interface ExecutionRef {
  stateMachineArn: string;
  executionArn: string;
}

/**
 * The lifecycle graph with the path its execution took; an execution not started yet reads NOT_STARTED with the
 * machine's graph. `names` gives machines their manifest names by ARN; any other is called by the name in its ARN.
 */
export async function readWorkflow(executions: Executions, lifecycle: ExecutionRef, names: ReadonlyMap<string, string>): Promise<TicketWorkflow> {
  const nameOf = (arn: string) => names.get(arn) ?? arn.split(':').at(-1) ?? arn;
  const found = await executions.describe(lifecycle.executionArn);
  if (!found) {
    const graph = stateMachineGraph(await executions.definition(lifecycle.stateMachineArn));
    return { stateMachine: nameOf(lifecycle.stateMachineArn), status: 'NOT_STARTED', ...graph, path: [], children: [] };
  }
  const events = await executions.history(lifecycle.executionArn);
  const children = await Promise.all(startedChildren(events).map((child) => readChild(executions, child, nameOf)));
  return {
    stateMachine: nameOf(found.stateMachineArn),
    status: found.status,
    ...stateMachineGraph(found.definition),
    ...followed(found, events),
    children: children.filter((c): c is ChildWorkflow => c !== undefined),
  };
}

async function readChild(executions: Executions, child: StartedChild, nameOf: (arn: string) => string): Promise<ChildWorkflow | undefined> {
  const found = await executions.describe(child.executionArn);
  // An ARN made from the task's parameters that names nothing (the engine reworded the name) is left out.
  if (!found) return undefined;
  const events = await executions.history(child.executionArn);
  return {
    stateMachine: nameOf(found.stateMachineArn),
    name: child.executionArn.split(':').at(-1) ?? child.executionArn,
    startedBy: child.startedBy,
    status: found.status,
    ...followed(found, events),
  };
}

function followed(execution: ExecutionSummary, events: readonly HistoryEvent[]): { path: PathStep[]; current?: string } {
  const path = executionPath(events, topLevelNames(execution.definition));
  const current = execution.status === 'RUNNING' ? currentState(path) : undefined;
  return { path, ...(current ? { current } : {}) };
}

const topLevelNames = (definition: AslDefinition): Set<string> => new Set(Object.keys(definition.States));
