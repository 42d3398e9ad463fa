// `npm run bench:crash`: issue 15's crash test at full size. A planned day of 1,000 tickets runs on the virtual clock
// through the API, once uninterrupted and once with the runtime SIGKILLed at random moments (at least 10) and started
// again; the two must end the same. Prints the figures; exits non-zero if anything was lost or applied twice.
import { crashDay } from '../local/simulator/crash-day.js';
import { invariants } from './support/bench-dynamodb.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const KILLS = Number(process.env.BENCH_KILLS ?? 10);
const SEED = Number(process.env.BENCH_SEED ?? 20261126);
const { check, fail, finish } = invariants();

try {
  const report = await crashDay({ seed: SEED, tickets: TICKETS, kills: KILLS, log: (line) => console.log(`  ${line}`) });
  const { uninterrupted: u, crashed: c } = report;
  const byStatus = (tickets: { status: string }[]) => {
    const counts = new Map<string, number>();
    for (const t of tickets) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${status} ${n}`).join(', ');
  };
  console.log(`# A day of ${report.plan.tickets} tickets (${report.plan.steps} requests planned, seed ${SEED}), ${report.plan.start} → ${report.plan.end} (virtual)`);
  console.log(`uninterrupted: ${u.wallSeconds.toFixed(1)} s wall, ${u.drive.requests} requests, ${u.drive.clockMoves} clock moves, ${u.received.deliveries} webhook deliveries received`);
  console.log(`crashed:       ${c.wallSeconds.toFixed(1)} s wall, ${c.kills.length} SIGKILLs (${c.kills.filter((k) => k.mode === 'process').length} of Node alone, ${c.kills.filter((k) => k.mode === 'group').length} of Node and DynamoDB Local), ${c.starts} starts, ${c.drive.retries} requests retried`);
  console.log(`tickets at the end: ${byStatus(u.outcome.tickets)}`);
  console.log(`executions: ${JSON.stringify(u.outcome.executions)}`);
  console.log(`refused by the API as planned (same in both runs): ${u.drive.refused.length}`);
  console.log(`deliveries received more than once after a crash (at least once is the promise): ${c.received.duplicates}`);
  check(c.kills.length >= KILLS, `at least ${KILLS} SIGKILLs (${c.kills.length})`);
  check(c.outcome.stored.tickets === TICKETS && c.outcome.stored.duplicated === 0, `every planned ticket stored once (${JSON.stringify(c.outcome.stored)})`);
  check(c.drive.serverErrors.length === 0, `no answer 500 or above (${c.drive.serverErrors.length})`);
  check(JSON.stringify(c.drive.refused) === JSON.stringify(u.drive.refused), 'the API refused the same steps in both runs');
  check(report.differences.length === 0, `every ticket's state, history, lifecycle and deliveries as uninterrupted (${report.differences.length} differences${report.differences.length ? `: ${report.differences.slice(0, 10).join('; ')}` : ''})`);
  check(c.unreceived.length === 0 && u.unreceived.length === 0, `every delivery recorded as made reached the receiver (${c.unreceived.length} did not)`);
  check(report.lostDeliveries.length === 0, `no delivery the uninterrupted run received was lost (${report.lostDeliveries.length})`);
  check(c.received.badSignatures === 0, 'every delivery signed');
} catch (error) {
  fail(error);
}
finish();
