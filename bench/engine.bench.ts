// `npm run bench:engine`: throughput, latency, memory and restart time of the embedded Step Functions engine,
// with aws-local-stepfunctions measured in the same run as the peer for pure-state machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';
import { SystemClock, VirtualClock } from '../local/stepfunctions/clock.js';
import { createEngine, type Engine } from '../local/stepfunctions/engine.js';
import { type JournalStore, openJournalStore } from '../local/stepfunctions/store/journal-store.js';
import type { HandlerRegistry } from '../local/stepfunctions/tasks/task-types.js';

const WAITING = Number(process.env.BENCH_WAITING ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;

// A chain of Pass and Choice states, the peer's best case: 101 transitions per execution.
const CHAIN = 50;
const chain = (() => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < CHAIN; i++) {
    states[`P${i}`] = { Type: 'Pass', Result: { i }, ResultPath: '$.last', Next: `C${i}` };
    states[`C${i}`] = { Type: 'Choice', Choices: [{ Variable: '$.last.i', NumericGreaterThanEquals: 0, Next: i === CHAIN - 1 ? 'Done' : `P${i + 1}` }], Default: 'Done' };
  }
  states.Done = { Type: 'Succeed' };
  return { StartAt: 'P0', States: states };
})();
const chainTransitions = 2 * CHAIN + 1;

const ticket = {
  id: 'T-20261123-000001',
  channel: 'phone',
  kind: 'complaint',
  category: 'NBR-001',
  title: '楼上夜间装修噪音扰民',
  description: '每天晚上十一点以后楼上仍在装修，电钻声音很大，影响休息，希望尽快处理。'.repeat(4),
  location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号3单元502室' },
  citizen: { name: '李女士', phone: '13800000001' },
  deadlines: { accept: '2026-11-24T02:00:00.000Z', complete: '2026-12-14T02:00:00.000Z', warnings: ['2026-12-02T07:00:00.000Z', '2026-12-08T03:45:00.000Z'] },
};
const waitForHandler = {
  StartAt: 'Dispatch',
  States: {
    Dispatch: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'notify', Payload: { 'token.$': '$$.Task.Token', 'ticket.$': '$.ticket' } },
      TimeoutSeconds: 1_296_000,
      ResultPath: '$.reply',
      Next: 'Dispatch',
    },
  },
};
const taskChain = {
  StartAt: 'T0',
  States: Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`T${i}`, { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:step', ResultPath: '$.last', ...(i === 9 ? { End: true } : { Next: `T${i + 1}` }) }]),
  ),
};

async function machine(engine: Engine, definition: unknown, name: string): Promise<string> {
  return (await engine.createStateMachine({ name, definition: JSON.stringify(definition) })).stateMachineArn;
}

async function peerChain(runs: number): Promise<number> {
  const sm = new StateMachine(chain as never);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: runs }, (_, r) => sm.run({ n: r }).result));
  return (runs * chainTransitions) / ((performance.now() - t0) / 1000);
}

async function ourChain(runs: number, durableDir?: string, definition: unknown = chain, transitions = chainTransitions, handlers: HandlerRegistry = {}): Promise<number> {
  const clock = new VirtualClock('2026-11-23T00:00:00Z');
  const store = durableDir ? openJournalStore(durableDir) : undefined;
  const engine = createEngine({ clock, store, handlers });
  const arn = await machine(engine, definition, 'bench');
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) await engine.startExecution({ stateMachineArn: arn, input: JSON.stringify({ n: r }) });
  await clock.idle();
  const seconds = (performance.now() - t0) / 1000;
  await engine.shutdown();
  return (runs * transitions) / seconds;
}

async function throughput() {
  console.log('\n## Transitions per second (Pass/Choice chain, 101 transitions per execution)');
  const rounds = 5;
  const peer: number[] = [];
  const memory: number[] = [];
  await peerChain(300);
  await ourChain(300);
  for (let i = 0; i < rounds; i++) {
    peer.push(await peerChain(1500));
    memory.push(await ourChain(1500));
  }
  const durable: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
    durable.push(await ourChain(1500, dir));
    rmSync(dir, { recursive: true, force: true });
  }
  const tasks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
    tasks.push(await ourChain(1000, dir, taskChain, 10, { step: (e) => e }));
    rmSync(dir, { recursive: true, force: true });
  }
  const p = median(peer);
  const m = median(memory);
  console.log(`aws-local-stepfunctions (peer), in memory : ${fmt(p)} transitions/s (median of ${rounds})`);
  console.log(`casework engine, in memory                : ${fmt(m)} transitions/s  -> ${(m / p).toFixed(2)}x the peer (target: 3x or more)`);
  console.log(`casework engine, durable journal          : ${fmt(median(durable))} transitions/s  -> ${(median(durable) / p).toFixed(2)}x the peer (target >= 5,000/s)`);
  console.log(`casework engine, durable, Lambda task chain (2 journal writes per task): ${fmt(median(tasks))} tasks/s`);
}

async function latency(durable: boolean) {
  const dir = durable ? mkdtempSync(join(tmpdir(), 'bench-journal-')) : undefined;
  const samples: number[] = [];
  let sentAt = 0;
  let nextToken: ((token: string) => void) | undefined;
  const engine = createEngine({
    clock: new SystemClock(),
    store: dir ? openJournalStore(dir) : undefined,
    handlers: {
      notify: (e) => {
        if (sentAt > 0) samples.push(performance.now() - sentAt);
        nextToken?.((e as { token: string }).token);
        return { sent: true };
      },
    },
  });
  const arn = await machine(engine, waitForHandler, 'latency');
  let token = await new Promise<string>((resolve) => {
    nextToken = resolve;
    void engine.startExecution({ stateMachineArn: arn, input: JSON.stringify({ ticket }) });
  });
  for (let i = 0; i < 2000; i++) {
    token = await new Promise<string>((resolve) => {
      nextToken = resolve;
      sentAt = performance.now();
      void engine.sendTaskSuccess({ taskToken: token, output: JSON.stringify({ action: 'accept', i }) });
    });
  }
  await engine.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
  const kept = samples.slice(200);
  console.log(
    `${durable ? 'durable  ' : 'in memory'}: SendTaskSuccess -> next task invoked: p50 ${percentile(kept, 0.5).toFixed(3)} ms, p99 ${percentile(kept, 0.99).toFixed(3)} ms (${kept.length} samples)`,
  );
}

