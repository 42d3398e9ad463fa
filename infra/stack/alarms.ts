// Alarms and a dashboard: failed executions per state machine, iterator age per stream consumer, and the alarms the
// manifest declares on functions (such as given-up deliveries, tickets overdue at the city level).
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../manifest-types.js';
import { prefixOf, type Stage } from './context.js';
import type { StreamWiring } from './streams.js';

export function createAlarms(
  scope: Construct,
  stage: Stage,
  machines: Map<string, StateMachine>,
  streams: StreamWiring[],
  functionSpecs: FunctionSpec[],
  functions: Map<string, LambdaFunction>,
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
  for (const spec of functionSpecs) {
    for (const alarm of spec.alarms ?? []) {
      const fn = functions.get(spec.name);
      if (!fn) throw new Error(`alarm ${alarm.name}: unknown function ${spec.name}`);
      const period = Duration.minutes(alarm.periodMinutes);
      const metric = alarm.on === 'invocations' ? fn.metricInvocations({ period, statistic: 'Sum' }) : logMetric(scope, fn, alarm.name, alarm.metric, period);
      alarms.push(
        new Alarm(scope, `Alarm-${alarm.name}`, {
          alarmDescription: alarm.description,
          metric,
          threshold: alarm.threshold ?? 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      dashboard.addWidgets(new GraphWidget({ title: `${spec.name}: ${alarm.name}`, left: [metric] }));
    }
  }
  return alarms;
}

/** Counts the function's structured log lines carrying `metric: "<name>"` into the metric Casework/<name>. */
function logMetric(scope: Construct, fn: LambdaFunction, alarmName: string, name: string, period: Duration): Metric {
  const filter = new MetricFilter(scope, `MetricFilter-${alarmName}`, {
    logGroup: fn.logGroup,
    filterPattern: FilterPattern.stringValue('$.metric', '=', name),
    metricNamespace: 'Casework',
    metricName: name,
    metricValue: '1',
  });
  return filter.metric({ statistic: 'Sum', period });
}
