// Drives a planned day through the runtime's public HTTP API on its virtual clock, as its people would: each request
// at its moment, retried with its Idempotency-Key when the runtime went away mid-request.
import { demoCity } from '../seed/demo-city.js';
import { type DayPlan, HOLDER, type PlannedStep } from './plan.js';

/** Where the runtime answers; `ready()` resolves once a restart under way is over. */
export interface DriveTarget {
  url: string;
  ready(): Promise<void>;
}

export interface DriveResult {
  /** The id each planned ticket got, by plan index. */
  ticketIds: string[];
  /** Steps the API refused (a 4xx), with the rule it named: part of the outcome, compared between runs. */
  refused: { step: number; ticket: number; status: number; rule: string }[];
  requests: number;
  /** Requests sent again because the runtime went away while they were under way. */
  retries: number;
  /** Answers 500 and above, each retried: there should be none. */
  serverErrors: { path: string; status: number; body: string }[];
  clockMoves: number;
  /** Intakes that had to be sent again, with the id the retry answered: what a crash did to a ticket's birth. */
  retriedCreates: { step: number; ticket: number; id: string; status: number }[];
}

export interface DriveHooks {
  /** Called before each step (and with the number of steps before the final run of the clock), e.g. to crash the runtime then. */
  beforeStep?(index: number): void;
  /** Webhook subscriptions made for these units before the first step. */
  subscribe?: { unitIds: string[]; url: string; secret: string };
  /**
   * Requests in flight at once (1 when absent). Above 1 the clock moves once per slot, before the slot's steps,
   * which then go out together: a slot holds at most one step of each ticket. At 1 the clock is checked before every
   * request, so a restart that went unseen between two requests is caught.
   */
  concurrency?: number;
  /** Told of each ticket created, with the moment (performance.now()) its intake request was sent. */
  onCreated?(ticket: number, id: string, sentAt: number): void;
  /** Told after each step, with the number of steps done. */
  onProgress?(done: number): void;
}

const MAX_ATTEMPTS = 60;

