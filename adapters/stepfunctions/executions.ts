// Executions on Step Functions (or the embedded engine, which speaks its API): status, definition and history.
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ExecutionSummary, Executions } from '../../domain/ports/executions.js';
import { parseDefinition } from '../../domain/workflow/state-machine-graph.js';

export class StepFunctionsExecutions implements Executions {
  constructor(private readonly client: SFNClient) {}

  async describe(executionArn: string): Promise<ExecutionSummary | undefined> {
    try {
      const [execution, machine] = await Promise.all([
        this.client.send(new DescribeExecutionCommand({ executionArn })),
        this.client.send(new DescribeStateMachineForExecutionCommand({ executionArn })),
      ]);
      return { stateMachineArn: execution.stateMachineArn ?? '', status: execution.status ?? 'RUNNING', definition: parseDefinition(machine.definition ?? '') };
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }

  async history(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      // With its execution data: a child execution's ARN is in the output of the task that started it.
      const page = await this.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  async definition(stateMachineArn: string) {
    const machine = await this.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    return parseDefinition(machine.definition ?? '');
  }
}
