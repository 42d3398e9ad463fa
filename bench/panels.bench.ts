// `npm run bench:panels`: joint-review panels on DynamoDB Local through the panel repository: a 200-member pool,
// 1,000 panels convened and open at once, every seat voting (plus duplicate votes racing), then tallied and closed.
// Wall time, per-call latency, memory; exits non-zero when an invariant fails at the end.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTables } from '../adapters/dynamodb/create-tables.js';
import { PanelRepository } from '../adapters/dynamodb/panel-repository.js';
import { createChinaWorkingCalendar } from '../domain/calendar/china-working-calendar.js';
import { CityDirectory } from '../domain/city-directory.js';
import { CaseworkError, ConflictError } from '../domain/errors.js';
import { castVote } from '../domain/panel/cast-vote.js';
import { convenePanel } from '../domain/panel/convene-panel.js';
import { tallyVotes } from '../domain/panel/tally-votes.js';
import { tables } from '../infra/manifest.js';
import { benchDynamoDb, invariants } from './support/bench-dynamodb.js';
import { dynamoDbLocalPid, peakHeapUsed, vm } from './support/process-memory.js';
import { demoCity } from '../local/seed/demo-city.js';
import { type CastVote, defaultPanelRules, type Panel, type PanelMember, PanelRole, PanelRules } from '../schemas/panel.js';
import { defaultSlaPolicy } from '../schemas/sla-policy.js';

const POOL = Number(process.env.BENCH_POOL ?? 200);
const PANELS = Number(process.env.BENCH_PANELS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DUPLICATES = Math.min(100, PANELS);
const MAX_ATTEMPTS = 50;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Runs `work` over the items with `concurrency` in flight. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
    }),
  );
}

/** Latencies of one kind of call, and the wall time of the phase they ran in. */
class Phase {
  readonly ms: number[] = [];
  wall = 0;
  constructor(readonly label: string) {}
  async time<T>(f: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      this.ms.push(performance.now() - t0);
    }
  }
  row(wall = this.wall) {
    const n = this.ms.length;
    return [this.label, fmt(n), (wall / 1000).toFixed(2), fmt(n / (wall / 1000)), percentile(this.ms, 0.5).toFixed(1), percentile(this.ms, 0.99).toFixed(1)];
  }
}
async function phase(phases: Phase[], f: () => Promise<void>) {
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  for (const p of phases) p.wall = wall;
}


// The pool: an even role mix, one member in ten tied to one of the units the cases involve.
const involvedSet = ['dept-urban-management', 'dept-housing', 'dept-ecology-environment', 'dept-water', 'd-haibin', 's-haibin-dongmen'];
const roles = PanelRole.options;
const members: PanelMember[] = Array.from({ length: POOL }, (_, i) => ({
  id: `bm-${String(i + 1).padStart(3, '0')}`,
  name: `成员${i + 1}`,
  role: roles[i % roles.length] as PanelRole,
  tiedUnitIds: Math.floor(i / 4) % 10 === 3 ? [involvedSet[i % involvedSet.length] as string] : [],
}));
const memberIds = members.map((m) => m.id);
const rules = PanelRules.parse({ ...defaultPanelRules, maxOpenPanelsPerMember: 30 });
const calendar = createChinaWorkingCalendar({ workingPeriods: defaultSlaPolicy.workingPeriods });
const city = new CityDirectory(demoCity.units, demoCity.categories);
const unitName = (unitId: string) => city.unit(unitId)?.name.zh ?? unitId;
// Domain time is fixed (a Monday, 10:00 in Beijing); the bench's clock is the real one.
const convenedAt = new Date('2026-11-23T02:00:00Z');
const votedAt = new Date('2026-11-23T06:00:00Z');
const closedAt = new Date('2026-11-26T02:00:00Z');

/** What seat `s` of panel `n` votes: most panels decide, one in ten splits 2-2-1, one in twenty has a unit dispute. */
function ballot(n: number, s: number): CastVote {
  const rationale = `第${s + 1}席意见：经核查材料与现场情况认定`;
  if (n % 10 === 9) return s < 2 ? { choice: 'beyond-policy', rationale } : s < 4 ? { choice: 'unreasonable', rationale } : { choice: 'order-handling', rationale };
  const minority: CastVote = n % 20 === 4 ? { choice: 'assign-unit', unitId: 'dept-housing', rationale } : { choice: 'order-handling', rationale };
  if (s >= 3) return minority;
  switch (n % 4) {
    case 0:
      return { choice: 'assign-unit', unitId: 'dept-urban-management', rationale };
    case 1:
      return { choice: 'order-handling', rationale };
    case 2:
      return { choice: 'beyond-policy', rationale };
    default:
      return { choice: 'unreasonable', rationale };
  }
}

