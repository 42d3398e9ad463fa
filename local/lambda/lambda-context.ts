// In-process Lambda invocation with the context object a real Lambda runtime passes to handlers.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export type Handler<E = unknown, R = unknown> = (event: E, context: Context) => Promise<R> | R;

export interface InvokeOptions {
  functionName: string;
  region?: string;
  accountId?: string;
  timeoutMs?: number;
  now?: () => number;
}

/** A Lambda context for one invocation of `functionName`, as the Node.js runtime builds it. */
export function lambdaContext(options: InvokeOptions): Context {
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '123456789012';
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 30_000);
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${account}:function:${options.functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Invokes a handler in this process as Lambda would: a fresh context, the event as JSON would carry it. */
export async function invokeLocally<R>(handler: Handler<unknown, R>, event: unknown, options: InvokeOptions): Promise<R> {
  const payload: unknown = JSON.parse(JSON.stringify(event ?? null));
  return handler(payload, lambdaContext(options));
}
