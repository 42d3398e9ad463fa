// `npm start` as a process: killed with SIGKILL while executions wait, it comes back with every one of them.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../local/runtime/free-port.js';
import { tempDataDir } from './support/runtime.js';

const root = resolve(import.meta.dirname, '../..');

async function startProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', '--virtual-clock', '--manifest', 'tests/integration/support/test-manifest.ts'], {
    cwd: root,
    env: { ...process.env, ...env, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Demo users:')) ok();
    });
    child.once('exit', (code) => fail(new Error(`runtime exited with ${code}: ${out}`)));
  });
  return child;
}

describe('the runtime process killed with SIGKILL', () => {
  const data = tempDataDir();
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    data.cleanup();
  });

  it('loses no execution: they wait on after the restart and finish when their time comes', async () => {
    const env = {
      PORT: String(await freePort()),
      SFN_PORT: String(await freePort()),
      SMTP_PORT: String(await freePort()),
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      CASEWORK_DATA_DIR: data.dir,
      CASEWORK_CLOCK_START: '2026-11-23T02:00:00Z',
    };
    child = await startProcess(env);
    const sfn = new SFNClient({ endpoint: `http://127.0.0.1:${env.SFN_PORT}`, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:casework-wait-a-day';
    const arns: string[] = [];
    for (let i = 0; i < 20; i++) {
      const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: `T-${i}`, input: JSON.stringify({ ticket: `T-${i}` }) }));
      arns.push(started.executionArn ?? '');
    }

    const killed = new Promise((r) => child?.once('exit', r));
    child.kill('SIGKILL');
    await killed;
    child = await startProcess(env);
    const advanced = await fetch(`http://127.0.0.1:${env.PORT}/_local/clock`, { method: 'POST', body: JSON.stringify({ advance: 'P1DT1M' }) });
    expect(advanced.status).toBe(200);

    for (const [i, executionArn] of arns.entries()) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      expect(d.status).toBe('SUCCEEDED');
      expect(JSON.parse(d.output ?? '{}')).toEqual({ ticket: `T-${i}`, done: true });
    }
    sfn.destroy();
  }, 120_000);
});
