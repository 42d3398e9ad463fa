// `npm run simulate -- --tickets-per-day N --days D --seed S --out report.json [--concurrency C] [--rate name=weight]…`
// Runs a city's days on a fresh local runtime through its API, shows progress, prints the report and writes its JSON.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { type Behaviour, type BehaviourRates, BEHAVIOURS } from './plan.js';
import { reportText } from './report-text.js';
import { simulateDay } from './simulate-day.js';

const { values } = parseArgs({
  options: {
    'tickets-per-day': { type: 'string', default: '1000' },
    days: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string', default: '16' },
    out: { type: 'string' },
    rate: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`npm run simulate -- [--tickets-per-day 1000] [--days 1] [--seed 42] [--concurrency 16] [--out report.json] [--rate satisfied=40 ...]
behaviours and their default weights: ${Object.entries(BEHAVIOURS).map(([b, w]) => `${b}=${w}`).join(' ')}
a --rate replaces the default weights: behaviours not named then never happen`);
  process.exit(0);
}

/** A whole number at least `min`, or exit naming the option. */
function count(option: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${option}: must be a whole number of at least ${min}, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

function rates(raw: string[]): BehaviourRates | undefined {
  if (raw.length === 0) return undefined;
  const parsed: BehaviourRates = {};
  for (const pair of raw) {
    const [name, weight] = pair.split('=');
    if (!name || !(name in BEHAVIOURS)) {
      console.error(`--rate: "${name}" is not a behaviour; one of ${Object.keys(BEHAVIOURS).join(', ')}`);
      process.exit(2);
    }
    parsed[name as Behaviour] = count(`rate ${name}`, weight ?? '', 0);
  }
  return parsed;
}

const days = count('days', values.days, 1);
const tickets = count('tickets-per-day', values['tickets-per-day'], 1) * days;
// Off a terminal (a CI log) it prints a line every 10 s instead of redrawing.
const bar = new SingleBar(
  { format: 'steps {bar} {percentage}% | {value}/{total} | {tps} tickets/s | ETA {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 },
  Presets.shades_classic,
);
const began = performance.now();
let started = false;
const report = await simulateDay({
  seed: count('seed', values.seed, 0),
  tickets,
  days,
  concurrency: count('concurrency', values.concurrency, 1),
  rates: rates(values.rate),
  log: (line) => console.log(line),
  onProgress: (done, steps) => {
    if (!started) {
      bar.start(steps, 0, { tps: '0' });
      started = true;
    }
    // Steps per ticket are about even over the day, so the share of steps done stands in for tickets done.
    bar.update(done, { tps: ((tickets * done) / steps / ((performance.now() - began) / 1000)).toFixed(1) });
  },
});
bar.stop();
console.log(`\n${reportText(report)}`);
if (values.out) {
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nreport written to ${values.out}`);
}
