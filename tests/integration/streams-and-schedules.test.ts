// Manifest wiring of the runtime: stream subscriptions deliver each record once across a restart; cron schedules fire on time.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../infra/manifest-types.js';
import { manifest } from '../../infra/manifest.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { stateMachineArn } from '../../local/runtime/state-machines.js';
import { freshTables } from '../support/dynamodb.js';
import { tempDataDir, testRuntime } from './support/runtime.js';

const withTestParts: Manifest = {
  ...manifest,
  functions: [...manifest.functions, { name: 'record-stream', entry: 'tests/integration/support/record-stream.ts' }],
  // The test writes stand-in items ({id, version}) to Tickets: the board's follower reads ticket images and would retry
  // each one to exhaustion, so it is left out here; the stand-ins are the recorder's alone.
  streams: [...manifest.streams.filter((s) => s.function !== 'follow-board'), { table: 'Tickets', function: 'record-stream', batchSize: 2 }],
  stateMachines: [...manifest.stateMachines, { name: 'monthly-report', definitionFile: 'tests/integration/support/monthly-report.asl.json', substitutions: {} }],
  schedules: [
    ...manifest.schedules,
    { name: 'monthly-report', cron: 'cron(0 0 1 * ? *)', timeZone: 'Asia/Shanghai', target: { stateMachine: 'monthly-report' }, input: { report: 'zeroing' } },
  ],
};

describe('the runtime built from a manifest', () => {
  const data = tempDataDir();
  let runtime: Runtime | undefined;
  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
  });
  afterAll(() => data.cleanup());

  it('delivers every table write to its stream handler exactly once, across a restart', async () => {
    process.env.STREAM_LOG = join(data.dir, 'stream.log');
    const prefix = 'streamtest';
    const db = await freshTables();
    const put = (id: string, version: number) => db.doc.send(new PutCommand({ TableName: `${prefix}-Tickets`, Item: { id, version } }));
    runtime = await testRuntime({ manifest: withTestParts, dataDir: data.dir, tablePrefix: prefix });
    await put('T-1', 1);
    await put('T-2', 1);
    await put('T-1', 2);
    await runtime.idle();
    await runtime.stop();

    runtime = await testRuntime({ manifest: withTestParts, dataDir: data.dir, tablePrefix: prefix });
    await put('T-3', 1);
    await runtime.idle();

    expect(readFileSync(process.env.STREAM_LOG, 'utf8').trim().split('\n')).toEqual(['INSERT T-1', 'INSERT T-2', 'MODIFY T-1', 'INSERT T-3']);
    db.destroy();
  }, 60_000);

  it('fires the monthly schedule at the first minute of the month in Asia/Shanghai, and not before', async () => {
    // 23:58 on 30 November in Shanghai.
    runtime = await testRuntime({ manifest: withTestParts, clockStart: '2026-11-30T15:58:00Z' });
    const arn = stateMachineArn('monthly-report');

    await runtime.advanceTo(new Date('2026-11-30T15:59:59Z'));
    expect((await runtime.engine.listExecutions({ stateMachineArn: arn })).executions).toEqual([]);

    await runtime.advanceTo(new Date('2026-11-30T16:00:30Z'));
    const [run] = (await runtime.engine.listExecutions({ stateMachineArn: arn })).executions;
    expect(run?.name).toBe('monthly-report-2026-11-30T16-00-00-000Z');
    const done = await runtime.engine.describeExecution({ executionArn: run?.executionArn ?? '' });
    expect(JSON.parse(done.output ?? '{}')).toEqual({ firedAt: '2026-11-30T16:00:00.000Z', report: 'zeroing' });
  }, 60_000);

  it('fires a schedule once when a restart finds the clock saved before that fire (killed in between)', async () => {
    const folder = tempDataDir();
    try {
      runtime = await testRuntime({ manifest: withTestParts, clockStart: '2026-11-30T15:58:00Z', dataDir: folder.dir, tablePrefix: 'schedrestart' });
      await runtime.advanceTo(new Date('2026-11-30T16:00:30Z'));
      await runtime.stop();
      // The process died after the fire had run to its end but before the clock's new time was saved.
      writeFileSync(join(folder.dir, 'clock.json'), JSON.stringify({ now: '2026-11-30T15:59:00.000Z' }));
      runtime = await testRuntime({ manifest: withTestParts, clockStart: '2026-11-30T15:58:00Z', dataDir: folder.dir, tablePrefix: 'schedrestart' });

      await runtime.advanceTo(new Date('2026-11-30T16:01:00Z'));
      const runs = (await runtime.engine.listExecutions({ stateMachineArn: stateMachineArn('monthly-report') })).executions;
      expect(runs.map((r) => [r.name, r.status])).toEqual([['monthly-report-2026-11-30T16-00-00-000Z', 'SUCCEEDED']]);
    } finally {
      await runtime?.stop();
      runtime = undefined;
      folder.cleanup();
    }
  }, 60_000);
});
