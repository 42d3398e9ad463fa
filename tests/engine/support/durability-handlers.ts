// Lambda functions for the durability test's engine process: pure work, and a notifier that records its token.
import { appendFileSync } from 'node:fs';
import type { HandlerRegistry } from '../../../local/stepfunctions/tasks/task-types.js';

export const DOUBLE_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:double';

const handlers: HandlerRegistry = {
  // Takes a little while, so kills land while calls are in flight (this runs in the engine's process, not the
  // test's), and logs each call so the test can kill on progress rather than on time.
  [DOUBLE_ARN]: (event) =>
    new Promise((resolve) =>
      setTimeout(() => {
        appendFileSync(process.env.PROGRESS_FILE ?? 'progress.log', `${String(event)}\n`);
        resolve((event as number) * 2);
      }, 10),
    ),
  notify: (event) => {
    const { token, ticket } = event as { token: string; ticket: string };
    appendFileSync(process.env.TOKENS_FILE ?? 'tokens.log', `${ticket}\t${token}\n`);
    return { sent: true };
  },
};

export default handlers;
