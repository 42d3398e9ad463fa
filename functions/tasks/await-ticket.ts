// Lifecycle task (.waitForTaskToken): remembers the token the lifecycle now waits on, server-side.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { taskTokens } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: { ticketId: string; token: string }) => {
  await taskTokens.put(event.ticketId, event.token, now());
  return { waiting: event.ticketId };
}).use(withLogging());
