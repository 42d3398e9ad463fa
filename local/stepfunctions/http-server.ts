// HTTP front of the engine: the AWS JSON 1.0 protocol of Step Functions, so @aws-sdk/client-sfn works unchanged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from './engine.js';
import { SfnApiError } from './errors/api-errors.js';

type Action = (engine: Engine, body: Record<string, unknown>) => Promise<unknown>;

// Request bodies are the SDK's own shapes; the facade validates what it reads.
/* eslint-disable @typescript-eslint/no-explicit-any */
const ACTIONS: Record<string, Action> = {
  CreateStateMachine: (e, b) => e.createStateMachine(b as any),
  UpdateStateMachine: (e, b) => e.updateStateMachine(b as any),
  DescribeStateMachine: (e, b) => e.describeStateMachine(b as any),
  DescribeStateMachineForExecution: (e, b) => e.describeStateMachineForExecution(b as any),
  ListStateMachines: (e, b) => e.listStateMachines(b as any),
  DeleteStateMachine: (e, b) => e.deleteStateMachine(b as any),
  ValidateStateMachineDefinition: (e, b) => e.validateStateMachineDefinition(b as any),
  StartExecution: (e, b) => e.startExecution(b as any),
  DescribeExecution: (e, b) => e.describeExecution(b as any),
  ListExecutions: (e, b) => e.listExecutions(b as any),
  StopExecution: (e, b) => e.stopExecution(b as any),
  GetExecutionHistory: (e, b) => e.getExecutionHistory(b as any),
  SendTaskSuccess: (e, b) => e.sendTaskSuccess(b as any),
  SendTaskFailure: (e, b) => e.sendTaskFailure(b as any),
  SendTaskHeartbeat: (e, b) => e.sendTaskHeartbeat(b as any),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** The JSON protocol sends timestamps as epoch seconds. */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : v;
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = encode(body);
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': crypto.randomUUID() });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 404, { __type: 'UnknownOperationException', message: 'Only POST / is served' });
    return;
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  const action = ACTIONS[target.replace(/^AWSStepFunctions\./, '')];
  if (!target.startsWith('AWSStepFunctions.') || !action) {
    send(res, 400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` });
    return;
  }
  let body: Record<string, unknown>;
  try {
    const text = await readBody(req);
    body = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    send(res, 400, { __type: 'SerializationException', message: 'Request body is not valid JSON' });
    return;
  }
  try {
    send(res, 200, await action(engine, body));
  } catch (e) {
    if (e instanceof SfnApiError) send(res, e.httpStatus, { __type: e.code, message: e.message });
    else send(res, 500, { __type: 'InternalFailure', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Starts serving `engine` on host:port (port 0 picks a free one); resolves with the bound port. */
export async function startHttpServer(engine: Engine, options: { port: number; host?: string }): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(engine, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
