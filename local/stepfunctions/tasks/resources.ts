// Resource ARNs the Task state supports, parsed once at definition time (unsupported ones are rejected).
import type { DynamoDbAction, IntegrationPattern, ResourceInfo } from './task-types.js';

const PATTERNS: Record<string, IntegrationPattern> = {
  '': 'request',
  '.sync': 'sync',
  '.sync:2': 'sync2',
  '.waitForTaskToken': 'token',
};
const DYNAMODB_ACTIONS: DynamoDbAction[] = ['getItem', 'putItem', 'updateItem', 'deleteItem'];

/** Parses a Task `Resource`; undefined when the local engine cannot run it. */
export function parseResource(arn: string): ResourceInfo | undefined {
  if (/^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(arn)) {
    return { kind: 'lambda-function', pattern: 'request', resourceType: 'lambda', resource: arn, arn };
  }
  const m = /^arn:aws[\w-]*:states:[\w-]*:\d{0,12}:([\w-]+):([\w]+)(\.sync(?::2)?|\.waitForTaskToken)?$/.exec(arn);
  if (!m) return undefined;
  const service = m[1] as string;
  const action = m[2] as string;
  const suffix = m[3] ?? '';
  const pattern = PATTERNS[suffix];
  if (pattern === undefined) return undefined;
  const resource = `${action}${suffix}`;
  if (service === 'lambda' && action === 'invoke' && (pattern === 'request' || pattern === 'token')) {
    return { kind: 'lambda-invoke', pattern, resourceType: 'lambda', resource, arn };
  }
  if (service === 'states' && action === 'startExecution') {
    return { kind: 'sfn-start', pattern, resourceType: 'states', resource, arn };
  }
  if (service === 'dynamodb' && pattern === 'request' && (DYNAMODB_ACTIONS as string[]).includes(action)) {
    return { kind: 'dynamodb', pattern, resourceType: 'dynamodb', resource, action: action as DynamoDbAction, arn };
  }
  return undefined;
}

/** The list shown in the InvalidDefinition message for an unsupported resource. */
export const SUPPORTED_RESOURCES = [
  'arn:aws:lambda:REGION:ACCOUNT:function:NAME',
  'arn:aws:states:::lambda:invoke',
  'arn:aws:states:::lambda:invoke.waitForTaskToken',
  'arn:aws:states:::states:startExecution (.sync, .sync:2, .waitForTaskToken)',
  'arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem',
];
