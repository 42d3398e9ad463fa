// Kill -9 the engine process mid-run, again and again: every execution still ends as an uninterrupted run does.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { DOUBLE_ARN } from './support/durability-handlers.js';
import { counter, fanOut, waitForReply } from './support/durability-machines.js';
import { createMachine, testEngine } from './support/harness.js';
import { freePort } from '../../local/runtime/free-port.js';

const root = resolve(import.meta.dirname, '../..');
const machines = { counter, fanOut, waitForReply };
const PER_MACHINE = 4;
const KILLS = 4;

/** A condition polled until true: the engine runs in another process, so there is no event to await. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

class EngineProcess {
  child?: ChildProcess;
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/stepfunctions/main.ts', '--port', String(this.port), '--data', this.dir, '--handlers', 'tests/engine/support/durability-handlers.ts'],
      { cwd: root, env: { ...process.env, TOKENS_FILE: join(this.dir, 'tokens.log'), PROGRESS_FILE: join(this.dir, 'progress.log'), NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    await new Promise<void>((ok, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && ok());
      child.once('exit', (code) => fail(new Error(`engine exited with ${code}`)));
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

describe('the engine killed with SIGKILL mid-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casework-durable-'));
  let engine: EngineProcess;
  afterAll(async () => {
    await engine?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes every execution with the same result as an uninterrupted run', async () => {
    // Arrange: the results of an uninterrupted, in-process run.
    const expected = new Map<string, string>();
    for (const [name, definition] of Object.entries(machines)) {
      for (let i = 0; i < PER_MACHINE; i++) {
        const id = `${name}-${i}`;
        const t = testEngine({ handlers: { [DOUBLE_ARN]: (e) => (e as number) * 2, notify: () => ({ sent: true }) } });
        const arn = await createMachine(t.engine, definition, name);
        const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn, name: id, input: JSON.stringify({ id }) });
        await t.engine.idle();
        if (name === 'waitForReply') {
          const { events } = await t.engine.getExecutionHistory({ executionArn, maxResults: 1000 });
          const token = JSON.stringify(events).match(/AAAA[\w-]+/)?.[0];
          if (token) await t.engine.sendTaskSuccess({ taskToken: token, output: JSON.stringify({ answer: id }) });
          await t.engine.idle();
        }
        expected.set(id, (await t.engine.describeExecution({ executionArn })).output ?? '');
      }
    }

    engine = new EngineProcess(await freePort(), dir);
    await engine.start();
    const client = () =>
      new SFNClient({ endpoint: `http://127.0.0.1:${engine.port}`, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    let sfn = client();
    const arns: Record<string, string> = {};
    for (const [name, definition] of Object.entries(machines)) {
      const created = await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/x' }));
      arns[name] = created.stateMachineArn ?? '';
    }
    const executions: string[] = [];
    for (const name of Object.keys(machines)) {
      for (let i = 0; i < PER_MACHINE; i++) {
        const id = `${name}-${i}`;
        const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: arns[name], name: id, input: JSON.stringify({ id }) }));
        executions.push(started.executionArn ?? '');
      }
    }

    // Act: kill it whenever the journal has grown a little, restart, repeat.
    const progress = join(dir, 'progress.log');
    const calls = () => (existsSync(progress) ? readFileSync(progress, 'utf8').split('\n').length - 1 : 0);
    let interrupted = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = calls();
      await until(() => calls() >= before + 10, 'ten more Lambda calls');
      const busy = await Promise.all(
        ['counter', 'fanOut'].map((name) => sfn.send(new ListExecutionsCommand({ stateMachineArn: arns[name], statusFilter: 'RUNNING' }))),
      );
      if (busy.some((page) => (page.executions ?? []).length > 0)) interrupted += 1;
      await engine.kill();
      await engine.start();
      sfn = client();
    }

    expect(interrupted, 'kills that hit running work').toBeGreaterThanOrEqual(KILLS - 1);

    // Answer every task token the notifier handed out (a token may have been handed out twice).
    const answered = new Set<string>();
    await until(() => allTokensSeen(dir), 'every notification');
    for (const line of readFileSync(join(dir, 'tokens.log'), 'utf8').trim().split('\n')) {
      const [ticket, token] = line.split('\t') as [string, string];
      if (answered.has(ticket)) continue;
      answered.add(ticket);
      await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ answer: ticket }) }));
    }

    // Assert
    const outputs = new Map<string, string>();
    await until(async () => {
      for (const executionArn of executions) {
        const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (d.status === 'RUNNING') return false;
        expect(d.status).toBe('SUCCEEDED');
        outputs.set(d.name ?? '', d.output ?? '');
      }
      return true;
    }, 'every execution to finish');
    for (const [id, output] of expected) expect(JSON.parse(outputs.get(id) ?? 'null'), id).toEqual(JSON.parse(output));
  }, 120_000);
});

function allTokensSeen(dir: string): boolean {
  const file = join(dir, 'tokens.log');
  if (!existsSync(file)) return false;
  const tickets = new Set(readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t')[0]));
  return tickets.size >= PER_MACHINE;
}
