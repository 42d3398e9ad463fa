// The simulation report as a person reads it in a terminal: the headline figures, usage per ticket, memory, the bill
// and each unit's final figures, in aligned tables.
import type { SimulationReport } from './simulate-day.js';

/** Rows as aligned columns: the first column left-aligned, the others right-aligned. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length))) ?? [];
  return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

/** The whole report as text. */
export function reportText(r: SimulationReport): string {
  const cost = r.costPer1000TicketsUsd;
  const lines = [
    `# ${r.tickets} tickets over ${r.plan.days} day(s), seed ${r.plan.seed}, ${r.plan.steps} steps, ${r.plan.concurrency} requests at a time`,
    `  measured ${r.measuredAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`,
    '',
    table([
      ['wall time', `${fixed(r.wallSeconds, 1)} s`],
      ['tickets per second', fixed(r.ticketsPerSecond)],
      ['API requests', r.requests],
      ['clock moves', r.clockMoves],
      ['refused as planned (4xx)', Object.values(r.refused).reduce((n, c) => n + c, 0)],
      ['server errors (5xx)', r.serverErrors],
      ['intake → webhook p50 / p95 / p99', `${r.latencyMs.p50} / ${r.latencyMs.p95} / ${r.latencyMs.p99} ms`],
      ['tickets without a dispatch webhook', r.latencyMs.missing],
      ['unexplained final states', r.unexplained.length],
    ]),
    '',
    '## Per ticket',
    table([
      ['', 'per ticket'],
      ['API requests', fixed(r.perTicket.apiRequests)],
      ['Lambda invocations', fixed(r.perTicket.lambdaInvocations)],
      ['Lambda GB-seconds', fixed(r.perTicket.lambdaGbSeconds, 4)],
      ['state transitions', fixed(r.perTicket.stateTransitions)],
      ['DynamoDB read units', fixed(r.perTicket.dynamodbReadUnits)],
      ['DynamoDB write units', fixed(r.perTicket.dynamodbWriteUnits)],
      ['webhook deliveries', fixed(r.perTicket.webhookDeliveries)],
      ['transitions, on-time ticket (lifecycle, p50 / max)', `${r.transitionsPerOnTimeTicket.lifecycle.p50} / ${r.transitionsPerOnTimeTicket.lifecycle.max}`],
      ['transitions, on-time ticket with notifications', `${r.transitionsPerOnTimeTicket.withNotifications.p50} / ${r.transitionsPerOnTimeTicket.withNotifications.max}`],
    ]),
    '',
    '## Transitions by behaviour (mean per ticket, notifications included)',
    table([['behaviour', 'tickets', 'transitions'], ...Object.entries(r.transitionsByBehaviour).map(([behaviour, b]) => [behaviour, b.tickets, b.transitions])]),
    '',
    '## Processes',
    table([
      ['process', 'peak MB', 'CPU s'],
      ['simulator (Node)', r.peakMemoryMb.simulator, r.cpuSeconds.simulator],
      ['runtime (Node: API, engine, handlers)', r.peakMemoryMb.runtime, r.cpuSeconds.runtime],
      ['DynamoDB Local (JVM)', r.peakMemoryMb.dynamodbLocal, r.cpuSeconds.dynamodbLocal],
    ]),
    '',
    `## Projected AWS cost per 1,000 tickets (USD, ${r.prices.region} list prices checked ${r.prices.checked}, local/simulator/prices.ts)`,
    table([
      ['', 'USD'],
      ['Step Functions (Standard)', fixed(cost.stepFunctions, 4)],
      ['Lambda (Arm, 512 MB)', fixed(cost.lambda, 4)],
      ['DynamoDB (on-demand)', fixed(cost.dynamodb, 4)],
      ['total (target ≤ 0.40)', fixed(cost.total, 4)],
      ['API Gateway (beside the total)', fixed(cost.apiGateway, 4)],
    ]),
    '',
    '## Units at the end',
    table([['unit', 'tickets', 'closed', 'open', 'escalated'], ...Object.entries(r.units).sort(([a], [b]) => a.localeCompare(b)).map(([unit, u]) => [unit, u.tickets, u.closed, u.open, u.escalated])]),
  ];
  if (r.unexplained.length > 0) lines.push('', `## Unexplained (first 10)`, ...r.unexplained.slice(0, 10).map((u) => `  ticket ${u.ticket} (${u.behaviour}): ${JSON.stringify(u.state)}`));
  return lines.join('\n');
}
