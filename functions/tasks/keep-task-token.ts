// Workflow task (.waitForTaskToken): keeps the token of a wait server-side, under the key of what waits.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { KeepTaskTokenPayload } from '../../schemas/workflows/task-token.js';
import { taskTokens } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { waitFor, token } = KeepTaskTokenPayload.parse(event);
  await taskTokens.put(waitFor, token, now());
  return { waiting: waitFor };
}).use(withLogging());
