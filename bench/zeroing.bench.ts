// `npm run bench:zeroing`: opening a month of dynamic zeroing (动态清零) on DynamoDB Local through the ledger
// repository, the way the monthly machine does it: open this month's campaign, close last month's with its report,
// then carry every entry still open onto this month a page of 1,000 at a time. Last month holds 100,000 open entries
// and 5,000 cleared ones (not carried). Wall time per phase against the 60 s target, where the time goes (DynamoDB
// calls, Node and JVM CPU), a retried carry-over, memory; exits non-zero when an invariant fails at the end.
import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTables } from '../adapters/dynamodb/create-tables.js';
import { LedgerRepository } from '../adapters/dynamodb/ledger-repository.js';
import { monthReport } from '../domain/zeroing/month-report.js';
import { tables } from '../infra/manifest.js';
import { benchDynamoDb, invariants } from './support/bench-dynamodb.js';
import { dynamoDbLocalPid, peakHeapUsed, vm } from './support/process-memory.js';
import { demoCity } from '../local/seed/demo-city.js';
import { LedgerEntry, LedgerReason } from '../schemas/zeroing.js';

const OPEN = Number(process.env.BENCH_OPEN ?? 100_000);
const CLEARED = Number(process.env.BENCH_CLEARED ?? 5_000);
const SEED_CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 4);
// As functions/tasks/carry-over-zeroing.ts.
const PAGE = 1000;
const TARGET_S = 60;
const HISTORY_LIMIT = 25_000;
// infra/stack/functions.ts: every task's default timeout.
const LAMBDA_TIMEOUT_S = 15;
const PREVIOUS = '2026-11';
const MONTH = '2026-12';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** A process's CPU time (user + system) in ms from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Every DynamoDB call's count and summed latency by command, from a middleware on the client. */
const calls = new Map<string, { n: number; ms: number }>();
type Calls = Map<string, { n: number; ms: number }>;
const snapshot = (): Calls => new Map([...calls].map(([k, v]) => [k, { ...v }]));
const since = (before: Calls): Calls => new Map([...calls].map(([k, v]) => [k, { n: v.n - (before.get(k)?.n ?? 0), ms: v.ms - (before.get(k)?.ms ?? 0) }]));

interface Measured {
  label: string;
  wall: number;
  nodeCpu: number;
  jvmCpu: number;
  calls: Calls;
  entries?: number;
  pages?: number;
}
let jvm: number | undefined;
/** Runs `f` and measures it: wall time, Node and JVM CPU, the DynamoDB calls it made. */
async function measure<T>(label: string, f: () => Promise<T>, extra: (result: T) => Partial<Measured> = () => ({})): Promise<[T, Measured]> {
  const before = snapshot();
  const cpu0 = process.cpuUsage();
  const jvm0 = cpuOf(jvm);
  const t0 = performance.now();
  const result = await f();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [result, { label, wall, nodeCpu: (cpu.user + cpu.system) / 1000, jvmCpu: cpuOf(jvm) - jvm0, calls: since(before), ...extra(result) }];
}

