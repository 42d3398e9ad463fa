// DynamoDB stream subscriptions from the manifest: bisect on error, bounded retries, failures to an SQS dead-letter queue.
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StreamSubscriptionSpec } from '../manifest-types.js';
import { acknowledgeDeadLetterQueue } from './nag.js';

export interface StreamWiring {
  spec: StreamSubscriptionSpec;
  fn: IFunction;
  deadLetters: Queue;
}

export function createStreams(
  scope: Construct,
  specs: StreamSubscriptionSpec[],
  functions: Map<string, IFunction>,
  tables: Map<string, ITable>,
): StreamWiring[] {
  return specs.map((spec) => {
    const fn = functions.get(spec.function);
    const table = tables.get(spec.table);
    if (!fn || !table) throw new Error(`stream ${spec.table} -> ${spec.function}: unknown table or function`);
    const deadLetters = new Queue(scope, `Dlq${spec.table}To${spec.function.replace(/-/g, '')}`, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledgeDeadLetterQueue(deadLetters);
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: spec.batchSize,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: false,
        onFailure: new SqsDlq(deadLetters),
      }),
    );
    return { spec, fn, deadLetters };
  });
}
