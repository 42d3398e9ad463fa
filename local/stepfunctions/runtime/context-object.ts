// The context object (`$$` in JSONPath, `$states.context` in JSONata) of a state in a frame.
import type { Json, JsonObject } from '../json.js';
import type { ExecutionRecord, Frame } from '../model.js';

// What does not change during an execution (its input can be large) is built once per execution, not per state.
const perExecution = new WeakMap<ExecutionRecord, { Execution: JsonObject; StateMachine: JsonObject }>();

function executionParts(exec: ExecutionRecord, machineName: string): { Execution: JsonObject; StateMachine: JsonObject } {
  let parts = perExecution.get(exec);
  if (parts === undefined) {
    let input: Json;
    try {
      input = JSON.parse(exec.input) as Json;
    } catch {
      input = exec.input;
    }
    parts = {
      Execution: { Id: exec.executionArn, Input: input, Name: exec.name, RoleArn: exec.roleArn, StartTime: exec.startDate, RedriveCount: 0 },
      StateMachine: { Id: exec.stateMachineArn, Name: machineName },
    };
    perExecution.set(exec, parts);
  }
  return parts;
}

/** Builds the context object for the frame's current state. */
export function contextObject(exec: ExecutionRecord, frame: Frame, machineName: string, taskToken?: string): JsonObject {
  const { Execution, StateMachine } = executionParts(exec, machineName);
  const ctx: JsonObject = {
    Execution,
    State: { EnteredTime: frame.entered?.time ?? exec.startDate, Name: frame.stateName, RetryCount: frame.retryCount },
    StateMachine,
  };
  if (taskToken !== undefined) ctx.Task = { Token: taskToken };
  return ctx;
}
