// A city's day as a plan: which tickets arrive when, and what their units, the supervision office and the callers do
// with them. The same seed gives the same plan, step for step, so two runs of it can be compared.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** One request a person makes, at a moment of the virtual day. */
export interface PlannedStep {
  at: Date;
  /** Index of the ticket in the plan (its id is known only once created). */
  ticket: number;
  /** The demo user who makes it; HOLDER for whoever's unit holds the ticket at that moment. */
  user: string;
  /** `votes`: every member seated on the ticket's open panel casts the body as their vote. */
  kind: 'create' | 'action' | 'callback' | 'votes';
  body: Record<string, unknown>;
  /** Sent as Idempotency-Key: unique in the plan, so a retry after a crash applies nothing twice. */
  key: string;
}

/** As a step's user: a user of the unit holding the ticket when the step is made (found by the driver then). */
export const HOLDER = '(holder)';

/**
 * How a ticket's unit, the supervision office and the caller behave, and how often (weights, out of 1,000 here). Joint
 * review is rare: a city refers a handful of cases a week, and the demo pool of twelve seats seven panels at once.
 */
export const BEHAVIOURS = {
  /** Accepted and resolved on time; the caller is satisfied. */
  satisfied: 420,
  /** Resolved, the caller unsatisfied, resolved again, then satisfied. */
  unsatisfied: 80,
  /** Resolved; the caller never answers the callback. */
  unanswered: 80,
  /** The unit never acts: the ticket escalates to the district, then the city. */
  silent: 50,
  /** The unit misses its acceptance deadline; whoever the ticket escalated to accepts and resolves it. */
  late: 80,
  /** Accepted on time, not resolved by the completion deadline; whoever the ticket escalated to resolves it. */
  overdue: 50,
  /** An extension asked for and decided by the supervision office. */
  extension: 60,
  /** Returned as not the unit's, the return rejected, then handled. */
  returned: 60,
  /** A street blows the whistle: its district and a department report in and reply, then the street resolves. */
  whistle: 50,
  /** Marked difficult; the supervision office closes it with an explanation. */
  difficult: 65,
  /** Marked difficult, referred to a joint-review panel whose members vote to order the unit to handle it. */
  panel: 5,
} as const;
export type Behaviour = keyof typeof BEHAVIOURS;
export type BehaviourRates = Partial<Record<Behaviour, number>>;

/** The behaviours the crash test was built on: each step's outcome is decided by the plan alone. */
export const CRASH_RATES: BehaviourRates = { satisfied: 40, unsatisfied: 10, unanswered: 10, silent: 10, late: 10, extension: 10, returned: 10 };

export interface PlannedTicket {
  index: number;
  behaviour: Behaviour;
  unitId: string;
}

export interface DayPlan {
  seed: number;
  start: Date;
  /** After the last step, the clock runs on to here, so deadlines, callbacks and the month's turn play out. */
  end: Date;
  tickets: PlannedTicket[];
  /** In the order they are made: by time, then ticket, then the ticket's own order. */
  steps: PlannedStep[];
}

interface Place {
  unitId: string;
  clerk: string;
  /** The district's coordinator, for a street: who reports in when it blows the whistle. */
  coordinator?: string;
  category: string;
  location: { districtId: string; streetId: string; address: string };
}

