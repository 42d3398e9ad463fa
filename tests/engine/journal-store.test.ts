// The durable store: what an engine wrote survives a restart, and interrupted work is picked up again.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../local/stepfunctions/clock.js';
import { createEngine } from '../../local/stepfunctions/engine.js';
import { decodeBody } from '../../local/stepfunctions/store/journal-body.js';
import { openJournalStore } from '../../local/stepfunctions/store/journal-store.js';
import type { HandlerRegistry } from '../../local/stepfunctions/tasks/task-types.js';
import { createMachine } from './support/harness.js';

const start = '2026-11-23T02:00:00.000Z';
const parent = mkdtempSync(join(tmpdir(), 'casework-journal-'));
const dataDir = () => mkdtempSync(join(parent, 'store-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/**
 * An engine over the journal in `dir`, as a fresh process would open it: its own clock, so the engine
 * it replaces (the "killed" process) never acts again.
 */
async function boot(dir: string, at: string | Date, handlers: HandlerRegistry = {}) {
  const clock = new VirtualClock(at);
  const engine = createEngine({ clock, store: openJournalStore(dir), handlers, random: () => 0.5 });
  await engine.resume();
  return { engine, clock };
}

const dispatchAndWait = {
  StartAt: 'Notify',
  States: {
    Notify: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'notify', Payload: { 'token.$': '$$.Task.Token', 'ticket.$': '$.ticket' } },
      TimeoutSeconds: 86_400,
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Escalate' }],
      ResultPath: '$.reply',
      Next: 'Cool down',
    },
    'Cool down': { Type: 'Wait', Seconds: 3600, Next: 'Done' },
    Escalate: { Type: 'Pass', Result: 'escalated', ResultPath: '$.outcome', End: true },
    Done: { Type: 'Pass', Result: 'resolved', ResultPath: '$.outcome', End: true },
  },
};

