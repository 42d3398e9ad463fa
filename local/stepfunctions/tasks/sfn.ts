// `states:startExecution` integration: starts a child execution, optionally waiting for it (.sync / .sync:2).
import { isJsonObject, type Json } from '../json.js';
import type { IntegrationPattern, TaskOutcome, TaskServices } from './task-types.js';

/** Starts (and for `.sync` waits for) a child execution named `defaultName` unless Parameters give a Name. */
export async function startExecutionTask(
  services: TaskServices,
  pattern: IntegrationPattern,
  parameters: Json,
  defaultName: string,
  taskToken: string | undefined,
): Promise<TaskOutcome> {
  if (!isJsonObject(parameters) || typeof parameters.StateMachineArn !== 'string') {
    return { ok: false, error: 'States.Runtime', cause: 'The field "StateMachineArn" is required but was missing.' };
  }
  const input = parameters.Input === undefined ? '{}' : typeof parameters.Input === 'string' ? parameters.Input : JSON.stringify(parameters.Input);
  const name = typeof parameters.Name === 'string' ? parameters.Name : defaultName;
  const started = await services.startExecution({ stateMachineArn: parameters.StateMachineArn, input, name, parentTaskToken: taskToken });
  if (!started.ok) return { ok: false, error: started.error, cause: started.cause };
  if (pattern === 'request' || pattern === 'token') {
    return { ok: true, output: { ExecutionArn: started.executionArn, StartDate: started.startDate } };
  }
  const done = await services.waitForExecution(started.executionArn);
  const description: Record<string, Json> = {
    ExecutionArn: done.executionArn,
    Input: pattern === 'sync2' ? parseOrText(done.input) : done.input,
    InputDetails: { Included: true },
    Name: done.name,
    StartDate: done.startDate,
    StateMachineArn: done.stateMachineArn,
    Status: done.status,
    StopDate: done.stopDate ?? null,
  };
  if (done.status === 'SUCCEEDED') {
    description.Output = pattern === 'sync2' ? parseOrText(done.output ?? 'null') : (done.output ?? null);
    description.OutputDetails = { Included: true };
    return { ok: true, output: description };
  }
  if (done.error !== undefined) description.Error = done.error;
  if (done.cause !== undefined) description.Cause = done.cause;
  const error = done.status === 'TIMED_OUT' ? 'States.Timeout' : 'States.TaskFailed';
  return { ok: false, error, cause: JSON.stringify(description) };
}

function parseOrText(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