const { check, fail, finish } = invariants();
const ddb = await benchDynamoDb(Number(process.env.BENCH_DYNAMODB_PORT ?? 8767));
const client = ddb.client;
try {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await createTables(client, tables.filter((t) => t.name === 'PanelSeats'), (n) => `bench-${n}`);
  const repo = new PanelRepository(doc, 'bench-PanelSeats');
  const jvm = dynamoDbLocalPid();

  console.log(`# Joint-review panels benchmark (DynamoDB Local in memory, node ${process.version}, ${CONCURRENCY} in flight)`);
  const tied = members.filter((m) => m.tiedUnitIds.length > 0).length;
  console.log(`pool: ${POOL} members, ${roles.map((r) => `${members.filter((m) => m.role === r).length} ${r}`).join(', ')}; ${tied} tied to a unit`);
  const need = Math.ceil((PANELS * rules.size) / POOL);
  console.log(
    `rules: defaultPanelRules with maxOpenPanelsPerMember ${rules.maxOpenPanelsPerMember} (default ${defaultPanelRules.maxOpenPanelsPerMember}): ` +
      `${fmt(PANELS)} panels x ${rules.size} seats = ${fmt(PANELS * rules.size)} seats over ${POOL} members needs >= ${need}; required roles ${rules.requiredRoles.join(', ')}`,
  );

  // 1. Convene: read the loads, compose, write record + seats + loads in one transaction; a lost race composes again.
  const convene = new Phase('convene (whole)');
  const readLoads = new Phase('  read loads (Query)');
  const compose = new Phase('  convenePanel (CPU)');
  const create = new Phase('  create (TransactWrite)');
  const panels: Panel[] = [];
  let busyRetries = 0;
  let maxAttempts = 0;
  await phase([convene, readLoads, compose, create], () =>
    pool(
      Array.from({ length: PANELS }, (_, n) => n),
      CONCURRENCY,
      (n) =>
        convene.time(async () => {
          const involvedUnitIds = [involvedSet[n % involvedSet.length] as string, ...(n % 3 === 0 ? [involvedSet[(n + 1) % involvedSet.length] as string] : [])];
          const referral = { ticketId: `T-bench-${n}`, round: 1, question: '多个单位对承办职责有争议，请会商认定', involvedUnitIds, leadUnitId: involvedUnitIds[0] };
          for (let attempt = 1; ; attempt++) {
            const openPanels = await readLoads.time(() => repo.openPanels());
            const panel = await compose.time(async () => convenePanel({ referral, pool: members, rules, openPanels, now: convenedAt, calendar }));
            try {
              await create.time(() => repo.create(panel, rules.maxOpenPanelsPerMember));
              panels[n] = panel;
              maxAttempts = Math.max(maxAttempts, attempt);
              return;
            } catch (error) {
              if (!(error instanceof ConflictError && error.rule === 'panel.member-busy') || attempt === MAX_ATTEMPTS) throw error;
              busyRetries++;
            }
          }
        }),
    ),
  );
  const seatsOf = new Map<string, number>(memberIds.map((id) => [id, 0]));
  for (const p of panels) for (const s of p.seats) seatsOf.set(s.memberId, (seatsOf.get(s.memberId) ?? 0) + 1);
  const loadsOpen = await repo.openPanels();

  // 2. Vote: every seat once (get, castVote, conditional write), and for some seats a second, concurrent vote.
  const voteAll = new Phase('vote (get+cast+write)');
  const voteGet = new Phase('  get panel (Query)');
  const voteWrite = new Phase('  vote (TransactWrite)');
  const ballots = panels.flatMap((p, n) => p.seats.map((s, i) => ({ panelId: p.id, memberId: s.memberId, body: ballot(n, i), twice: false })));
  const step = Math.floor(ballots.length / DUPLICATES);
  for (let i = 0; i < DUPLICATES; i++) (ballots[i * step + 1] as (typeof ballots)[number]).twice = true;
  const refused = new Map<string, number>();
  let accepted = 0;
  let pairsWithOneAccepted = 0;
  // A duplicate refused by the conditional write, not by castVote (which saw the first vote already stored).
  let refusedAtWrite = 0;
  const attempt = (b: (typeof ballots)[number]) =>
    voteAll.time(async () => {
      const panel = await voteGet.time(() => repo.get(b.panelId));
      if (!panel) throw new Error(`panel ${b.panelId} not found`);
      const vote = castVote(panel, b.memberId, b.body, votedAt, city);
      try {
        await voteWrite.time(() => repo.vote(panel.id, vote));
      } catch (error) {
        refusedAtWrite++;
        throw error;
      }
    });
  const outcome = async (b: (typeof ballots)[number]) => {
    try {
      await attempt(b);
      accepted++;
      return true;
    } catch (error) {
      if (!(error instanceof CaseworkError)) throw error;
      refused.set(error.rule, (refused.get(error.rule) ?? 0) + 1);
      return false;
    }
  };
  await phase([voteAll, voteGet, voteWrite], () =>
    pool(ballots, CONCURRENCY, async (b) => {
      if (!b.twice) return void (await outcome(b));
      const both = await Promise.all([outcome(b), outcome(b)]);
      if (both.filter(Boolean).length === 1) pairsWithOneAccepted++;
    }),
  );

  // 3. Tally and close: read the panel with its votes, count, close (seats close, loads drop).
  const closeAll = new Phase('tally+close (whole)');
  const closeGet = new Phase('  get panel (Query)');
  const closeWrite = new Phase('  close (TransactWrite)');
  const outcomes = new Map<string, number>();
  let counted = 0;
  let closedNow = 0;
  await phase([closeAll, closeGet, closeWrite], () =>
    pool(panels, CONCURRENCY, (p) =>
      closeAll.time(async () => {
        const panel = await closeGet.time(() => repo.get(p.id));
        if (!panel) throw new Error(`panel ${p.id} not found`);
        const result = tallyVotes(panel, rules, unitName);
        counted += result.cast;
        outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        if (await closeWrite.time(() => repo.close({ ...panel, status: 'closed', closedAt: closedAt.toISOString(), result }))) closedNow++;
      }),
    ),
  );

  const listed = await repo.between('0000', '9999', PANELS * 2);
  const loadsAfter = await repo.openPanels();

  const head = ['phase', 'count', 'wall s', 'per s', 'p50 ms', 'p99 ms'];
  const rows = [head, ...[convene, readLoads, compose, create, voteAll, voteGet, voteWrite, closeAll, closeGet, closeWrite].map((p) => p.row())];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(`| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  }

  const loads = [...seatsOf.values()];
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  const tiedLoads = members.filter((m) => m.tiedUnitIds.length > 0).map((m) => seatsOf.get(m.id) ?? 0);
  const byRole = roles.map((r) => {
    const xs = members.filter((m) => m.role === r).map((m) => seatsOf.get(m.id) ?? 0);
    return `${r} ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)}`;
  });
  console.log(`\nconvening: ${fmt(busyRetries)} member-busy retries (${((busyRetries / PANELS) * 100).toFixed(1)}% of panels' worth; most attempts for one panel ${maxAttempts})`);
  console.log(`seats per member while all ${fmt(PANELS)} were open: max ${Math.max(...loads)}, mean ${mean.toFixed(1)}, min ${Math.min(...loads)} (tied members: mean ${(tiedLoads.reduce((a, b) => a + b, 0) / Math.max(1, tiedLoads.length)).toFixed(1)}); by role: ${byRole.join(', ')}`);
  console.log(`votes: ${fmt(accepted)} accepted, refused ${[...refused].map(([rule, k]) => `${k} ${rule}`).join(', ') || 'none'} (${refusedAtWrite} by the conditional write, the rest by castVote); ${DUPLICATES} duplicate pairs, ${pairsWithOneAccepted} with exactly one accepted`);
  console.log(`results: ${[...outcomes].map(([o, k]) => `${k} ${o}`).join(', ')}; ${fmt(counted)} votes counted`);
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  const jvmRss = jvm === undefined ? undefined : vm(jvm, 'VmRSS');
  const jvmPeak = jvm === undefined ? undefined : vm(jvm, 'VmHWM');
  console.log(
    `memory: bench process peak RSS ${mb(rssPeak)}, peak heap used ${mb(peakHeapUsed())} (sampled every 25 ms); ` +
      (jvmRss === undefined ? 'DynamoDB Local JVM not found' : `DynamoDB Local JVM RSS ${mb(jvmRss)} now, ${mb(jvmPeak ?? 0)} peak`),
  );

  console.log('\n## Invariants');
  check(panels.filter(Boolean).length === PANELS, `${fmt(PANELS)} panels convened`);
  check([...seatsOf].every(([id, k]) => (loadsOpen.get(id) ?? 0) === k), 'each member\'s stored open count equals the seats handed out (no lost load update)');
  check(Math.max(...loads) <= rules.maxOpenPanelsPerMember, `no member over ${rules.maxOpenPanelsPerMember} open panels`);
  check(
    panels.every((p) => new Set(p.seats.map((s) => s.memberId)).size === rules.size && rules.requiredRoles.every((r) => p.seats.some((s) => s.role === r))),
    `every panel has ${rules.size} distinct members and its required roles`,
  );
  check(panels.every((p) => p.seats.every((s) => !(members.find((m) => m.id === s.memberId)?.tiedUnitIds ?? []).some((u) => p.involvedUnitIds.includes(u)))), 'no member sits on a case of a unit they are tied to');
  check(accepted === ballots.length && pairsWithOneAccepted === DUPLICATES, `every seat's vote accepted once (${fmt(ballots.length)}), each duplicate pair exactly one`);
  check(counted === ballots.length, `votes counted = ${fmt(ballots.length)}`);
  check(closedNow === PANELS && listed.length === PANELS && listed.every((p) => p.status === 'closed'), 'every panel closed (and listed closed)');
  check(memberIds.every((id) => (loadsAfter.get(id) ?? 0) === 0), "every member's open count back to 0");
} catch (error) {
  fail(error);
} finally {
  await ddb.stop();
}
finish();
