// cdk-nag AwsSolutions findings this stack accepts, each on the narrowest construct and with its reason.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const ack = (scope: IConstruct, id: string, reason: string): void =>
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });

export function acknowledgeFunction(fn: IConstruct): void {
  ack(fn, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs.');
  ack(fn, 'IAM5[Resource::*]',
    'xray:PutTraceSegments/PutTelemetryRecords (active tracing) and dynamodb:ListStreams (stream event source) do not support resource-level permissions; all table access is scoped to table and index ARNs.');
  ack(fn, 'L1', 'Node.js 22 is the runtime the project targets and supports; moving to a newer runtime is a deliberate upgrade.');
}

export function acknowledgeStateMachine(machine: IConstruct): void {
  ack(machine, 'IAM5[Resource::*]',
    'Step Functions log delivery (logs:*LogDelivery*, DescribeLogGroups, resource policies) and X-Ray tracing require Resource "*"; Lambda invocation is scoped to the exact function ARNs.');
}

/** A parent machine that runs a child with startExecution.sync:2 follows and may stop the child's executions. */
export function acknowledgeChildExecutions(machine: IConstruct, childName: string): void {
  ack(machine, `IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${childName}:*]`,
    "states:startExecution.sync:2 must describe and stop the child's executions, whose names are only known at run time; the ARN is scoped to the one child state machine.");
}

/** A function that reads a machine's executions (a ticket's lifecycle, its joint reviews) by names known only at run time. */
export function acknowledgeExecutionReads(fn: IConstruct, machineName: string): void {
  ack(fn, `IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${machineName}:*]`,
    "Executions are named after tickets and panels at run time; reading them (describe, history, definition) is scoped to the one state machine's executions and allows no start, stop or task answer.");
}

export function acknowledgeDeadLetterQueue(queue: IConstruct): void {
  ack(queue, 'SQS3', 'This queue is itself the on-failure destination (dead-letter queue) of a DynamoDB stream event source.');
}

export function acknowledgeUserPool(pool: IConstruct): void {
  ack(pool, 'COG8', 'Staff sign-in only (no self sign-up, MFA required); the Plus feature plan (threat protection) is a cost choice left to the operator.');
}

export function acknowledgePublicRoute(route: IConstruct): void {
  ack(route, 'APIG4', "Public by design in the manifest (auth: false): the OpenAPI document, and the citizen's progress lookup, which answers only a ticket number with the last four digits of its caller's phone (status, unit, reply) and refuses bursts of tries per ticket and per address.");
}

export function acknowledgeWeb(bucket: IConstruct, distribution: IConstruct): void {
  ack(bucket, 'S1', 'Static web assets only, read exclusively by CloudFront through OAC; CloudTrail covers writes.');
  ack(distribution, 'CFR1', 'Citizens and staff may be anywhere; no geo restriction is wanted.');
  ack(distribution, 'CFR2', 'Static single-page app with no server-side logic; WAF is optional and priced per deployment (docs/deploy.md).');
  ack(distribution, 'CFR3', 'Access logs for static assets are not needed; the API has its own access logs.');
  ack(distribution, 'CFR4', 'The default *.cloudfront.net certificate is used until a custom domain (with ICP filing in China) and a TLSv1.2_2021 policy are configured.');
}

/** The CDK's own function that copies web/dist into the bucket on deployment (BucketDeployment's singleton). */
export function acknowledgeWebDeployment(handler: IConstruct, webBucketLogicalId: string): void {
  const copies = "The CDK's BucketDeployment function copies the built app from the CDK asset bucket into the web bucket and invalidates CloudFront at deployment; its grants are the construct's own.";
  ack(handler, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs.');
  for (const finding of ['Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Resource::*']) ack(handler, `IAM5[${finding}]`, copies);
  ack(handler, 'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', copies);
  ack(handler, `IAM5[Resource::<${webBucketLogicalId}.Arn>/*]`, copies);
  ack(handler, 'L1', "The runtime is the CDK's choice for its BucketDeployment function and moves with aws-cdk-lib.");
}
