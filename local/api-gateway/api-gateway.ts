// The local API Gateway: an HTTP server that turns requests into HTTP API events for the manifest's routes.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteSpec } from '../../infra/manifest-types.js';
import { type HttpReply, fromLambdaResult, toProxyEvent } from './proxy-event.js';
import { RouteTable } from './route-table.js';

type Claims = Record<string, string | number | boolean | string[]>;

export interface ApiGatewayOptions {
  port: number;
  routes: readonly RouteSpec[];
  /** Runs a function of the manifest with an event; resolves with its result. */
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  /** Verifies a bearer token as the JWT authorizer would; throws when it is not valid. */
  verify: (token: string) => Promise<Claims>;
  now: () => Date;
  /** Serves what no manifest route does (health, local endpoints, the web app); false when it did not. */
  fallback?: (req: IncomingMessage, url: URL, body: Buffer) => Promise<HttpReply | undefined>;
}

export interface ApiGateway {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;
const json = (statusCode: number, value: unknown): HttpReply => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(value)),
});

/** Starts the gateway on 127.0.0.1. */
export async function startApiGateway(options: ApiGatewayOptions): Promise<ApiGateway> {
  const table = new RouteTable(options.routes);

  async function handle(req: IncomingMessage): Promise<HttpReply> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (body === undefined) return json(413, { message: 'Request Entity Too Large' });
    const match = table.match(req.method ?? 'GET', url.pathname);
    if (match && 'malformed' in match) return json(400, { error: 'ValidationError', message: '(path): is not valid percent-encoded UTF-8' });
    if (!match || !('route' in match)) {
      const served = await options.fallback?.(req, url, body);
      if (served) return served;
      return match ? json(405, { message: 'Method Not Allowed' }) : json(404, { message: 'Not Found' });
    }
    let claims: Claims | undefined;
    if (match.route.auth) {
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!token) return json(401, { message: 'Unauthorized' });
      try {
        claims = await options.verify(token);
      } catch {
        return json(401, { message: 'Unauthorized' });
      }
    }
    const event = toProxyEvent(req, url, body, match, claims, options.now());
    try {
      return fromLambdaResult(await options.invoke(match.route.function, event));
    } catch (error) {
      console.error(`${match.routeKey} -> ${match.route.function} failed:`, error);
      return json(500, { message: 'Internal Server Error' });
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req)
      .catch((error: unknown) => {
        console.error('api gateway:', error);
        return json(500, { message: 'Internal Server Error' });
      })
      .then((reply) => {
        // A 204 or 304 has no content, so no Content-Length either (a 304's would have to be the 200's length).
        if (reply.statusCode === 204 || reply.statusCode === 304) {
          res.writeHead(reply.statusCode, reply.headers).end();
          return;
        }
        res.writeHead(reply.statusCode, { ...reply.headers, 'content-length': String(reply.body.length) });
        res.end(reply.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
