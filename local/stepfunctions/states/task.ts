// Task state: resolves the resource and starts the invocation; the executor owns timeouts, tokens and Retry/Catch.
import type { Json } from '../json.js';
import { StatesRuntimeError } from '../errors/states-errors.js';
import type { StateDefinition } from '../model.js';
import { dynamoDbTask } from '../tasks/dynamodb.js';
import { lambdaFunction, lambdaInvoke } from '../tasks/lambda.js';
import { parseResource } from '../tasks/resources.js';
import { startExecutionTask } from '../tasks/sfn.js';
import type { ResourceInfo, TaskOutcome } from '../tasks/task-types.js';
import { numberField, type StateContext, type StateModule, type StepOutcome } from './state-module.js';

async function positiveSeconds(state: StateDefinition, field: string, ctx: StateContext): Promise<number | undefined> {
  const { value, source } = await numberField(state, field, ctx);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value <= 0) {
    throw new StatesRuntimeError(`The ${source} parameter must be a positive integer, but was ${String(value)}.`);
  }
  return value;
}

function starter(resource: ResourceInfo, input: Json, ctx: StateContext): () => Promise<TaskOutcome> {
  switch (resource.kind) {
    case 'lambda-invoke':
      return () => lambdaInvoke(ctx.tasks, input);
    case 'lambda-function':
      return () => lambdaFunction(ctx.tasks, resource.arn, input);
    case 'dynamodb':
      return () => dynamoDbTask(ctx.tasks, resource.action ?? 'getItem', input);
    case 'sfn-start':
      return () => startExecutionTask(ctx.tasks, resource.pattern, input, ctx.attemptId(), ctx.taskToken);
  }
}

export const taskState: StateModule = {
  async execute(state: StateDefinition, input: Json, ctx: StateContext): Promise<StepOutcome> {
    const resource = parseResource(String(state.Resource));
    if (!resource) throw new StatesRuntimeError(`Unsupported resource '${String(state.Resource)}'`);
    const timeoutSeconds = await positiveSeconds(state, 'TimeoutSeconds', ctx);
    const heartbeatSeconds = await positiveSeconds(state, 'HeartbeatSeconds', ctx);
    return {
      kind: 'task',
      invocation: { resource, parameters: input, start: starter(resource, input, ctx), timeoutSeconds, heartbeatSeconds },
    };
  },
};
