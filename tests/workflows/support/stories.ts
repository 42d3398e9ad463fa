// Helpers that let a scenario read like its story: people sign in, open tickets and act on them through the API.
import { afterAll, beforeAll } from 'vitest';
import type { Runtime } from '../../../local/runtime/runtime.js';
import { noiseComplaint } from '../../domain/tickets/world.js';
import { call, login, testRuntime } from '../../integration/support/runtime.js';

// The same complaint the domain tests tell their stories with.
export { noiseComplaint };


export type TicketView = Record<string, unknown> & {
  id: string;
  status: string;
  unitId?: string;
  level: number;
  deadlines: { accept?: string; complete?: string; callback?: string };
  counters: { returns: number; extensions: number; reopens: number };
  outcome?: { resolution: string; satisfaction?: string };
  timeline: { type: string; at: string }[];
};

/** The API as the people of the demo city use it. */
export function hotline(runtime: Runtime) {
  const as = (user: string) => login(runtime, user);
  return {
    async open(body: unknown = noiseComplaint): Promise<string> {
      const res = await call(runtime, 'POST', '/v1/tickets', body, await as('operator-1'));
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
      await runtime.idle();
      return String(res.body?.id);
    },
    async ticket(id: string): Promise<TicketView> {
      return (await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await as('supervisor-1'))).body as unknown as TicketView;
    },
    async act(user: string, id: string, action: Record<string, unknown>) {
      const res = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, action, await as(user));
      await runtime.idle();
      return res;
    },
    async callback(id: string, answer: { resolved: boolean; satisfied: boolean; comment?: string }) {
      const res = await call(runtime, 'POST', `/v1/tickets/${id}/callback`, answer, await as('operator-1'));
      await runtime.idle();
      return res;
    },
    /** Moves the virtual clock to an instant (ISO with offset) and lets everything due happen. */
    async timeIs(iso: string) {
      await runtime.advanceTo(new Date(iso));
    },
    async lifecycleStatus(id: string) {
      return (await runtime.engine.describeExecution({ executionArn: lifecycleArn(id) })).status;
    },
    /** The states the ticket's lifecycle entered, in order, as the console's history lists them. */
    async lifecyclePath(id: string) {
      return lifecyclePath(runtime, id);
    },
  };
}

const lifecycleArn = (ticketId: string) => `arn:aws:states:us-east-1:123456789012:execution:casework-ticket-lifecycle:${ticketId}`;

/** Every state a ticket's lifecycle execution entered, in order (one per state transition). */
export async function lifecyclePath(runtime: Runtime, ticketId: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await runtime.engine.getExecutionHistory({ executionArn: lifecycleArn(ticketId), maxResults: 1000, nextToken });
    for (const event of page.events) {
      const entered = (event as { stateEnteredEventDetails?: { name: string } }).stateEnteredEventDetails;
      if (entered) names.push(entered.name);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}

/** The phases of a lifecycle path: the waiting states, each run of the same phase shown once. */
export function phasesOf(path: string[]): string[] {
  const routing = new Set(['Where is the ticket?', 'Deadline reached']);
  return path.filter((name) => !routing.has(name)).filter((name, i, all) => all[i - 1] !== name);
}

/** A city on its own runtime for a test file, its virtual clock starting at `clockStart`: started before the file's stories, stopped after. */
export function cityOfThisFile(clockStart: string): { readonly runtime: Runtime; readonly city: ReturnType<typeof hotline> } {
  const held = {} as { runtime: Runtime; city: ReturnType<typeof hotline> };
  beforeAll(async () => {
    held.runtime = await testRuntime({ clockStart });
    held.city = hotline(held.runtime);
  }, 60_000);
  afterAll(() => held.runtime?.stop());
  return held;
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Every mail the runtime's mailbox has received, as `GET /_local/mail` shows it. */
export async function mailbox(runtime: Runtime): Promise<Mail[]> {
  return (await call(runtime, 'GET', '/_local/mail')).body as unknown as Mail[];
}
