// Types shared by the Task state and the service integrations it calls.
import type { Json, JsonObject } from '../json.js';

export type TaskOutcome = { ok: true; output: Json } | { ok: false; error: string; cause?: string };

/** A Lambda function as registered with the engine: the same signature as a Node.js handler. */
export type LambdaHandler = (event: Json, context: LambdaContext) => unknown;

export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
}

/** Lambda functions by ARN or by name. */
export type HandlerRegistry = Record<string, LambdaHandler> | Map<string, LambdaHandler>;

export type DynamoDbAction = 'getItem' | 'putItem' | 'updateItem' | 'deleteItem';

/** The DynamoDB calls the optimised integrations need; an SDK-backed one lives in dynamodb-client.ts. */
export interface DynamoDbPort {
  call(action: DynamoDbAction, input: JsonObject): Promise<JsonObject>;
}

export type DynamoDbFactory = () => DynamoDbPort;

/** How the resource is invoked: request-response, `.sync` (`.sync:2`), or `.waitForTaskToken`. */
export type IntegrationPattern = 'request' | 'sync' | 'sync2' | 'token';

export interface ResourceInfo {
  kind: 'lambda-invoke' | 'lambda-function' | 'sfn-start' | 'dynamodb';
  pattern: IntegrationPattern;
  /** `resourceType` / `resource` as TaskScheduled events name them (e.g. `lambda` / `invoke`). */
  resourceType: string;
  resource: string;
  action?: DynamoDbAction;
  arn: string;
}

/** A task ready to start: `start` runs the invocation (for token tasks, only the submission). */
export interface TaskInvocation {
  resource: ResourceInfo;
  parameters: Json;
  /** Called by the executor only once the TaskScheduled transition is persisted. */
  start: () => Promise<TaskOutcome>;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface ChildExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: string;
  startDate: string;
  stopDate?: string;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
}

/** What the engine lends the integrations: handlers, DynamoDB, and child executions. */
export interface TaskServices {
  region: string;
  accountId: string;
  invokeFunction(functionRef: string, payload: Json): Promise<TaskOutcome>;
  dynamodb(action: DynamoDbAction, input: JsonObject): Promise<TaskOutcome>;
  startExecution(input: { stateMachineArn: string; input: string; name: string; parentTaskToken?: string }): Promise<
    { ok: true; executionArn: string; startDate: string } | { ok: false; error: string; cause: string }
  >;
  waitForExecution(executionArn: string): Promise<ChildExecutionDescription>;
}