async function waitingMemory(count: number, durableDir?: string) {
  const clock = new VirtualClock('2026-11-23T00:00:00Z');
  const store = durableDir ? openJournalStore(durableDir) : undefined;
  const engine = createEngine({ clock, store, handlers: { notify: () => ({ sent: true }) } });
  const arn = await machine(engine, waitForHandler, 'waiting');
  const before = heapMb();
  const rssBefore = process.memoryUsage().rss / 1e6;
  for (let i = 0; i < count; i++) {
    await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: { ...ticket, id: `T-${i}` } }) });
    if (i % 5000 === 4999) await clock.idle();
    // A server's requests arrive as separate events: the journal's background compaction runs between them.
    else if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  await clock.idle();
  const after = heapMb();
  const rssAfter = process.memoryUsage().rss / 1e6;
  return { engine, store, perExecKb: ((after - before) * 1000) / count, heapMb: after, rssMb: rssAfter, rssDeltaMb: rssAfter - rssBefore };
}

async function peerWaitingMemory(count: number): Promise<number> {
  const sm = new StateMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } } as never);
  const before = heapMb();
  const runs = Array.from({ length: count }, () => sm.run({ ticket }));
  await new Promise((r) => setTimeout(r, 50));
  const perExecKb = ((heapMb() - before) * 1000) / count;
  for (const run of runs) run.abort();
  await Promise.allSettled(runs.map((r) => r.result));
  return perExecKb;
}

async function memoryAndRestart() {
  console.log('\n## Memory per waiting execution (a ticket of ~1 KB waiting on a task token)');
  const peerKb = await peerWaitingMemory(10_000);
  console.log(`aws-local-stepfunctions (peer), 10,000 in flight on a Wait : ${peerKb.toFixed(1)} KB each`);
  const mem = await waitingMemory(20_000);
  console.log(`casework engine, in memory, 20,000 waiting              : ${mem.perExecKb.toFixed(1)} KB each`);
  await mem.engine.shutdown();

  const dir = mkdtempSync(join(tmpdir(), 'bench-waiting-'));
  const t0 = performance.now();
  const durable = await waitingMemory(WAITING, dir);
  const createSeconds = (performance.now() - t0) / 1000;
  console.log(
    `casework engine, durable, ${fmt(WAITING)} waiting          : ${durable.perExecKb.toFixed(1)} KB heap each, heap ${fmt(durable.heapMb)} MB, RSS ${fmt(durable.rssMb)} MB (created in ${createSeconds.toFixed(1)} s)`,
  );
  const journal = durable.store as JournalStore;
  console.log(`\n## Disk per waiting execution (durable journal, a ~1 KB ticket; target: 3 KB or less)`);
  const perExec = () => {
    const s = journal.stats();
    return `${fmt(s.bytes / s.executions)} bytes each (${fmt(s.bytes / 1e6)} MB for ${fmt(s.executions)}; ${(s.stepLines / s.executions).toFixed(2)} step lines each)`;
  };
  // Right after the burst the background compaction (between requests) lags behind; the next step lets it catch up.
  await journal.compacted();
  console.log(`right after creating them all             : ${perExec()}`);
  const c0 = performance.now();
  await durable.engine.startExecution({ stateMachineArn: (await durable.engine.listStateMachines({})).stateMachines[0]?.stateMachineArn as string, name: 'one-more', input: JSON.stringify({ ticket }) });
  await journal.compacted();
  console.log(`once the background compaction caught up  : ${perExec()} (in ${((performance.now() - c0) / 1000).toFixed(1)} s)`);
  await durable.engine.shutdown();

  console.log(`\n## Restart with ${fmt(WAITING)} waiting executions (durable, in a fresh process)`);
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--restart', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(child.stdout);
  rmSync(dir, { recursive: true, force: true });
}

/** Opens a journal left by a previous process and resumes every execution in it; prints time and memory. */
async function restart(dir: string) {
  const r0 = performance.now();
  const store = openJournalStore(dir);
  const engine = createEngine({ clock: new VirtualClock('2026-11-23T00:00:00Z'), store, handlers: { notify: () => ({ sent: true }) } });
  await engine.resume();
  await engine.idle();
  const seconds = (performance.now() - r0) / 1000;
  const heap = heapMb();
  console.log(`open journal + resume every execution: ${seconds.toFixed(2)} s (target: 300,000 within 60 s); heap ${fmt(heap)} MB, RSS ${fmt(process.memoryUsage().rss / 1e6)} MB (target: under 2 GB)`);
  console.log(`journal: ${JSON.stringify(store.stats())}`);
  await engine.shutdown();
}

const restartDir = process.argv.indexOf('--restart');
if (restartDir > 0) {
  await restart(process.argv[restartDir + 1] as string);
} else {
  console.log(`# Casework engine benchmark (node ${process.version}, ${new Date().toISOString()})`);
  await throughput();
  console.log('\n## Transition latency');
  await latency(false);
  await latency(true);
  await memoryAndRestart();
}