// Streets get the neighbourhood complaints; two departments get theirs by category, wherever the caller is.
const PLACES: Place[] = [
  { unitId: 's-haibin-dongmen', clerk: 'clerk-haibin-dongmen', coordinator: 'coordinator-haibin', category: 'NBR-001', location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号' } },
  { unitId: 's-qiaodong-jiefang', clerk: 'clerk-qiaodong-jiefang', coordinator: 'coordinator-qiaodong', category: 'SAN-002', location: { districtId: 'd-qiaodong', streetId: 's-qiaodong-jiefang', address: '解放路8号' } },
  { unitId: 's-qingshan-songlin', clerk: 'clerk-qingshan-songlin', coordinator: 'coordinator-qingshan', category: 'PRK-001', location: { districtId: 'd-qingshan', streetId: 's-qingshan-songlin', address: '松林路21号' } },
  { unitId: 's-nanhu-cuiliu', clerk: 'clerk-nanhu-cuiliu', coordinator: 'coordinator-nanhu', category: 'LGT-001', location: { districtId: 'd-nanhu', streetId: 's-nanhu-cuiliu', address: '翠柳巷3号' } },
  { unitId: 'dept-water', clerk: 'clerk-water', category: 'WAT-002', location: { districtId: 'd-haibin', streetId: 's-haibin-xiwan', address: '西湾路5号' } },
  { unitId: 'dept-human-resources', clerk: 'clerk-human-resources', category: 'LAB-001', location: { districtId: 'd-qiaodong', streetId: 's-qiaodong-qiaotou', address: '桥头路66号' } },
];

// Calls per hour of a Beijing day: quiet nights, busy mornings, a second wave after lunch.
const HOURLY = [1, 1, 1, 1, 1, 2, 4, 8, 12, 13, 12, 10, 8, 9, 11, 11, 10, 8, 6, 5, 4, 3, 2, 1];
const SLOT_MINUTES = 10;
const MINUTE = 60_000;

export interface PlanOptions {
  seed: number;
  /** Tickets in all, spread evenly over the days. */
  tickets: number;
  /** A Beijing midnight. */
  start: Date;
  /** Days of arrivals, one after another (1 when absent). */
  days?: number;
  /** Days the clock runs on after the last step (8 when absent). */
  tailDays?: number;
  /** Weights of the behaviours; those left out never happen (BEHAVIOURS when absent). */
  rates?: BehaviourRates;
}

/** A seeded plan of `tickets` arrivals over the Beijing days that start at `start`. */
export function planDay(options: PlanOptions): DayPlan {
  const rng = xoroshiro128plus(options.seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(weights: readonly (readonly [T, number])[]): T => {
    let roll = int(1, weights.reduce((n, [, w]) => n + w, 0));
    for (const [value, weight] of weights) if ((roll -= weight) <= 0) return value;
    throw new Error('unreachable');
  };
  // Steps fall on 10-minute slots, so the clock moves a few hundred times a day rather than once per request.
  const slot = (minutes: number) => new Date(options.start.getTime() + Math.floor(minutes / SLOT_MINUTES) * SLOT_MINUTES * MINUTE);
  const tickets: PlannedTicket[] = [];
  const steps: (PlannedStep & { order: number })[] = [];
  const days = options.days ?? 1;
  const rates = (Object.entries(options.rates ?? BEHAVIOURS) as [Behaviour, number][]).filter(([, w]) => w > 0);
  if (rates.length === 0) throw new Error('rates: at least one behaviour needs a weight above 0');
  for (let index = 0; index < options.tickets; index++) {
    const hour = pick(HOURLY.map((w, h) => [h, w] as const));
    const arrival = Math.floor((index * days) / options.tickets) * 24 * 60 + hour * 60 + int(0, 59);
    const behaviour = pick(rates);
    // Only a street can blow the whistle.
    const places = behaviour === 'whistle' ? PLACES.filter((p) => p.coordinator) : PLACES;
    const place = places[int(0, places.length - 1)] as Place;
    tickets.push({ index, behaviour, unitId: place.unitId });
    let t = arrival;
    let order = 0;
    const step = (after: number, user: string, kind: PlannedStep['kind'], body: Record<string, unknown>) => {
      t += Math.max(SLOT_MINUTES, after);
      steps.push({ at: slot(t), ticket: index, user, kind, body, key: `sim-${options.seed}-${index}-${order}`, order: order++ });
    };
    steps.push({ at: slot(arrival), ticket: index, user: 'operator-1', kind: 'create', body: ticketBody(index, place), key: `sim-${options.seed}-${index}-${order}`, order: order++ });
    const act = (after: number, body: Record<string, unknown>) => step(after, place.clerk, 'action', body);
    const callback = (after: number, satisfied: boolean) => step(after, 'operator-2', 'callback', { resolved: satisfied, satisfied });
    switch (behaviour) {
      case 'satisfied':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 600), { type: 'resolve', reply: '已现场处置，问题已解决。' });
        callback(int(60, 360), true);
        break;
      case 'unsatisfied':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 480), { type: 'resolve', reply: '已协调处理。' });
        callback(int(60, 240), false);
        act(int(120, 600), { type: 'resolve', reply: '再次到场，已彻底解决。' });
        callback(int(60, 240), true);
        break;
      case 'unanswered':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 600), { type: 'resolve', reply: '已处理完毕。' });
        break;
      case 'silent':
        break;
      case 'late':
        // Past the unit's acceptance deadline the ticket is the district's (or the city's): whoever holds it then acts.
        step(int(30 * 60, 40 * 60), HOLDER, 'action', { type: 'accept' });
        step(int(120, 900), HOLDER, 'action', { type: 'resolve', reply: '已处理，办理迟了，致歉。' });
        callback(int(60, 240), true);
        break;
      case 'extension':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 240), { type: 'request-extension', days: int(1, 5), reason: '需协调多方，申请延期。' });
        step(int(30, 240), 'supervisor-1', 'action', { type: 'decide-extension', approve: int(0, 3) > 0 });
        act(int(600, 2400), { type: 'resolve', reply: '已协调完毕。' });
        callback(int(60, 240), true);
        break;
      case 'overdue':
        act(int(20, 120), { type: 'accept' });
        // Past 15 working days (a complaint's limit) the ticket has escalated: whoever holds it then resolves it.
        step(int(23 * 24 * 60, 26 * 24 * 60), HOLDER, 'action', { type: 'resolve', reply: '已处理，超期办结，致歉。' });
        callback(int(60, 240), true);
        break;
      case 'whistle':
        act(int(20, 120), { type: 'accept' });
        act(int(30, 240), { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '占道经营需城管执法配合。' });
        step(int(20, 120), 'clerk-urban-management', 'action', { type: 'report-in', note: '已报到，安排执法队员到场。' });
        step(int(20, 120), place.coordinator ?? '', 'action', { type: 'report-in', note: '区里已报到，协调处理。' });
        step(int(60, 480), 'clerk-urban-management', 'action', { type: 'add-reply', reply: '已清理占道摊点。' });
        act(int(30, 240), { type: 'resolve', reply: '联合执法已处理完毕。' });
        callback(int(60, 240), true);
        break;
      case 'difficult':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 480), { type: 'mark-difficult', reason: '诉求超出现行政策，难以办理。' });
        step(int(30, 240), 'supervisor-1', 'action', { type: 'decide-difficult', decision: 'close', explanation: '经核实，诉求不属于政策支持范围，已向市民解释。' });
        break;
      case 'panel':
        act(int(20, 120), { type: 'accept' });
        act(int(60, 480), { type: 'mark-difficult', reason: '多部门职责交叉，存在争议。' });
        step(int(30, 240), 'supervisor-1', 'action', { type: 'decide-difficult', decision: 'refer-to-panel', reason: '职责争议，提请联席会商。' });
        step(int(60, 600), 'supervisor-1', 'votes', { choice: 'order-handling', rationale: '属地管理，由承办单位继续办理。' });
        act(int(60, 600), { type: 'resolve', reply: '按会商意见已处理。' });
        callback(int(60, 240), true);
        break;
      case 'returned':
        act(int(20, 120), { type: 'return', reason: '不属于本单位职责范围。' });
        step(int(30, 240), 'supervisor-1', 'action', { type: 'review-return', decision: 'reject', reason: '属地管理，应由你单位办理。' });
        act(int(20, 120), { type: 'accept' });
        act(int(60, 600), { type: 'resolve', reply: '已处理。' });
        callback(int(60, 240), true);
        break;
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ticket - b.ticket || a.order - b.order);
  const last = steps.at(-1)?.at ?? options.start;
  const end = new Date(Math.max(last.getTime(), options.start.getTime() + 24 * 60 * MINUTE) + (options.tailDays ?? 8) * 24 * 60 * MINUTE);
  return { seed: options.seed, start: options.start, end, tickets, steps: steps.map(({ order: _, ...s }) => s) };
}

function ticketBody(index: number, place: Place): Record<string, unknown> {
  return {
    channel: index % 3 === 0 ? 'app' : 'phone',
    category: place.category,
    title: `模拟诉求 ${index}`,
    description: `模拟的第 ${index} 件市民诉求。`,
    location: place.location,
    citizen: { name: '市民', phone: `1380000${String(index % 10_000).padStart(4, '0')}` },
  };
}
