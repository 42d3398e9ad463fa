// A city's days, simulated: a seeded plan driven through the runtime's public API on the virtual clock, with the
// units' webhook receivers listening; then what it took (wall time, latency, usage, the AWS bill) and where it ended.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { TICKET_ID_LENGTH } from '../../domain/tickets/ticket-id.js';
import { LAMBDA_MEMORY_MB } from '../../infra/manifest.js';
import { localDynamoDbClient } from '../dynamodb/dynamodb-local.js';
import { freePort } from '../runtime/free-port.js';
import { cpuSeconds, vm } from '../runtime/process-usage.js';
import type { TableUsage, UsageSnapshot } from '../runtime/usage-meter.js';
import { type CostPer1000, costPer1000, type UsageTotals, usageTotals } from './cost.js';
import { driveDay } from './drive-day.js';
import { type Behaviour, type BehaviourRates, BEHAVIOURS, planDay } from './plan.js';
import { PRICES } from './prices.js';
import { RuntimeProcess } from './runtime-process.js';
import { scanTickets } from './scan-tickets.js';
import { startWebhookReceiver } from './webhook-receiver.js';
import { explains, type FinalState } from './explained-states.js';

export interface SimulateOptions {
  seed: number;
  tickets: number;
  days?: number;
  rates?: BehaviourRates;
  /** Requests in flight at once within a slot (16 when absent). */
  concurrency?: number;
  /** A Beijing midnight; the first day starts here. */
  start?: Date;
  /** Told after each step: steps done and planned. */
  onProgress?(done: number, steps: number): void;
  log?(line: string): void;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

export interface SimulationReport {
  measuredAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  plan: { seed: number; tickets: number; days: number; steps: number; start: string; end: string; rates: BehaviourRates; concurrency: number };
  tickets: number;
  wallSeconds: number;
  /** Tickets over the wall time of the whole run, the clock's run to the plan's end included. */
  ticketsPerSecond: number;
  requests: number;
  clockMoves: number;
  /** Planned steps the API refused (a 4xx), by the rule it named. */
  refused: Record<string, number>;
  serverErrors: number;
  /** Intake request sent to the ticket's dispatch notice received by the unit's webhook, wall time. */
  latencyMs: Percentiles & { missing: number };
  transitionsPerTicket: number;
  /** Tickets resolved on time with a satisfied caller: their lifecycle alone, and with their notifications. */
  transitionsPerOnTimeTicket: { lifecycle: Percentiles; withNotifications: Percentiles };
  /** Each behaviour's tickets and their mean transitions, their notifications' included: where the Step Functions bill goes. */
  transitionsByBehaviour: Record<string, { tickets: number; transitions: number }>;
  perTicket: { lambdaInvocations: number; lambdaGbSeconds: number; stateTransitions: number; dynamodbReadUnits: number; dynamodbWriteUnits: number; webhookDeliveries: number; apiRequests: number };
  usage: UsageTotals & { invocationsByFunction: Record<string, number>; dynamodbByTable: Record<string, TableUsage>; transitionsByMachine: Record<string, number> };
  costPer1000TicketsUsd: CostPer1000;
  prices: { checked: string; region: string; sources: Record<string, string> };
  peakMemoryMb: Record<'simulator' | Process, number>;
  /** CPU time each process used over the run (the two cores of this machine give at most twice the wall time). */
  cpuSeconds: Record<'simulator' | Process, number>;
  /** By the unit each ticket ended with. */
  units: Record<string, { tickets: number; closed: number; open: number; escalated: number }>;
  /** By behaviour: how many tickets ended in each `status/L<level>`. */
  outcomes: Record<string, Record<string, number>>;
  /** Tickets whose final state their behaviour does not explain: none, when the system did what the plan asked. */
  unexplained: { ticket: number; behaviour: Behaviour; state: FinalState }[];
}

type Process = 'runtime' | 'dynamodbLocal';

const SECRET = 'simulated-day-webhook-secret';
// Every unit the plan's tickets reach, a whistle calls in, or an escalation goes to.
const UNITS = ['s-haibin-dongmen', 's-qiaodong-jiefang', 's-qingshan-songlin', 's-nanhu-cuiliu', 'dept-water', 'dept-human-resources', 'dept-urban-management', 'd-haibin', 'd-qiaodong', 'd-qingshan', 'd-nanhu'];

/** Runs the planned days on a fresh runtime in its own process and reports what it took and how it ended. */
export async function simulateDay(options: SimulateOptions): Promise<SimulationReport> {
  const log = options.log ?? (() => undefined);
  const rates = options.rates ?? BEHAVIOURS;
  const concurrency = options.concurrency ?? 16;
  const plan = planDay({ seed: options.seed, tickets: options.tickets, days: options.days, rates, start: options.start ?? new Date('2026-11-23T16:00:00Z') });
  log(`plan: ${plan.tickets.length} tickets, ${plan.steps.length} steps, ${plan.start.toISOString()} → ${plan.end.toISOString()}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-simulate-'));
  const ports = { port: await freePort(), sfnPort: await freePort(), dynamodbPort: await freePort(), smtpPort: await freePort() };
  const runtime = new RuntimeProcess({ dataDir, clockStart: plan.start, ports });
  const receiver = await startWebhookReceiver(SECRET);
  const sentAt = new Map<string, number>();
  try {
    await runtime.start();
    const began = performance.now();
    const drive = await driveDay(plan, runtime, {
      concurrency,
      subscribe: { unitIds: UNITS, url: receiver.url, secret: SECRET },
      onCreated: (_ticket, id, at) => sentAt.set(id, at),
      onProgress: (done) => options.onProgress?.(done, plan.steps.length),
    });
    const wallSeconds = (performance.now() - began) / 1000;
    const usage = (await (await fetch(`${runtime.url}/_local/usage`)).json()) as UsageSnapshot & { peakMemoryBytes: Partial<Record<Process, number>>; cpuSeconds: Partial<Record<Process, number>> };
    const finals = await readFinalStates(`http://127.0.0.1:${ports.dynamodbPort}`);
    const tickets = plan.tickets.length;
    const totals = usageTotals(usage, drive.requests, LAMBDA_MEMORY_MB);
    const latencies = [...sentAt].flatMap(([id, at]) => {
      const arrived = receiver.firstByTicket.get(id);
      return arrived === undefined ? [] : [arrived - at];
    });
    const perTicketTransitions = transitionsByTicket(usage);
    const onTime = plan.tickets.filter((t) => t.behaviour === 'satisfied').map((t) => drive.ticketIds[t.index] as string);
    const transitionsByBehaviour: Record<string, { tickets: number; transitions: number }> = {};
    const unexplained: SimulationReport['unexplained'] = [];
    const outcomes: SimulationReport['outcomes'] = {};
    const units: SimulationReport['units'] = {};
    for (const t of plan.tickets) {
      const state = finals.get(t.index) ?? { status: 'missing', level: 0 };
      const key = `${state.status}/L${state.level}`;
      (outcomes[t.behaviour] ??= {})[key] = (outcomes[t.behaviour]?.[key] ?? 0) + 1;
      const spent = (transitionsByBehaviour[t.behaviour] ??= { tickets: 0, transitions: 0 });
      spent.tickets++;
      spent.transitions += perTicketTransitions.get(drive.ticketIds[t.index] ?? '') ?? 0;
      if (!explains(t.behaviour, state)) unexplained.push({ ticket: t.index, behaviour: t.behaviour, state });
      const unit = (units[state.unitId ?? '(none)'] ??= { tickets: 0, closed: 0, open: 0, escalated: 0 });
      unit.tickets++;
      if (state.status === 'closed') unit.closed++;
      else unit.open++;
      if (state.level > 1) unit.escalated++;
    }
    const refused: Record<string, number> = {};
    for (const r of drive.refused) refused[r.rule || String(r.status)] = (refused[r.rule || String(r.status)] ?? 0) + 1;
    const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / 2 ** 20);
    const per = (n: number) => n / tickets;
    return {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      plan: { seed: plan.seed, tickets, days: options.days ?? 1, steps: plan.steps.length, start: plan.start.toISOString(), end: plan.end.toISOString(), rates, concurrency },
      tickets,
      wallSeconds,
      ticketsPerSecond: tickets / wallSeconds,
      requests: drive.requests,
      clockMoves: drive.clockMoves,
      refused,
      serverErrors: drive.serverErrors.length,
      latencyMs: { ...percentiles(latencies), missing: sentAt.size - latencies.length },
      transitionsPerTicket: per(totals.stateTransitions),
      transitionsPerOnTimeTicket: {
        lifecycle: percentiles(onTime.map((id) => usage.transitions['casework-ticket-lifecycle']?.[id] ?? 0)),
        withNotifications: percentiles(onTime.map((id) => perTicketTransitions.get(id) ?? 0)),
      },
      transitionsByBehaviour: Object.fromEntries(Object.entries(transitionsByBehaviour).map(([behaviour, b]) => [behaviour, { tickets: b.tickets, transitions: round1(b.transitions / b.tickets) }])),
      perTicket: {
        lambdaInvocations: per(totals.lambdaInvocations),
        lambdaGbSeconds: per(totals.lambdaGbSeconds),
        stateTransitions: per(totals.stateTransitions),
        dynamodbReadUnits: per(totals.dynamodbReadUnits),
        dynamodbWriteUnits: per(totals.dynamodbWriteUnits),
        webhookDeliveries: per(receiver.received.size),
        apiRequests: per(drive.requests),
      },
      usage: {
        ...totals,
        invocationsByFunction: Object.fromEntries(Object.entries(usage.lambda).map(([name, u]) => [name, u.invocations])),
        dynamodbByTable: usage.dynamodb,
        transitionsByMachine: Object.fromEntries(Object.entries(usage.transitions).map(([machine, byExecution]) => [machine, Object.values(byExecution).reduce((n, t) => n + t, 0)])),
      },
      costPer1000TicketsUsd: costPer1000(totals, tickets, PRICES),
      prices: { checked: PRICES.checked, region: PRICES.region, sources: PRICES.sources },
      peakMemoryMb: { simulator: mb(vm(process.pid, 'VmHWM')), runtime: mb(usage.peakMemoryBytes.runtime), dynamodbLocal: mb(usage.peakMemoryBytes.dynamodbLocal) },
      cpuSeconds: { simulator: round1(cpuSeconds(process.pid)), runtime: round1(usage.cpuSeconds.runtime), dynamodbLocal: round1(usage.cpuSeconds.dynamodbLocal) },
      units,
      outcomes,
      unexplained,
    };
  } finally {
    await runtime.stop();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round1 = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;

/** p50/p95/p99/max of `xs` (nearest rank), rounded to 0.1. */
export function percentiles(xs: number[]): Percentiles {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0), samples: sorted.length };
}

