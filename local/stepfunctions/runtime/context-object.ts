// The context object (`$$` in JSONPath, `$states.context` in JSONata) of a state in a frame.
import type { Json, JsonObject } from '../json.js';
import type { ExecutionRecord, Frame } from '../model.js';

// The execution input is parsed once per execution, not once per state: it can be large and never changes.
const parsedInputs = new WeakMap<ExecutionRecord, Json>();

function executionInput(exec: ExecutionRecord): Json {
  let input = parsedInputs.get(exec);
  if (input === undefined) {
    try {
      input = JSON.parse(exec.input) as Json;
    } catch {
      input = exec.input;
    }
    parsedInputs.set(exec, input);
  }
  return input;
}

/** Builds the context object for the frame's current state. */
export function contextObject(exec: ExecutionRecord, frame: Frame, machineName: string, taskToken?: string): JsonObject {
  const input = executionInput(exec);
  const ctx: JsonObject = {
    Execution: {
      Id: exec.executionArn,
      Input: input,
      Name: exec.name,
      RoleArn: exec.roleArn,
      StartTime: exec.startDate,
      RedriveCount: 0,
    },
    State: {
      EnteredTime: frame.entered?.time ?? exec.startDate,
      Name: frame.stateName,
      RetryCount: frame.retryCount,
    },
    StateMachine: { Id: exec.stateMachineArn, Name: machineName },
  };
  if (taskToken !== undefined) ctx.Task = { Token: taskToken };
  return ctx;
}