/** Makes every step of the plan, then runs the clock to the plan's end; resolves when the runtime is idle there. */
export async function driveDay(plan: DayPlan, target: DriveTarget, hooks: DriveHooks = {}): Promise<DriveResult> {
  const result: DriveResult = { ticketIds: [], refused: [], requests: 0, retries: 0, serverErrors: [], clockMoves: 0, retriedCreates: [] };
  const tokens = new Map<string, string>();

  /** One request, sent until it gets an answer below 500; a 401 (a token past its virtual hours) signs in again. */
  const send = async (method: string, path: string, body: unknown, user?: string, key?: string, at?: Date) => {
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`${method} ${path}: no answer after ${MAX_ATTEMPTS} attempts`);
      try {
        await target.ready();
        // After a restart the clock is where it was last saved: bring it back to this step's moment first.
        if (at) await moveClock(at);
        const token = user && (tokens.get(user) ?? (await signIn(user)));
        result.requests++;
        const res = await fetch(`${target.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (res.status === 401 && user) {
          tokens.delete(user);
          continue;
        }
        if (res.status >= 500) {
          result.serverErrors.push({ path, status: res.status, body: text.slice(0, 500) });
          result.retries++;
          continue;
        }
        return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        result.retries++;
      }
    }
  };
  const signIn = async (user: string) => {
    const res = await fetch(`${target.url}/_local/login`, { method: 'POST', body: JSON.stringify({ user }) });
    const token = String(((await res.json()) as { token: string }).token);
    tokens.set(user, token);
    return token;
  };
  const moveClock = async (to: Date) => {
    const now = new Date(((await (await fetch(`${target.url}/_local/clock`)).json()) as { now: string }).now);
    if (now >= to) return;
    result.clockMoves++;
    const res = await fetch(`${target.url}/_local/clock`, { method: 'POST', body: JSON.stringify({ to: to.toISOString() }) });
    if (res.status !== 200) throw new Error(`moving the clock to ${to.toISOString()} answered ${res.status}: ${await res.text()}`);
  };

  if (hooks.subscribe) {
    const { unitIds, url, secret } = hooks.subscribe;
    for (const unitId of unitIds) {
      const res = await send('PUT', `/v1/units/${unitId}/subscriptions`, { webhooks: [{ url, secret }] }, 'admin');
      if (res.status !== 200) throw new Error(`subscribing ${unitId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  }
  const concurrency = hooks.concurrency ?? 1;
  let done = 0;
  const perform = async (index: number, step: PlannedStep) => {
    hooks.beforeStep?.(index);
    const id = result.ticketIds[step.ticket];
    if (step.kind !== 'create' && id === undefined) throw new Error(`step ${index}: ticket ${step.ticket} was never created`);
    const at = concurrency === 1 ? step.at : undefined;
    if (step.kind === 'votes') {
      const refusal = await castVotes(String(id), step, at);
      if (refusal) result.refused.push({ step: index, ticket: step.ticket, ...refusal });
      return;
    }
    const path = step.kind === 'create' ? '/v1/tickets' : `/v1/tickets/${id}/${step.kind === 'callback' ? 'callback' : 'actions'}`;
    const user = step.user === HOLDER ? await holder(String(id), at) : step.user;
    const retriesBefore = result.retries;
    const sentAt = performance.now();
    const res = await send('POST', path, step.body, user, step.key, at);
    if (step.kind === 'create' && result.retries > retriesBefore) result.retriedCreates.push({ step: index, ticket: step.ticket, id: String(res.body.id), status: res.status });
    if (step.kind === 'create') {
      if (res.status !== 201 && res.status !== 200) throw new Error(`step ${index}: intake answered ${res.status}: ${JSON.stringify(res.body)}`);
      result.ticketIds[step.ticket] = String(res.body.id);
      hooks.onCreated?.(step.ticket, String(res.body.id), sentAt);
    } else if (res.status >= 400) {
      result.refused.push({ step: index, ticket: step.ticket, status: res.status, rule: String(res.body.rule ?? res.body.error ?? '') });
    }
  };
  /** A demo user of the unit holding the ticket now, as the supervision office reads it. */
  const holder = async (ticketId: string, at: Date | undefined) => {
    const res = await send('GET', `/v1/tickets/${ticketId}`, undefined, 'supervisor-1', undefined, at);
    const unitId = String(res.body.unitId);
    const user = demoCity.users.find((u) => u.unitId === unitId);
    if (!user) throw new Error(`ticket ${ticketId}: no demo user works for its unit ${unitId}`);
    return user.id;
  };
  /** Each member seated on the ticket's open panel votes the step's body; the first refusal is returned. */
  const castVotes = async (ticketId: string, step: PlannedStep, at: Date | undefined) => {
    const listed = await send('GET', '/v1/panels?status=open', undefined, step.user, undefined, at);
    const panel = ((listed.body.items ?? []) as { id: string; ticketId: string; seats: { memberId: string }[] }[]).find((p) => p.ticketId === ticketId);
    if (!panel) return { status: listed.status === 200 ? 404 : listed.status, rule: 'panel.not-open' };
    for (const seat of panel.seats) {
      const member = demoCity.users.find((u) => u.memberId === seat.memberId);
      if (!member) throw new Error(`panel ${panel.id}: no demo user sits as ${seat.memberId}`);
      const res = await send('POST', `/v1/panels/${panel.id}/votes`, step.body, member.id, `${step.key}-${seat.memberId}`, at);
      if (res.status >= 400) return { status: res.status, rule: String(res.body.rule ?? res.body.error ?? '') };
    }
    return undefined;
  };
  for (let first = 0; first < plan.steps.length; ) {
    const slot = (plan.steps[first] as PlannedStep).at.getTime();
    let end = first;
    while (end < plan.steps.length && (plan.steps[end] as PlannedStep).at.getTime() === slot) end++;
    if (concurrency > 1) await send('GET', '/_local/clock', undefined, undefined, undefined, new Date(slot));
    let next = first;
    const worker = async () => {
      while (next < end) {
        const index = next++;
        await perform(index, plan.steps[index] as PlannedStep);
        hooks.onProgress?.(++done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, end - first) }, worker));
    first = end;
  }
  result.refused.sort((a, b) => a.step - b.step);
  // The clock move answers once the runtime is idle at the end; retried like any request if the runtime goes away.
  hooks.beforeStep?.(plan.steps.length);
  await send('GET', '/_local/clock', undefined, undefined, undefined, plan.end);
  return result;
}

/** True for the errors of a request to a server that went away (refused, reset, closed mid-answer). */
function isConnectionError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return error instanceof TypeError || ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}