/** State transitions of every execution about a ticket (its lifecycle, its notifications), by ticket id. */
function transitionsByTicket(usage: UsageSnapshot): Map<string, number> {
  const byTicket = new Map<string, number>();
  for (const byExecution of Object.values(usage.transitions)) {
    for (const [name, n] of Object.entries(byExecution)) {
      if (!name.startsWith('T')) continue;
      const id = name.slice(0, TICKET_ID_LENGTH);
      byTicket.set(id, (byTicket.get(id) ?? 0) + n);
    }
  }
  return byTicket;
}

/** Every simulated ticket's final state, by plan index (read from its title), from one scan of the Tickets table. */
async function readFinalStates(endpoint: string): Promise<Map<number, FinalState>> {
  const client = localDynamoDbClient(endpoint);
  const states = new Map<number, FinalState>();
  try {
    for await (const item of scanTickets(client, ['status', 'level', 'unitId', 'outcome'])) {
      const index = /^模拟诉求 (\d+)$/.exec(item.title?.S ?? '')?.[1];
      if (index === undefined) continue;
      states.set(Number(index), { status: String(item.status?.S), level: Number(item.level?.N ?? 0), unitId: item.unitId?.S, satisfaction: item.outcome?.M?.satisfaction?.S });
    }
    return states;
  } finally {
    client.destroy();
  }
}
