// Structured logs (Powertools): one JSON line per entry with the Lambda request id, the same in AWS and locally.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

export const logger = new Logger({ serviceName: 'casework', logLevel: (process.env.LOG_LEVEL as 'INFO' | 'WARN' | undefined) ?? 'INFO' });

/** Middy middleware adding the invocation's context (function, request id, cold start) to every log line. */
export const withLogging = () => injectLambdaContext(logger, { resetKeys: true });