function printTable(head: string[], rows: string[][]) {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] as string).length)));
  for (const [i, r] of all.entries()) {
    console.log(`| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  }
}

// Last month's ledger: entries on the city's units (their districts), the cleared ones spread evenly among the open.
const units = demoCity.units.filter((u) => u.type !== 'supervision');
const reasons = LedgerReason.options;
const TOTAL = OPEN + CLEARED;
const isCleared = (i: number) => Math.floor(((i + 1) * CLEARED) / TOTAL) > Math.floor((i * CLEARED) / TOTAL);
const seed: LedgerEntry[] = Array.from({ length: TOTAL }, (_, i) => {
  const unit = units[i % units.length] as (typeof units)[number];
  const enteredAt = new Date(Date.UTC(2026, 10, 1 + (i % 28), 2, 0, i % 60)).toISOString();
  return {
    month: PREVIOUS,
    ticketId: `T-20261101-${String(i).padStart(6, '0')}`,
    unitId: unit.id,
    ...(unit.districtId ? { districtId: unit.districtId } : {}),
    reason: reasons[i % reasons.length] as LedgerReason,
    status: isCleared(i) ? 'cleared' : 'open',
    enteredAt,
    ...(isCleared(i) ? { clearedAt: '2026-11-29T08:00:00.000Z' } : {}),
  };
});
const openIds = new Set(seed.filter((e) => e.status === 'open').map((e) => e.ticketId));
const clearedIds = new Set(seed.filter((e) => e.status === 'cleared').map((e) => e.ticketId));

// The history a Standard workflow records for the monthly machine: per Task state Entered, Scheduled, Started,
// Succeeded, Exited; per Pass or Choice Entered, Exited; ExecutionStarted and ExecutionSucceeded. No retries.
const asl = JSON.parse(readFileSync(new URL('../workflows/monthly-zeroing.asl.json', import.meta.url), 'utf8')) as { States: Record<string, { Type: string }> };
const LOOP = ['Carry over a page', 'More to carry?'];
const eventsOf = (type: string | undefined) => (type === 'Task' ? 5 : 2);
const perPageEvents = LOOP.reduce((n, s) => n + eventsOf(asl.States[s]?.Type), 0);
const fixedEvents = 2 + Object.entries(asl.States).reduce((n, [name, s]) => n + (LOOP.includes(name) ? 0 : eventsOf(s.Type)), 0);

const { check, fail, finish } = invariants();
const ddb = await benchDynamoDb(Number(process.env.BENCH_DYNAMODB_PORT ?? 8768));
const client = ddb.client;
try {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const t0 = performance.now();
      try {
        return await next(args);
      } finally {
        const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
        const c = calls.get(name) ?? { n: 0, ms: 0 };
        c.n++;
        c.ms += performance.now() - t0;
        calls.set(name, c);
      }
    },
    { step: 'initialize', name: 'benchTiming' },
  );
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await createTables(client, tables.filter((t) => t.name === 'Ledger'), (n) => `bench-${n}`);
  const ledger = new LedgerRepository(doc, 'bench-Ledger');
  jvm = dynamoDbLocalPid();
  const campaign = (month: string, openedAt: string) => ({ month, status: 'open' as const, openedAt, panelFindings: { 'beyond-policy': [], unreasonable: [] } });

  console.log(`# Zeroing benchmark: opening a month (DynamoDB Local in memory, node ${process.version})`);
  console.log(`${PREVIOUS}: ${fmt(OPEN)} open + ${fmt(CLEARED)} cleared entries over ${units.length} units; ${MONTH} opened, ${PREVIOUS} closed, open entries carried ${fmt(PAGE)} a page`);

  // Seeding (not measured against the target): last month's campaign, then its entries by enterAll, a few slices at once.
  await ledger.openCampaign(campaign(PREVIOUS, '2026-10-31T16:00:00.000Z'));
  const slice = Math.ceil(TOTAL / SEED_CONCURRENCY);
  const [seeded, seeding] = await measure('seed (enterAll)', async () =>
    (await Promise.all(Array.from({ length: SEED_CONCURRENCY }, (_, k) => ledger.enterAll(seed.slice(k * slice, (k + 1) * slice))))).reduce((a, b) => a + b, 0),
  );
  console.log(`seeding: ${fmt(seeded)} entries by enterAll, ${SEED_CONCURRENCY} at once, in ${secs(seeding.wall)} s (${fmt(seeded / (seeding.wall / 1000))}/s; not part of the target)`);

  // 1. Open the month (open-zeroing-month.ts).
  const openedAt = '2026-11-30T16:00:00.000Z';
  const [opened, open] = await measure('open campaign (Put)', () => ledger.openCampaign(campaign(MONTH, openedAt)));

  // 2. Close last month (close-zeroing-month.ts, without the mail): the report over every entry, kept on the campaign.
  let entriesRead: LedgerEntry[] = [];
  let report: ReturnType<typeof monthReport> & { panelFindings: { 'beyond-policy': number; unreasonable: number } } = { ...monthReport(PREVIOUS, []), panelFindings: { 'beyond-policy': 0, unreasonable: 0 } };
  let closedNow = false;
  const parts: Measured[] = [];
  const [, close] = await measure('close ' + PREVIOUS + ' (whole)', async () => {
    const [, head] = await measure('  open + get campaign', async () => {
      await ledger.openCampaign(campaign(PREVIOUS, openedAt));
      return ledger.campaign(PREVIOUS);
    });
    const [read, reading] = await measure('  allEntries (Query)', () => ledger.allEntries(PREVIOUS), (r) => ({ entries: r.length, pages: Math.ceil(r.length / PAGE) }));
    entriesRead = read;
    const [made, reporting] = await measure('  monthReport (CPU)', async () => ({ ...monthReport(PREVIOUS, read), panelFindings: { 'beyond-policy': 0, unreasonable: 0 } }), () => ({ entries: read.length }));
    report = made;
    const [closed, closing] = await measure('  closeCampaign (Update)', () => ledger.closeCampaign(PREVIOUS, openedAt, made));
    closedNow = closed;
    parts.push(head, reading, reporting, closing);
  });
  close.entries = entriesRead.length;

  // 3. Carry over (carry-over-zeroing.ts, the machine's loop): a page of last month's open entries, then enterAll.
  const carryOver = async () => {
    const query = { label: '  entries page (Query)', wall: 0, nodeCpu: 0, jvmCpu: 0, calls: new Map() as Calls, entries: 0, pages: 0 } satisfies Measured;
    const enter = { label: '  enterAll + settle', wall: 0, nodeCpu: 0, jvmCpu: 0, calls: new Map() as Calls, entries: 0, pages: 0 } satisfies Measured;
    const add = (into: Measured, m: Measured) => {
      into.wall += m.wall;
      into.nodeCpu += m.nodeCpu;
      into.jvmCpu += m.jvmCpu;
      for (const [k, v] of m.calls) into.calls.set(k, { n: (into.calls.get(k)?.n ?? 0) + v.n, ms: (into.calls.get(k)?.ms ?? 0) + v.ms });
    };
    let cursor: string | undefined;
    let carried = 0;
    let slowestPage = 0;
    do {
      const enteredAt = new Date().toISOString();
      const [page, q] = await measure('', () => ledger.entries(PREVIOUS, { status: 'open' }, { limit: PAGE, cursor }));
      // As the task does: write the page, then settle any of it that cleared meanwhile (one more Query).
      const [n, w] = await measure('', async () => {
        const written = await ledger.enterAll(page.items.map(({ clearedAt: _c, note: _n, ...entry }) => ({ ...entry, month: MONTH, status: 'open', enteredAt, carriedFrom: entry.carriedFrom ?? entry.month })));
        await ledger.settleCarried(PREVIOUS, MONTH, page.items.map((e) => e.ticketId));
        return written;
      });
      add(query, q);
      add(enter, w);
      query.entries += page.items.length;
      enter.entries += n;
      query.pages++;
      enter.pages++;
      carried += n;
      slowestPage = Math.max(slowestPage, q.wall + w.wall);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return { carried, pages: query.pages, read: query.entries, slowestPage, query, enter };
  };
  const [carry1, carry] = await measure('carry over (whole)', carryOver, (r) => ({ entries: r.carried, pages: r.pages }));

  const total: Measured = {
    label: `opening ${MONTH} (total)`,
    wall: open.wall + close.wall + carry.wall,
    nodeCpu: open.nodeCpu + close.nodeCpu + carry.nodeCpu,
    jvmCpu: open.jvmCpu + close.jvmCpu + carry.jvmCpu,
    calls: new Map(),
    entries: carry1.carried,
  };
  for (const m of [open, close, carry]) for (const [k, v] of m.calls) total.calls.set(k, { n: (total.calls.get(k)?.n ?? 0) + v.n, ms: (total.calls.get(k)?.ms ?? 0) + v.ms });

  // 4. A retried trigger: the carry-over again, every entry already there.
  const [carry2, retry] = await measure('retried carry-over', carryOver, (r) => ({ entries: r.read, pages: r.pages }));

  // Reading the new month back (not measured against the target): what the checks below and December's report read.
  const [december, readBack] = await measure('read back', () => ledger.allEntries(MONTH));
  const parse0 = performance.now();
  for (const e of entriesRead) LedgerEntry.parse(e);
  const parseMs = performance.now() - parse0;
  const stored = await ledger.campaign(PREVIOUS);
  const reportBytes = Buffer.byteLength(JSON.stringify(stored?.report ?? {}));
  const reopened = await ledger.openCampaign(campaign(MONTH, openedAt));

  const rows = [open, close, ...parts, carry, carry1.query, carry1.enter, total, retry, carry2.query, carry2.enter];
  console.log('');
  printTable(
    ['phase', 'wall s', 'entries', 'entries/s', 'pages', 'node CPU s', 'JVM CPU s'],
    rows.map((m) => [
      m.label,
      secs(m.wall),
      m.entries === undefined ? '' : fmt(m.entries),
      m.entries === undefined || m.entries === 0 ? '' : fmt(m.entries / (m.wall / 1000)),
      m.pages === undefined ? '' : fmt(m.pages),
      secs(m.nodeCpu),
      Number.isNaN(m.jvmCpu) ? '?' : secs(m.jvmCpu),
    ]),
  );
  const verdict = total.wall / 1000 <= TARGET_S ? 'PASS' : 'FAIL';
  console.log(`\n${verdict}: opening ${MONTH} with ${fmt(carry1.carried)} entries carried took ${secs(total.wall)} s (target ${TARGET_S} s)`);

  console.log('\n## DynamoDB calls (count, summed latency s; one call at a time, so the sum is wall time spent waiting)');
  const commands = ['Query', 'BatchGetItem', 'BatchWriteItem', 'PutItem', 'GetItem', 'UpdateItem'];
  printTable(
    ['phase', ...commands],
    [close, ...parts.slice(1, 2), carry, carry1.query, carry1.enter, total, retry].map((m) => [
      m.label,
      ...commands.map((c) => {
        const v = m.calls.get(c);
        return v && v.n > 0 ? `${fmt(v.n)}, ${secs(v.ms)}` : '';
      }),
    ]),
  );
  const perCall = (m: Measured, c: string) => {
    const v = m.calls.get(c);
    return v && v.n > 0 ? `${(v.ms / v.n).toFixed(1)} ms` : 'n/a';
  };
  console.log(
    `mean latency in the carry-over: Query ${perCall(carry1.query, 'Query')} (a page of ${fmt(PAGE)}), BatchGetItem ${perCall(carry1.enter, 'BatchGetItem')} (100 keys), ` +
      `BatchWriteItem ${perCall(carry1.enter, 'BatchWriteItem')} (25 puts)`,
  );
  console.log(`LedgerEntry.parse of the ${fmt(entriesRead.length)} entries the report read: ${secs(parseMs)} s (part of allEntries and of each page's Query)`);
  console.log(`reading ${MONTH} back with allEntries: ${secs(readBack.wall)} s for ${fmt(december.length)} entries`);
  console.log(
    `Lambda (timeout ${LAMBDA_TIMEOUT_S} s): the close task took ${secs(close.wall)} s here, the slowest carry-over page ${secs(carry1.slowestPage)} s; ` +
      `the report kept on the campaign is ${fmt(reportBytes)} bytes (item limit 400 KB)`,
  );

  const events = fixedEvents + perPageEvents * carry1.pages;
  const estimate = 6 + 3 * carry1.pages;
  console.log(
    `\nhistory: ${fmt(carry1.pages)} pages -> ${fmt(events)} events of a Standard execution (${fixedEvents} + ${perPageEvents} a page: Task 5, Choice 2; ` +
      `3 a page + 6 estimated: ${fmt(estimate)}), limit ${fmt(HISTORY_LIMIT)}: room for ${fmt(Math.floor((HISTORY_LIMIT - fixedEvents) / perPageEvents))} pages ` +
      `(${fmt(Math.floor((HISTORY_LIMIT - fixedEvents) / perPageEvents) * PAGE)} entries) without retries`,
  );
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  const jvmRss = jvm === undefined ? undefined : vm(jvm, 'VmRSS');
  const jvmPeak = jvm === undefined ? undefined : vm(jvm, 'VmHWM');
  console.log(
    `memory: bench process peak RSS ${mb(rssPeak)}, peak heap used ${mb(peakHeapUsed())} (sampled every 25 ms; it holds the ${fmt(TOTAL)} seed entries besides); ` +
      (jvmRss === undefined ? 'DynamoDB Local JVM not found' : `DynamoDB Local JVM RSS ${mb(jvmRss)} now, ${mb(jvmPeak ?? 0)} peak`),
  );

  console.log('\n## Invariants');
  check(seeded === TOTAL, `${fmt(TOTAL)} entries seeded in ${PREVIOUS}`);
  check(opened && !reopened, `${MONTH}'s campaign opened once (a second open returns false)`);
  check(closedNow && stored?.status === 'closed', `${PREVIOUS}'s campaign closed with its report`);
  check(
    report.entered === TOTAL && report.open === OPEN && report.cleared === CLEARED && report.explained === 0 && report.carriedOver === 0,
    `the report says entered ${fmt(TOTAL)}, open ${fmt(OPEN)}, cleared ${fmt(CLEARED)} (said ${fmt(report.entered)}, ${fmt(report.open)}, ${fmt(report.cleared)})`,
  );
  check((stored?.report as { open?: number } | undefined)?.open === OPEN, `the kept report says open ${fmt(OPEN)}`);
  check(carry1.carried === OPEN && carry1.pages === Math.ceil(OPEN / PAGE), `the carry-over wrote ${fmt(OPEN)} entries in ${fmt(Math.ceil(OPEN / PAGE))} pages (wrote ${fmt(carry1.carried)} in ${fmt(carry1.pages)})`);
  check(december.length === OPEN && december.every((e) => openIds.has(e.ticketId)), `${MONTH} holds ${fmt(OPEN)} entries, each one of ${PREVIOUS}'s open ones (holds ${fmt(december.length)})`);
  check(december.every((e) => e.status === 'open' && e.carriedFrom === PREVIOUS && e.month === MONTH && e.clearedAt === undefined), `every ${MONTH} entry is open, carried from ${PREVIOUS}`);
  check(!december.some((e) => clearedIds.has(e.ticketId)), `none of the ${fmt(CLEARED)} cleared entries was carried`);
  check(carry2.carried === 0 && carry2.read === OPEN, `a retried carry-over writes 0 entries (wrote ${fmt(carry2.carried)}, read ${fmt(carry2.read)})`);
  check(events <= HISTORY_LIMIT, `the machine's history (${fmt(events)} events) fits ${fmt(HISTORY_LIMIT)}`);
} catch (error) {
  fail(error);
} finally {
  await ddb.stop();
}
finish();
