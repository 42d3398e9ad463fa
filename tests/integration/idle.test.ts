// runtime.idle() as a barrier: every write made before it has been handled, and all that handling caused has settled.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../infra/manifest-types.js';
import { tables } from '../../infra/manifest.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { stateMachineArn } from '../../local/runtime/state-machines.js';
import { freshTables } from '../support/dynamodb.js';
import { tempDataDir, testRuntime } from './support/runtime.js';

// Only test parts on the Tickets stream: a logger, and a chain of record -> execution -> write -> record -> ...
const chainManifest: Manifest = {
  tables,
  functions: [
    { name: 'record-stream', entry: 'tests/integration/support/record-stream.ts' },
    { name: 'chain-start', entry: 'tests/integration/support/chain-start.ts' },
    { name: 'chain-step', entry: 'tests/integration/support/chain-step.ts' },
  ],
  stateMachines: [{ name: 'chain', definitionFile: 'tests/integration/support/chain.asl.json', substitutions: { ChainStep: { function: 'chain-step' } } }],
  routes: [],
  streams: [
    { table: 'Tickets', function: 'record-stream', batchSize: 10 },
    { table: 'Tickets', function: 'chain-start', batchSize: 10 },
  ],
  schedules: [],
};

describe('idle, as a barrier', () => {
  const data = tempDataDir();
  const prefix = `idle${Math.random().toString(36).slice(2, 8)}`;
  let runtime: Runtime;
  let db: Awaited<ReturnType<typeof freshTables>>;
  // A client of the test's own: the runtime never sees its writes, only their stream records.
  const put = (id: string, extra: Record<string, unknown> = {}) => db.doc.send(new PutCommand({ TableName: `${prefix}-Tickets`, Item: { id, ...extra } }));
  const logged = () => readFileSync(process.env.STREAM_LOG ?? '', 'utf8').split('\n').filter(Boolean);

  beforeAll(async () => {
    process.env.STREAM_LOG = join(data.dir, 'stream.log');
    writeFileSync(process.env.STREAM_LOG, '');
    db = await freshTables();
    runtime = await testRuntime({ manifest: chainManifest, tablePrefix: prefix });
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    db?.destroy();
    data.cleanup();
  });

  it('answers only once the record of a write made with a client it does not watch has been handled', async () => {
    await put('solo-1');
    await runtime.idle();
    expect(logged()).toContain('INSERT solo-1');
  });

  it('answers only once what a record caused has run to its waits: executions, their unwatched writes, those records, mail', async () => {
    await put('chain-0', { last: 4 });

    await runtime.idle();

    expect(logged()).toEqual(expect.arrayContaining(['INSERT chain-0', 'INSERT chain-1', 'INSERT chain-2', 'INSERT chain-3', 'INSERT chain-4']));
    for (let n = 0; n <= 4; n++) {
      const executionArn = stateMachineArn('chain').replace(':stateMachine:', ':execution:') + `:chain-${n}`;
      const { events } = await runtime.engine.getExecutionHistory({ executionArn, reverseOrder: true, maxResults: 1 });
      expect(events[0]?.type).toBe('WaitStateEntered');
    }
    expect(runtime.smtp.messages().map((m) => m.subject)).toContain('chain 4 done');
  });

  it('answers only once a chain of watched writes, which the background pollers race to, has run to its end', async () => {
    // Each step's write wakes the pollers, so the background loop, not idle, usually hands the next record over.
    for (let round = 0; round < 10; round++) {
      const name = `chainw${round}`;
      await put(`${name}-0`, { last: 6, watched: true });

      await runtime.idle();

      expect(logged()).toEqual(expect.arrayContaining(Array.from({ length: 7 }, (_, n) => `INSERT ${name}-${n}`)));
      expect(runtime.smtp.messages().map((m) => m.subject)).toContain(`${name} 6 done`);
    }
  }, 60_000);

  it('covers every write finished before each call while several writers and callers run at once', async () => {
    const finished: string[] = [];
    const checks: Promise<void>[] = [];
    const idleCovers = () => {
      const covered = [...finished];
      checks.push(runtime.idle().then(() => expect(logged()).toEqual(expect.arrayContaining(covered))));
    };
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        await put(`load-${w}-${i}`);
        finished.push(`INSERT load-${w}-${i}`);
        if (i % 5 === 4) idleCovers();
      }
    };

    await Promise.all([0, 1, 2].map(writer));
    await Promise.all(checks);

    await runtime.idle();
    const loads = logged().filter((line) => line.includes(' load-'));
    expect(loads.sort()).toEqual([...finished].sort());
  });
});
