// DynamoDB optimised integrations (getItem/putItem/updateItem/deleteItem) through the injected DynamoDB port.
import { isJsonObject, type Json } from '../json.js';
import type { DynamoDbAction, TaskOutcome, TaskServices } from './task-types.js';

/** Runs one DynamoDB action with the task's Parameters as the request. */
export async function dynamoDbTask(services: TaskServices, action: DynamoDbAction, parameters: Json): Promise<TaskOutcome> {
  if (!isJsonObject(parameters)) {
    return { ok: false, error: 'States.Runtime', cause: `The Parameters of dynamodb:${action} must be an object.` };
  }
  return services.dynamodb(action, parameters);
}
