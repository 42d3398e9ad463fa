// The crash test: the same planned day run twice on fresh data, once uninterrupted and once with the runtime killed
// with SIGKILL at random moments and started again; afterwards both must agree on every ticket.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { TICKET_ID_LENGTH } from '../../domain/tickets/ticket-id.js';
import { freePort } from '../runtime/free-port.js';
import { type DriveResult, driveDay } from './drive-day.js';
import { type DayOutcome, differences, readOutcome } from './outcome.js';
import { CRASH_RATES, type DayPlan, planDay } from './plan.js';
import { type KillMode, RuntimeProcess } from './runtime-process.js';
import { startWebhookReceiver } from './webhook-receiver.js';

export interface CrashDayOptions {
  seed: number;
  tickets: number;
  /** SIGKILLs in the interrupted run, at least. */
  kills: number;
  /** A Beijing midnight; the day is planned from here. */
  start?: Date;
  log?: (line: string) => void;
  /** A folder for each run's runtime output (`uninterrupted.log`, `crashed.log`); none kept when absent. */
  logDir?: string;
}

export interface RunFigures {
  wallSeconds: number;
  drive: DriveResult;
  outcome: DayOutcome;
  /** Delivery ids the receiver got at least once, and how many it got more than once (allowed: at least once). */
  received: { deliveries: number; duplicates: number; badSignatures: number };
  /** Deliveries the system recorded as delivered that never reached the receiver. */
  unreceived: string[];
}

export interface CrashDayReport {
  plan: { seed: number; tickets: number; steps: number; start: string; end: string };
  uninterrupted: RunFigures;
  crashed: RunFigures & { kills: { at: string; mode: KillMode; step: number }[]; starts: number };
  /** Every way the crashed run's outcome differs from the uninterrupted one's: none, when nothing was lost or doubled. */
  differences: string[];
  /** Deliveries the uninterrupted run's receiver got that the crashed run's never did. */
  lostDeliveries: string[];
}

const SECRET = 'crash-day-webhook-secret';
// The units the plan's tickets reach, and the districts above them: everyone a ticket or an escalation is sent to.
const UNITS = ['s-haibin-dongmen', 's-qiaodong-jiefang', 's-qingshan-songlin', 's-nanhu-cuiliu', 'dept-water', 'dept-human-resources', 'd-haibin', 'd-qiaodong', 'd-qingshan', 'd-nanhu'];

/** Runs the day uninterrupted, then again with `kills` SIGKILLs, and reports both runs and how they differ. */
export async function crashDay(options: CrashDayOptions): Promise<CrashDayReport> {
  const log = options.log ?? (() => undefined);
  const plan = planDay({ seed: options.seed, tickets: options.tickets, start: options.start ?? new Date('2026-11-23T16:00:00Z'), rates: CRASH_RATES });
  log(`plan: ${plan.tickets.length} tickets, ${plan.steps.length} steps, ${plan.start.toISOString()} → ${plan.end.toISOString()}`);
  const uninterrupted = await run(plan, undefined, log, options.logDir && join(options.logDir, 'uninterrupted.log'));
  const kills: { at: string; mode: KillMode; step: number }[] = [];
  const crashed = await run(plan, { count: options.kills, seed: options.seed, kills }, log, options.logDir && join(options.logDir, 'crashed.log'));
  const normalize = (ids: Iterable<string>) => new Set([...ids].map(withoutTicketId(uninterrupted.figures.drive.ticketIds, crashed.figures.drive.ticketIds)));
  const gotCrashed = normalize(crashed.receivedIds);
  return {
    plan: { seed: plan.seed, tickets: plan.tickets.length, steps: plan.steps.length, start: plan.start.toISOString(), end: plan.end.toISOString() },
    uninterrupted: uninterrupted.figures,
    crashed: { ...crashed.figures, kills, starts: crashed.starts },
    differences: differences(uninterrupted.figures.outcome, crashed.figures.outcome),
    lostDeliveries: [...normalize(uninterrupted.receivedIds)].filter((id) => !gotCrashed.has(id)),
  };
}