describe('the journal store', () => {
  it('keeps a task token valid across a restart and finishes the execution on the new engine', async () => {
    const dir = dataDir();
    const tokens: string[] = [];
    const { engine: first, clock } = await boot(dir, start, { notify: (e) => void tokens.push((e as { token: string }).token) });
    const arn = await createMachine(first, dispatchAndWait, 'lifecycle');
    const { executionArn } = await first.startExecution({ stateMachineArn: arn, name: 'T-1', input: JSON.stringify({ ticket: 'T-1' }) });
    await first.idle();
    expect(tokens).toHaveLength(1);

    const { engine: second, clock: later } = await boot(dir, clock.now());
    await second.sendTaskSuccess({ taskToken: tokens[0] as string, output: JSON.stringify({ reply: '已处理' }) });
    await later.advance(3600_000);

    const done = await second.describeExecution({ executionArn });
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toEqual({ ticket: 'T-1', reply: { reply: '已处理' }, outcome: 'resolved' });
    const { events } = await second.getExecutionHistory({ executionArn, maxResults: 100 });
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fires a persisted task timeout after a restart', async () => {
    const dir = dataDir();
    const { engine: first, clock } = await boot(dir, start, { notify: () => undefined });
    const arn = await createMachine(first, dispatchAndWait, 'lifecycle');
    const { executionArn } = await first.startExecution({ stateMachineArn: arn, input: JSON.stringify({ ticket: 'T-2' }) });
    await first.idle();

    const { engine: second, clock: later } = await boot(dir, clock.now());
    await later.advance(86_400_000);

    expect(JSON.parse((await second.describeExecution({ executionArn })).output ?? '{}')).toMatchObject({ outcome: 'escalated' });
  });

  it('runs a task again when its result was never recorded (at-least-once), under the same token', async () => {
    const dir = dataDir();
    const firstTokens: string[] = [];
    // The first process "dies" while the notification is still being sent: its promise never settles.
    const { engine: first, clock } = await boot(dir, start, { notify: (e) => new Promise(() => firstTokens.push((e as { token: string }).token)) });
    const arn = await createMachine(first, dispatchAndWait, 'lifecycle');
    const { executionArn } = await first.startExecution({ stateMachineArn: arn, input: JSON.stringify({ ticket: 'T-3' }) });
    await first.idle();

    const secondTokens: string[] = [];
    const { engine: second, clock: later } = await boot(dir, clock.now(), { notify: (e) => void secondTokens.push((e as { token: string }).token) });
    await second.idle();

    expect(secondTokens).toEqual(firstTokens);
    await second.sendTaskSuccess({ taskToken: firstTokens[0] as string, output: '"ok"' });
    await later.advance(3600_000);
    expect((await second.describeExecution({ executionArn })).status).toBe('SUCCEEDED');
  });

  it('cuts away a line torn by a crash in the middle of a write', async () => {
    const dir = dataDir();
    const { engine: first } = await boot(dir, start);
    const arn = await createMachine(first, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, 'tiny');
    await first.startExecution({ stateMachineArn: arn, name: 'kept', input: '{}' });
    await first.idle();
    const journal = join(dir, 'journal.log');
    const intact = statSync(journal).size;
    appendFileSync(journal, 'S\tarn:aws:states:us-east-1:123456789012:execution:tiny:torn\t{"s":{"exe');

    const { engine: second } = await boot(dir, start);

    expect(statSync(journal).size).toBe(intact);
    const { executions } = await second.listExecutions({ stateMachineArn: arn });
    expect(executions.map((e) => [e.name, e.status])).toEqual([['kept', 'SUCCEEDED']]);
  });

  it('compacts to one line per execution and keeps every history and waiting timer', async () => {
    const dir = dataDir();
    const { engine } = await boot(dir, start, { notify: () => undefined });
    const arn = await createMachine(engine, dispatchAndWait, 'lifecycle');
    for (let i = 0; i < 5; i++) await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: `T-${i}` }) });
    await engine.idle();
    const before = await engine.getExecutionHistory({ executionArn: arn.replace(':stateMachine:', ':execution:') + ':T-3' });

    const store = openJournalStore(dir);
    store.compact();
    const clock = new VirtualClock(start);
    const reopened = createEngine({ clock, store });
    await reopened.resume();

    expect(store.stats()).toMatchObject({ executions: 5, stepLines: 5, timers: 5 });
    // Compacting again copies each execution's one line as it is: the journal comes out byte for byte the same.
    const compacted = readFileSync(join(dir, 'journal.log'));
    store.compact();
    expect(readFileSync(join(dir, 'journal.log')).equals(compacted)).toBe(true);
    const after = await reopened.getExecutionHistory({ executionArn: arn.replace(':stateMachine:', ':execution:') + ':T-3' });
    expect(after.events).toEqual(before.events);
    await clock.advance(86_400_000);
    const { executions } = await reopened.listExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' });
    expect(executions).toHaveLength(5);
  });

  it('compacts in the background while steps go on, to under 3 KB a waiting ticket, and a restart reads it all', async () => {
    const dir = dataDir();
    const tokens = new Map<string, string>();
    const clock = new VirtualClock(start);
    // A journal this small is over the threshold at once: compaction starts as soon as most lines are superseded.
    const store = openJournalStore(dir, { compactAfterBytes: 1 });
    const engine = createEngine({ clock, store, handlers: { notify: (e) => void tokens.set((e as { ticket: { id: string } }).ticket.id, (e as { token: string }).token) }, random: () => 0.5 });
    const arn = await createMachine(engine, dispatchAndWait, 'lifecycle');
    const ticket = (id: string) => ({ id, title: '楼上夜间装修噪音', description: '每晚十一点后仍在装修，已经持续两周，影响老人和孩子休息。'.repeat(6), location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号3单元' } });
    for (let i = 0; i < 60; i++) await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: ticket(`T-${i}`) }) });
    await engine.idle();
    expect(store.stats().compacting).toBe(true);
    // Steps while it copies: replies to executions already copied and to some not yet, and new executions.
    for (const id of ['T-0', 'T-1', 'T-59']) await engine.sendTaskSuccess({ taskToken: tokens.get(id) as string, output: JSON.stringify({ reply: '已处理' }) });
    for (let i = 60; i < 65; i++) await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: ticket(`T-${i}`) }) });
    await engine.idle();
    await store.compacted();
    const histories = async (e: typeof engine) =>
      Promise.all(Array.from({ length: 65 }, (_, i) => e.getExecutionHistory({ executionArn: `${arn.replace(':stateMachine:', ':execution:')}:T-${i}` }).then((h) => h.events)));
    const seen = await histories(engine);

    expect(store.stats()).toMatchObject({ executions: 65, timers: 65, compacting: false });
    expect(existsSync(join(dir, 'journal.log.compact'))).toBe(false);
    store.compact();
    // Each waiting ticket on disk: its record, its history and its timer in one line, deflated.
    expect(statSync(join(dir, 'journal.log')).size / 65).toBeLessThan(3 * 1024);
    await engine.shutdown();

    const { engine: restarted, clock: later } = await boot(dir, clock.now());
    expect(await histories(restarted)).toEqual(seen);
    await later.advance(3600_000);
    const { executions } = await restarted.listExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' });
    expect(executions.map((e) => e.name).sort()).toEqual(['T-0', 'T-1', 'T-59']);
    await later.advance(86_400_000);
    expect((await restarted.listExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' })).executions).toHaveLength(65);
  });

  it('keeps the journal whole when the process dies in the middle of a compaction', async () => {
    const dir = dataDir();
    const clock = new VirtualClock(start);
    const store = openJournalStore(dir, { compactAfterBytes: 1 });
    const engine = createEngine({ clock, store, handlers: { notify: () => undefined } });
    const arn = await createMachine(engine, dispatchAndWait, 'lifecycle');
    for (let i = 0; i < 500; i++) await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: `T-${i}` }) });
    await engine.idle();
    expect(store.stats().compacting).toBe(true);
    // Killed here: the files as they are at this instant, half-written copy included, are what the next process finds.
    const killed = dataDir();
    cpSync(dir, killed, { recursive: true });
    expect(existsSync(join(killed, 'journal.log.compact'))).toBe(true);
    await engine.shutdown();
    const journal = readFileSync(join(killed, 'journal.log'));
    const { engine: next } = await boot(killed, clock.now());
    const { executions } = await next.listExecutions({ stateMachineArn: arn, maxResults: 1000 });
    expect(executions).toHaveLength(500);
    expect(readFileSync(join(killed, 'journal.log')).equals(journal)).toBe(true);
    await next.shutdown();
  });

  it('goes on with its steps when a compaction cannot be written', async () => {
    const dir = dataDir();
    // Where the copy would go, something that is no file: every compaction fails to start.
    mkdirSync(join(dir, 'journal.log.compact'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const clock = new VirtualClock(start);
    const engine = createEngine({ clock, store: openJournalStore(dir, { compactAfterBytes: 1 }), handlers: { notify: () => undefined } });
    const arn = await createMachine(engine, dispatchAndWait, 'lifecycle');
    for (let i = 0; i < 20; i++) await engine.startExecution({ stateMachineArn: arn, name: `T-${i}`, input: JSON.stringify({ ticket: `T-${i}` }) });
    await clock.advance(86_400_000 + 3600_000);
    expect((await engine.listExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' })).executions).toHaveLength(20);
    // Said once, not at every step: it waits for many more steps before it tries again.
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('compaction not started: EISDIR')]);
    logged.mockRestore();
    await engine.shutdown();
    const { engine: restarted } = await boot(dir, clock.now());
    expect((await restarted.listExecutions({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' })).executions).toHaveLength(20);
  });

  it('reads a journal written before bodies were deflated', async () => {
    const dir = dataDir();
    const { engine } = await boot(dir, start, { notify: () => undefined });
    const arn = await createMachine(engine, dispatchAndWait, 'lifecycle');
    await engine.startExecution({ stateMachineArn: arn, name: 'T-1', input: JSON.stringify({ ticket: '老工单' }) });
    await engine.idle();
    const executionArn = `${arn.replace(':stateMachine:', ':execution:')}:T-1`;
    const before = (await engine.getExecutionHistory({ executionArn })).events;
    await engine.shutdown();
    // The same journal as the earlier format wrote it: every body plain JSON.
    const journal = join(dir, 'journal.log');
    const lines = readFileSync(journal).toString('latin1').split('\n').filter(Boolean);
    const plain = lines.map((line) => {
      const bytes = Buffer.from(line, 'latin1');
      let t = -1;
      for (let k = 0; k < 3; k++) t = bytes.indexOf(9, t + 1);
      return Buffer.concat([bytes.subarray(0, t + 1), Buffer.from(decodeBody(bytes.subarray(t + 1)), 'utf8'), Buffer.from('\n')]);
    });
    writeFileSync(journal, Buffer.concat(plain));
    expect(readFileSync(journal, 'utf8')).toContain('"老工单"');

    const { engine: reopened } = await boot(dir, start);
    expect((await reopened.getExecutionHistory({ executionArn })).events).toEqual(before);
  });
});

