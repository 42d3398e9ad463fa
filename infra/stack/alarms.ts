// Alarms and a dashboard: failed executions per state machine, iterator age per stream consumer, given-up deliveries,
// and tickets overdue at the city level.
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { prefixOf, type Stage } from './context.js';
import type { StreamWiring } from './streams.js';

export function createAlarms(
  scope: Construct,
  stage: Stage,
  machines: Map<string, StateMachine>,
  streams: StreamWiring[],
  undeliveredFunction: IFunction | undefined,
  deadlineFunction?: LambdaFunction,
): Alarm[] {
  const alarms: Alarm[] = [];
  const dashboard = new Dashboard(scope, 'Dashboard', { dashboardName: `${prefixOf(stage)}-overview` });
  for (const [name, machine] of machines) {
    const failed = machine.metricFailed({ period: Duration.minutes(5) });
    alarms.push(
      new Alarm(scope, `Alarm-${name}-failed`, {
        alarmDescription: `executions of ${name} failed`,
        metric: failed,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: `${name}: executions`, left: [machine.metricStarted(), machine.metricSucceeded(), failed, machine.metricTimedOut()] }),
    );
  }
  for (const { spec, fn } of streams) {
    const age = fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) });
    alarms.push(
      new Alarm(scope, `Alarm-${spec.function}-iterator-age`, {
        alarmDescription: `${spec.function} is more than 5 minutes behind the ${spec.table} stream`,
        metric: age,
        threshold: 5 * 60 * 1000,
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    dashboard.addWidgets(new GraphWidget({ title: `${spec.function}: iterator age (ms)`, left: [age], right: [fn.metricErrors()] }));
  }
  if (undeliveredFunction) {
    // flag-undelivered runs only when the delivery workflow gives up on a notification.
    const givenUp = undeliveredFunction.metricInvocations({ period: Duration.minutes(15), statistic: 'Sum' });
    alarms.push(
      new Alarm(scope, 'Alarm-undelivered-notifications', {
        alarmDescription: 'a notification was given up on (see the Deliveries table, index undelivered)',
        metric: givenUp,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    dashboard.addWidgets(new GraphWidget({ title: 'notifications given up on', left: [givenUp] }));
  }
  if (deadlineFunction) {
    // ticket-deadline logs `metric: "CityOverdue"` each time it finds a city-level ticket past its deadline.
    const filter = new MetricFilter(scope, 'CityOverdueFilter', {
      logGroup: deadlineFunction.logGroup,
      filterPattern: FilterPattern.stringValue('$.metric', '=', 'CityOverdue'),
      metricNamespace: 'Casework',
      metricName: 'CityOverdueTickets',
      metricValue: '1',
    });
    const overdue = filter.metric({ statistic: 'Sum', period: Duration.hours(1) });
    alarms.push(
      new Alarm(scope, 'Alarm-city-overdue', {
        alarmDescription: 'tickets with the city supervision office are past their deadline (the overdue board is not empty)',
        metric: overdue,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    dashboard.addWidgets(new GraphWidget({ title: 'city-level tickets found overdue (per hour)', left: [overdue] }));
  }
  return alarms;
}
