// Lambda integrations: `lambda:invoke` (response wrapped as Step Functions does) and plain function ARNs.
import { randomUUID } from 'node:crypto';
import { isJsonObject, type Json } from '../json.js';
import type { HandlerRegistry, LambdaHandler, TaskOutcome, TaskServices } from './task-types.js';

/** Finds a handler by full ARN, by ARN without qualifier, or by bare function name. */
export function findHandler(registry: HandlerRegistry, ref: string): { handler: LambdaHandler; name: string } | undefined {
  const get = (key: string) => (registry instanceof Map ? registry.get(key) : Object.prototype.hasOwnProperty.call(registry, key) ? registry[key] : undefined);
  const m = /^(?:arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:)?([\w-]+)(?::([\w$-]+))?$/.exec(ref);
  const name = m?.[1] ?? ref;
  const candidates = [ref, ref.replace(/:(\$LATEST|[\w-]+)$/, ''), name];
  for (const key of candidates) {
    const handler = get(key);
    if (handler) return { handler, name };
  }
  for (const [key, handler] of registry instanceof Map ? registry.entries() : Object.entries(registry)) {
    if (key.endsWith(`:function:${name}`)) return { handler, name };
  }
  return undefined;
}

/** Calls a handler and maps a thrown error to Lambda's error shape (errorType / errorMessage / trace). */
export async function callHandler(registry: HandlerRegistry, ref: string, payload: Json, region: string, accountId: string): Promise<TaskOutcome> {
  const found = findHandler(registry, ref);
  const arn = ref.startsWith('arn:') ? ref : `arn:aws:lambda:${region}:${accountId}:function:${ref}`;
  if (!found) {
    return {
      ok: false,
      error: 'Lambda.ResourceNotFoundException',
      cause: `Function not found: ${arn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`,
    };
  }
  try {
    const result = await found.handler(JSON.parse(JSON.stringify(payload)) as Json, {
      functionName: found.name,
      invokedFunctionArn: arn,
      awsRequestId: randomUUID(),
    });
    return { ok: true, output: result === undefined ? null : (JSON.parse(JSON.stringify(result)) as Json) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const errorType = err.name || 'Error';
    const cause = JSON.stringify({
      errorType,
      errorMessage: err.message,
      trace: (err.stack ?? `${errorType}: ${err.message}`).split('\n'),
    });
    return { ok: false, error: errorType, cause };
  }
}

/** `arn:aws:states:::lambda:invoke`: Parameters carry FunctionName and Payload; the result is wrapped. */
export async function lambdaInvoke(services: TaskServices, parameters: Json): Promise<TaskOutcome> {
  if (!isJsonObject(parameters) || typeof parameters.FunctionName !== 'string') {
    return {
      ok: false,
      error: 'States.Runtime',
      cause: 'The field "FunctionName" is required but was missing.',
    };
  }
  const outcome = await services.invokeFunction(parameters.FunctionName, parameters.Payload ?? null);
  if (!outcome.ok) return outcome;
  const requestId = randomUUID();
  const headers = {
    Connection: 'keep-alive',
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
  };
  return {
    ok: true,
    output: {
      ExecutedVersion: '$LATEST',
      Payload: outcome.output,
      SdkHttpMetadata: {
        AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        HttpHeaders: headers,
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: requestId },
      StatusCode: 200,
    },
  };
}

/** A plain function ARN: the task input is the event and the function's return value is the result. */
export async function lambdaFunction(services: TaskServices, functionArn: string, parameters: Json): Promise<TaskOutcome> {
  return services.invokeFunction(functionArn, parameters);
}
