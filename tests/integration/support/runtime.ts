// Starts the local runtime for a test file: virtual clock, the run's DynamoDB Local, its own tables and ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Manifest } from '../../../infra/manifest-types.js';
import { manifest as defaultManifest } from '../../../infra/manifest.js';
import { type Runtime, startRuntime } from '../../../local/runtime/runtime.js';
import { freePort } from '../../../local/runtime/free-port.js';

export interface TestRuntimeOptions {
  manifest?: Manifest;
  clockStart?: string;
  dataDir?: string;
  tablePrefix?: string;
  /** Whether webhooks may go to loopback (the runtime's default); false applies the policy AWS has. */
  allowWebhookLoopback?: boolean;
}

// Handlers' SDK clients and mail transport are created once per process, from the endpoints of the first runtime
// that loaded them: every runtime a test file starts (one after the other) listens where they point.
let ports: Promise<{ port: number; sfnPort: number; smtpPort: number }> | undefined;

/** A runtime on loopback ports chosen by the OS (the same for every runtime of the test file), sharing the test run's DynamoDB Local. */
export async function testRuntime(options: TestRuntimeOptions = {}): Promise<Runtime> {
  ports ??= (async () => ({ port: await freePort(), sfnPort: await freePort(), smtpPort: await freePort() }))();
  return startRuntime({
    ...(await ports),
    dynamodbPort: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    dataDir: options.dataDir,
    virtualClockStart: new Date(options.clockStart ?? '2026-11-23T02:00:00Z'),
    manifest: options.manifest ?? defaultManifest,
    tablePrefix: options.tablePrefix ?? `it${Math.random().toString(36).slice(2, 8)}`,
    allowWebhookLoopback: options.allowWebhookLoopback,
  });
}

/** A temporary data folder removed when `cleanup` runs. */
export function tempDataDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'casework-runtime-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** JSON over HTTP against the runtime's API. */
export async function call(runtime: Runtime, method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${runtime.api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // Kept byte for byte: a CSV's byte-order mark is part of what the API answers.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  const isJson = (res.headers.get('content-type') ?? 'application/json').includes('json');
  return { status: res.status, body: text && isJson ? (JSON.parse(text) as Record<string, unknown>) : undefined, text, headers: res.headers };
}

/** Signs in as a demo user and returns the token. */
export async function login(runtime: Runtime, user: string): Promise<string> {
  const res = await call(runtime, 'POST', '/_local/login', { user });
  return String(res.body?.token);
}
