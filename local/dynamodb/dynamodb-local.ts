// Runs DynamoDB Local (AWS's own emulator) as a child process on Java, in memory or on disk.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureEmulator } from './emulator-package.js';
import { localClientConfig } from '../../adapters/local-client-config.js';

export interface DynamoDbLocalOptions {
  port: number;
  /** Folder for the database file; in memory when absent. */
  dataDir?: string;
  /** How long to wait for the first answer, in ms. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  /** False when this Java cannot run the loopback launcher (no jdk.compiler module): it then listens on every interface. */
  loopbackOnly: boolean;
  /** The JVM's process id, to read its memory. */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Explains what to do when this machine has no Java runtime. */
export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 11 or newer and `java` was not found on PATH.\n' +
        '  Install it (Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`),\n' +
        '  or point Casework at an existing DynamoDB with DYNAMODB_ENDPOINT=http://host:port.',
    );
  }
}

/** True when a `java` launcher answers on PATH. */
export function hasJava(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** A client for a local endpoint with the dummy credentials DynamoDB Local accepts. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(localClientConfig(endpoint));
}

/**
 * DynamoDB Local shares a small machine with Node. The JVM's defaults (G1 with a worker per core, the C2
 * compiler in background threads) take both cores away from Node in bursts: on 2 cores intake-to-webhook
 * p99 was 100-130 ms with them and 72-88 ms with one collector thread and the C1 compiler only.
 */
const JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

const LOOPBACK_LAUNCHER = fileURLToPath(new URL('LoopbackDynamoDbLocal.java', import.meta.url));
let sourceLaunch: boolean | undefined;

/** True when `java` can run a program from source (Debian's and Ubuntu's JRE can; a jlinked runtime may not). */
function canRunSource(): boolean {
  sourceLaunch ??= (spawnSync('java', ['--list-modules'], { encoding: 'utf8' }).stdout ?? '').includes('jdk.compiler@');
  return sourceLaunch;
}

/** Starts DynamoDB Local and resolves once it answers ListTables. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  if (!hasJava()) throw new JavaMissingError();
  const dir = await ensureEmulator();
  if (options.dataDir) await killOrphan(pidFile(options.dataDir));
  // -sharedDb: one database whatever the credentials and region of a request, as one AWS account would see it.
  const storage = options.dataDir ? ['-sharedDb', '-dbPath', prepare(options.dataDir)] : ['-inMemory', '-sharedDb'];
  const loopbackOnly = canRunSource();
  // Its own launcher listens on every interface; ours (run from source, needing jdk.compiler) on loopback only.
  const launch = loopbackOnly
    ? ['-cp', `${join(dir, 'DynamoDBLocal.jar')}${delimiter}${join(dir, 'DynamoDBLocal_lib', '*')}`, LOOPBACK_LAUNCHER]
    : ['-jar', join(dir, 'DynamoDBLocal.jar')];
  const child = spawn(
    'java',
    [...JVM_FLAGS, `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, ...launch, ...storage, '-port', String(options.port), '-disableTelemetry'],
    // Both the variable and the flag are needed, or it tries a DNS lookup for telemetry.
    { env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (options.dataDir && child.pid) writeFileSync(pidFile(options.dataDir), String(child.pid));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilAnswering(endpoint, child, options.startTimeoutMs ?? 30_000, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { endpoint, loopbackOnly, pid: child.pid, stop: () => stopProcess(child) };
}

const pidFile = (dataDir: string) => join(prepare(dataDir), 'dynamodb-local.pid');

/**
 * A runtime killed with SIGKILL leaves its DynamoDB Local running, holding the port and the database file. The next
 * start on the same data finds it by the pid it wrote, and stops it, if that pid is still a DynamoDB Local on this data.
 */
async function killOrphan(file: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const args = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !args.includes('DynamoDBLocal.jar') || !args.includes(resolve(file, '..'))) return;
  process.kill(pid, 'SIGKILL');
  // An orphan's exit cannot be awaited (it is not our child): watch for its pid to go.
  for (let tries = 0; tries < 100; tries++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function prepare(dataDir: string): string {
  const path = resolve(dataDir);
  mkdirSync(path, { recursive: true });
  return path;
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number, stderr: () => string) {
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${stderr()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${String(error)}`);
        // Readiness polling of a starting JVM, not a stand-in for a timer: there is no event to wait on.
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
