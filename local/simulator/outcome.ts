// Where a driven day left the city: each planned ticket's state, history, lifecycle and deliveries, the tickets stored
// and the executions run; and what differs between two runs of the same plan.
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { localDynamoDbClient } from '../dynamodb/dynamodb-local.js';
import { stateMachineArn } from '../runtime/state-machines.js';
import { scanTickets } from './scan-tickets.js';

export interface TicketOutcome {
  status: string;
  level: number;
  unitId: string | undefined;
  version: number;
  /** The history's event types in order: a change applied twice shows here. */
  events: string[];
  /** The lifecycle execution's status (RUNNING while it waits on a deadline). */
  lifecycle: string;
  /** Deliveries with a successful attempt, as `<seq>-<unit>-<channel><target>` (the ticket id left out, to compare runs). */
  delivered: string[];
}

export interface DayOutcome {
  tickets: TicketOutcome[];
  /** Tickets in the Tickets table, and how many planned titles appear more than once. */
  stored: { tickets: number; duplicated: number };
  /** Executions by state machine and status. */
  executions: Record<string, Record<string, number>>;
}

export interface OutcomeSource {
  url: string;
  sfnEndpoint: string;
  dynamodbEndpoint: string;
}

const MACHINES = ['ticket-lifecycle', 'notification-delivery', 'joint-review', 'monthly-zeroing'];

/** Reads the outcome of every planned ticket through the API, and counts stored tickets and executions. */
export async function readOutcome(source: OutcomeSource, ticketIds: readonly string[]): Promise<DayOutcome> {
  const login = await fetch(`${source.url}/_local/login`, { method: 'POST', body: JSON.stringify({ user: 'supervisor-1' }) });
  const token = ((await login.json()) as { token: string }).token;
  const sfn = new SFNClient({ endpoint: source.sfnEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const ddb = localDynamoDbClient(source.dynamodbEndpoint);
  try {
    const executions: DayOutcome['executions'] = {};
    const lifecycles = new Map<string, string>();
    for (const machine of MACHINES) {
      const counts: Record<string, number> = {};
      let nextToken: string | undefined;
      do {
        const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArn(machine), maxResults: 1000, nextToken }));
        for (const e of page.executions ?? []) {
          counts[String(e.status)] = (counts[String(e.status)] ?? 0) + 1;
          if (machine === 'ticket-lifecycle') lifecycles.set(String(e.name), String(e.status));
        }
        nextToken = page.nextToken;
      } while (nextToken);
      executions[machine] = counts;
    }
    const tickets: TicketOutcome[] = [];
    for (const id of ticketIds) {
      const res = await fetch(`${source.url}/v1/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 404) {
        tickets.push({ status: 'MISSING', level: 0, unitId: undefined, version: 0, events: [], lifecycle: lifecycles.get(id) ?? 'MISSING', delivered: [] });
        continue;
      }
      if (res.status !== 200) throw new Error(`GET /v1/tickets/${id} answered ${res.status}`);
      const t = (await res.json()) as { status: string; level: number; unitId?: string; version: number; timeline: { type: string }[]; notifications: { deliveryId?: string; ok?: boolean }[] };
      const delivered = new Set(t.notifications.filter((n) => n.ok === true && n.deliveryId).map((n) => String(n.deliveryId).slice(id.length + 1)));
      tickets.push({
        status: t.status,
        level: t.level,
        unitId: t.unitId,
        version: t.version,
        events: t.timeline.map((e) => e.type),
        lifecycle: lifecycles.get(id) ?? 'MISSING',
        delivered: [...delivered].sort(),
      });
    }
    const titles = new Map<string, number>();
    let stored = 0;
    for await (const item of scanTickets(ddb, [])) {
      const title = item.title?.S ?? '';
      stored++;
      titles.set(title, (titles.get(title) ?? 0) + 1);
    }
    return { tickets, stored: { tickets: stored, duplicated: [...titles.values()].filter((n) => n > 1).length }, executions };
  } finally {
    sfn.destroy();
    ddb.destroy();
  }
}

/** Each way `actual` differs from `expected`, in words; empty when they agree. */
export function differences(expected: DayOutcome, actual: DayOutcome): string[] {
  const found: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(expected.stored, actual.stored)) found.push(`stored tickets: expected ${JSON.stringify(expected.stored)}, got ${JSON.stringify(actual.stored)}`);
  for (const machine of MACHINES) {
    if (!same(expected.executions[machine], actual.executions[machine])) {
      found.push(`${machine} executions: expected ${JSON.stringify(expected.executions[machine])}, got ${JSON.stringify(actual.executions[machine])}`);
    }
  }
  expected.tickets.forEach((want, i) => {
    const got = actual.tickets[i];
    if (!got) return found.push(`ticket ${i}: missing`);
    for (const field of Object.keys(want) as (keyof TicketOutcome)[]) {
      if (!same(want[field], got[field])) found.push(`ticket ${i} ${field}: expected ${JSON.stringify(want[field])}, got ${JSON.stringify(got[field])}`);
    }
  });
  return found;
}
