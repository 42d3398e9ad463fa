// Schedules from the manifest: EventBridge Scheduler in Asia/Shanghai, targeting a state machine or a function.
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { ScheduleSpec } from '../manifest-types.js';
import { prefixOf, type Stage } from './context.js';

export function createSchedules(
  scope: Construct,
  stage: Stage,
  specs: ScheduleSpec[],
  functions: Map<string, IFunction>,
  machines: Map<string, IStateMachine>,
): CfnSchedule[] {
  return specs.map((spec) => {
    const role = new Role(scope, `Schedule${spec.name}Role`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    let arn: string;
    if ('stateMachine' in spec.target) {
      const machine = machines.get(spec.target.stateMachine);
      if (!machine) throw new Error(`schedule ${spec.name}: unknown state machine`);
      arn = machine.stateMachineArn;
      role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [arn] }));
    } else {
      const fn = functions.get(spec.target.function);
      if (!fn) throw new Error(`schedule ${spec.name}: unknown function`);
      arn = fn.functionArn;
      role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [arn] }));
    }
    return new CfnSchedule(scope, `Schedule${spec.name}`, {
      name: `${prefixOf(stage)}-${spec.name}`,
      scheduleExpression: spec.cron,
      scheduleExpressionTimezone: spec.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn, roleArn: role.roleArn, input: JSON.stringify(spec.input ?? {}), retryPolicy: { maximumRetryAttempts: 3 } },
    });
  });
}
