// Least-privilege IAM from the manifest: table access without Scan, and the Step Functions calls a function makes.
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { TableAccess } from '../manifest-types.js';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** Access to a table and exactly the manifest's indexes on it (no wildcards). */
export function tableStatement(table: ITable, indexes: string[], access: TableAccess): PolicyStatement {
  const actions = [
    ...(access === 'read' || access === 'read-write' ? READ_ACTIONS : []),
    ...(access === 'write' || access === 'read-write' ? WRITE_ACTIONS : []),
  ];
  return new PolicyStatement({
    effect: Effect.ALLOW,
    actions,
    resources: [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index}`)],
  });
}

/** Starting executions of a machine and answering its task tokens. */
export function stateMachineStatement(stateMachineArn: string): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.ALLOW,
    actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
    resources: [stateMachineArn],
  });
}

/** Reading a machine's executions: each one's status, the definition it runs and its history, and the machine's definition. */
export function executionReadStatements(stateMachineArn: string, executionsArn: string): PolicyStatement[] {
  return [
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:DescribeStateMachine'], resources: [stateMachineArn] }),
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:DescribeStateMachineForExecution'],
      resources: [executionsArn],
    }),
  ];
}