interface Crashes {
  count: number;
  seed: number;
  kills: { at: string; mode: KillMode; step: number }[];
}

async function run(plan: DayPlan, crashes: Crashes | undefined, log: (line: string) => void, logFile?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-crash-day-'));
  const ports = { port: await freePort(), sfnPort: await freePort(), dynamodbPort: await freePort(), smtpPort: await freePort() };
  const runtime = new RuntimeProcess({ dataDir, clockStart: plan.start, ports, logFile });
  const receiver = await startWebhookReceiver(SECRET);
  const began = performance.now();
  const pending: Promise<void>[] = [];
  try {
    await runtime.start();
    const hooks = { subscribe: { unitIds: UNITS, url: receiver.url, secret: SECRET }, beforeStep: crashes && crashAt(plan, crashes, runtime, pending, log) };
    const drive = await driveDay(plan, runtime, hooks);
    // A crash timed for the last moments may still be restarting the runtime.
    await Promise.all(pending);
    await runtime.ready();
    const outcome = await readOutcome({ url: runtime.url, sfnEndpoint: runtime.sfnEndpoint, dynamodbEndpoint: `http://127.0.0.1:${ports.dynamodbPort}` }, drive.ticketIds);
    const wallSeconds = (performance.now() - began) / 1000;
    const ids = new Set(receiver.received.keys());
    const unreceived = outcome.tickets.flatMap((t, i) => t.delivered.map((d) => `${drive.ticketIds[i]}-${d}`)).filter((id) => !ids.has(id));
    const duplicates = [...receiver.received.values()].filter((n) => n > 1).length;
    log(`${crashes ? 'crashed' : 'uninterrupted'} run: ${wallSeconds.toFixed(1)} s, ${drive.requests} requests, ${drive.retries} retried, ${receiver.received.size} deliveries received`);
    return {
      figures: { wallSeconds, drive, outcome, received: { deliveries: ids.size, duplicates, badSignatures: receiver.badSignatures }, unreceived },
      receivedIds: ids,
      starts: runtime.starts,
    };
  } finally {
    await runtime.stop();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Picks the steps before which the runtime is killed, each a random few milliseconds later, alternating the mode; the
 * last kill falls in the final run of the clock to the plan's end, where the deadlines of the day play out.
 */
function crashAt(plan: DayPlan, crashes: Crashes, runtime: RuntimeProcess, pending: Promise<void>[], log: (line: string) => void) {
  const rng = xoroshiro128plus(crashes.seed + 1);
  const steps = new Set<number>([plan.steps.length]);
  while (steps.size < Math.min(crashes.count, plan.steps.length + 1)) steps.add(uniformInt(rng, 0, plan.steps.length - 1));
  let chain = Promise.resolve();
  return (index: number) => {
    if (!steps.has(index)) return;
    const mode: KillMode = crashes.kills.length % 2 === 0 ? 'process' : 'group';
    const delay = index === plan.steps.length ? uniformInt(rng, 50, 1500) : uniformInt(rng, 0, 40);
    // One crash at a time: a kill due while the last one is still restarting waits for the runtime to be up.
    chain = chain
      .then(() => new Promise<void>((done) => setTimeout(done, delay)))
      .then(async () => {
        crashes.kills.push({ at: new Date().toISOString(), mode, step: index });
        log(`SIGKILL #${crashes.kills.length} (${mode}) at step ${index}`);
        await runtime.crash(mode);
      });
    pending.push(chain);
  };
}

/** Maps a delivery id to its form without the ticket id, given each run's ids by plan index, so two runs compare. */
function withoutTicketId(...runs: string[][]) {
  const index = new Map(runs.flatMap((ids) => ids.map((id, i) => [id, i] as const)));
  return (deliveryId: string) => {
    const id = deliveryId.slice(0, TICKET_ID_LENGTH);
    return `${index.get(id) ?? id}${deliveryId.slice(TICKET_ID_LENGTH)}`;
  };
}
