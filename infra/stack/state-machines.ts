// State machines from the manifest: the ASL files with `${Key}` substitutions, logging ALL, X-Ray, and a role that
// may invoke exactly the functions it substitutes.
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { StateMachineSpec } from '../manifest-types.js';
import { acknowledgeChildExecutions, acknowledgeStateMachine } from './nag.js';
import { fromRoot, prefixOf, type Stage } from './context.js';

export function createStateMachines(
  scope: Construct,
  stage: Stage,
  specs: StateMachineSpec[],
  functions: Map<string, IFunction>,
  tables: Map<string, ITable>,
): Map<string, StateMachine> {
  const machines = new Map<string, StateMachine>();
  const need = <T>(map: Map<string, T>, name: string, what: string): T => {
    const found = map.get(name);
    if (!found) throw new Error(`unknown ${what} ${name}`);
    return found;
  };
  for (const spec of specs) {
    const id = `Sm${spec.name.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}`;
    const substitutions: Record<string, string> = {};
    const invoked: IFunction[] = [];
    const children: string[] = [];
    for (const [key, target] of Object.entries(spec.substitutions)) {
      if ('function' in target) {
        const fn = need(functions, target.function, 'function');
        substitutions[key] = fn.functionArn;
        invoked.push(fn);
      } else if ('table' in target) {
        substitutions[key] = need(tables, target.table, 'table').tableName;
      } else {
        const child = need(machines, target.stateMachine, 'state machine (declare it earlier)');
        substitutions[key] = child.stateMachineArn;
        children.push(target.stateMachine);
      }
    }
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/vendedlogs/states/${prefixOf(stage)}-${spec.name}`,
      retention: stage === 'prod' ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const machine = new StateMachine(scope, id, {
      stateMachineName: `${prefixOf(stage)}-${spec.name}`,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(fromRoot(spec.definitionFile)),
      definitionSubstitutions: substitutions,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    if (invoked.length > 0) {
      machine.addToRolePolicy(
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: invoked.map((fn) => fn.functionArn) }),
      );
    }
    for (const child of children) {
      for (const statement of childExecutionStatements(scope, stage, child, need(machines, child, 'state machine'))) machine.addToRolePolicy(statement);
      acknowledgeChildExecutions(machine, `${prefixOf(stage)}-${child}`);
    }
    acknowledgeStateMachine(machine);
    machines.set(spec.name, machine);
  }
  return machines;
}

/**
 * What `states:startExecution.sync:2` needs (AWS's documented policy for the integration): start the child, follow and
 * stop its executions, and the managed EventBridge rule through which Step Functions learns that a child finished.
 */
function childExecutionStatements(scope: Construct, stage: Stage, name: string, child: StateMachine): PolicyStatement[] {
  const stack = Stack.of(scope);
  const executions = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${prefixOf(stage)}-${name}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const rule = stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'StepFunctionsGetEventsForStepFunctionsExecutionRule' });
  return [
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [child.stateMachineArn] }),
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [executions] }),
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], resources: [rule] }),
  ];
}
