// `npm start` as a child process that can be killed the hard way and started again on the same data, as a crash would.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RuntimeProcessOptions {
  dataDir: string;
  clockStart: Date;
  ports: { port: number; sfnPort: number; dynamodbPort: number; smtpPort: number };
  /** The repository's root; the working directory by default. */
  root?: string;
  /** Where the runtime's output goes, every start appended; nowhere when absent. */
  logFile?: string;
}

/**
 * How a crash takes the runtime: `process` kills Node alone (its DynamoDB Local is orphaned and found again at the
 * next start), `group` kills Node and DynamoDB Local together, as a power cut would.
 */
export type KillMode = 'process' | 'group';

/** The local runtime in its own process group, with the virtual clock, its data in `dataDir`. */
export class RuntimeProcess {
  private child: ChildProcess | undefined;
  private up: Promise<void> = Promise.resolve();
  /** Starts so far, the first included. */
  starts = 0;

  constructor(private readonly options: RuntimeProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.ports.port}`;
  }

  /** The runtime's Node process, while one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get sfnEndpoint(): string {
    return `http://127.0.0.1:${this.options.ports.sfnPort}`;
  }

  /** Resolves once the runtime of the moment answers (at once when no restart is under way). */
  ready(): Promise<void> {
    return this.up;
  }

  /** Starts the runtime and resolves once its banner is printed. */
  start(): Promise<void> {
    this.up = this.spawn();
    return this.up;
  }

  /** SIGKILLs the runtime (and with `group` its DynamoDB Local), then starts it again; `ready()` waits for that. */
  async crash(mode: KillMode): Promise<void> {
    const child = this.child;
    if (!child?.pid) throw new Error('the runtime is not running');
    let restarted!: () => void;
    let failed!: (error: unknown) => void;
    this.up = new Promise<void>((ok, fail) => {
      restarted = ok;
      failed = fail;
    });
    // Callers waiting on `ready()` see a failure only if the restart itself fails.
    this.up.catch(() => undefined);
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(mode === 'group' ? -child.pid : child.pid, 'SIGKILL');
    await exited;
    await this.spawn().then(restarted, failed);
    return this.up;
  }

  /** Stops the runtime gracefully (it stops its DynamoDB Local). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  private async spawn(): Promise<void> {
    const { ports, dataDir, clockStart } = this.options;
    const root = resolve(this.options.root ?? process.cwd());
    // Its own DynamoDB Local on its own data, whatever endpoint the caller's environment names.
    const { DYNAMODB_ENDPOINT: _, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './local/quiet-sdk-warning.ts', 'local/main.ts', '--virtual-clock'], {
      cwd: root,
      // Its own process group, so a `group` kill reaches its DynamoDB Local and nothing of the caller's.
      detached: true,
      env: {
        ...inherited,
        PORT: String(ports.port),
        SFN_PORT: String(ports.sfnPort),
        DYNAMODB_PORT: String(ports.dynamodbPort),
        SMTP_PORT: String(ports.smtpPort),
        CASEWORK_DATA_DIR: dataDir,
        CASEWORK_CLOCK_START: clockStart.toISOString(),
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    const { logFile } = this.options;
    if (logFile) {
      appendFileSync(logFile, `\n=== start ${this.starts} at ${new Date().toISOString()} (pid ${child.pid})\n`);
      for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
    }
    await new Promise<void>((ok, fail) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.includes('Demo users:')) return;
        child.stdout?.off('data', onData);
        // Keep draining, or a full pipe would stall the runtime's logging.
        child.stdout?.resume();
        child.off('exit', onExit);
        ok();
      };
      const onExit = (code: number | null) => fail(new Error(`runtime exited with ${code} before it was up: ${out}\n${err}`));
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
    });
  }
}
