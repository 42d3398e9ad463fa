// What handlers share per container: repositories, the city's reference data, the SLA policy and calendar.
import { SendTaskSuccessCommand, TaskDoesNotExist, InvalidToken, TaskTimedOut } from '@aws-sdk/client-sfn';
import { documents, stepFunctions } from '../../adapters/clients.js';
import { now } from '../../adapters/clock.js';
import { DirectoryRepository } from '../../adapters/dynamodb/directory-repository.js';
import { tableName } from '../../adapters/dynamodb/table-names.js';
import { BoardCountsRepository } from '../../adapters/dynamodb/board-counts-repository.js';
import { DynamoBoardSource } from '../../adapters/dynamodb/board-source.js';
import { DeliveryRepository } from '../../adapters/dynamodb/delivery-repository.js';
import { LedgerRepository } from '../../adapters/dynamodb/ledger-repository.js';
import { Open311ClientRepository } from '../../adapters/dynamodb/open311-client-repository.js';
import { PanelRepository } from '../../adapters/dynamodb/panel-repository.js';
import { ThrottleRepository } from '../../adapters/dynamodb/throttle-repository.js';
import { UnitMetricsRepository } from '../../adapters/dynamodb/unit-metrics-repository.js';
import { TaskTokenRepository } from '../../adapters/dynamodb/task-token-repository.js';
import { DynamoTicketFinder, type FinderTables } from '../../adapters/dynamodb/ticket-finder.js';
import { jiebaSegmenter } from '../../adapters/search/jieba-segmenter.js';
import { StepFunctionsExecutions } from '../../adapters/stepfunctions/executions.js';
import { DynamoTicketRepository, type TicketTables } from '../../adapters/dynamodb/ticket-repository.js';
import { createChinaWorkingCalendar } from '../../domain/calendar/china-working-calendar.js';
import { CityDirectory } from '../../domain/city-directory.js';
import type { Segmenter } from '../../domain/ports/segmenter.js';
import type { DecisionContext } from '../../domain/tickets/decision-context.js';
import { lifecycleState } from '../../domain/tickets/lifecycle-state.js';
import type { Actor } from '../../schemas/actor.js';
import { defaultSlaPolicy } from '../../schemas/sla-policy.js';
import type { Ticket } from '../../schemas/ticket.js';
import { panelWait, ticketWait } from '../../schemas/workflows/task-token.js';

// Nothing here reads a table's name when the module loads: each name is read from the environment when a call first
// needs it. A function is given (and allowed) only the tables of its manifest entry, so a handler must not resolve a
// name it never uses; get-ticket, say, reads tickets and their history but has no IdempotencyKeys.
const ticketTables: TicketTables = {
  get tickets() {
    return tableName('Tickets');
  },
  get events() {
    return tableName('TicketEvents');
  },
  get idempotency() {
    return tableName('IdempotencyKeys');
  },
  get search() {
    return tableName('SearchTokens');
  },
};

// Counting tickets (the board) reads the Tickets indexes only, never the postings, so neither name is read before it is used.
const finderTables: FinderTables = {
  get tickets() {
    return tableName('Tickets');
  },
  get search() {
    return tableName('SearchTokens');
  },
};

/** A repository built on its first use, so a handler that never calls it needs nothing of it. */
function onFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  return new Proxy({} as T, {
    get(_target, key) {
      built ??= build();
      const value: unknown = Reflect.get(built, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(built) : value;
    },
  });
}

export const tickets = new DynamoTicketRepository(documents, ticketTables, now);
export const directory = onFirstUse(() => new DirectoryRepository(documents, tableName('Directory')));
export const taskTokens = onFirstUse(() => new TaskTokenRepository(documents, tableName('TaskTokens')));
export const deliveries = onFirstUse(() => new DeliveryRepository(documents, tableName('Deliveries')));
export const throttles = onFirstUse(() => new ThrottleRepository(documents, tableName('Throttles')));
export const unitMetrics = onFirstUse(() => new UnitMetricsRepository(documents, tableName('UnitMetrics')));
export const ledger = onFirstUse(() => new LedgerRepository(documents, tableName('Ledger')));
export const open311Clients = onFirstUse(() => new Open311ClientRepository(documents, tableName('Directory')));
export const panels = onFirstUse(() => new PanelRepository(documents, tableName('PanelSeats')));
export const executions = new StepFunctionsExecutions(stepFunctions);
export const ticketFinder = new DynamoTicketFinder(documents, finderTables);
export const boardCounts = onFirstUse(() => new BoardCountsRepository(documents, tableName('BoardCounts')));
export const boardSource = new DynamoBoardSource(boardCounts, ticketFinder, deliveries);

let segmenterLoaded: Promise<Segmenter> | undefined;
/** Jieba and its dictionaries, loaded on first use (about half a second): only intake and text search need them. */
export function segmenter(): Promise<Segmenter> {
  segmenterLoaded ??= jiebaSegmenter();
  return segmenterLoaded;
}

const policy = defaultSlaPolicy;
const calendar = createChinaWorkingCalendar({ workingPeriods: policy.workingPeriods });
let city: Promise<CityDirectory> | undefined;

/** The rules, the city and the clock, as a decision needs them. The city is read once per container. */
export async function decisionContext(actor: Actor): Promise<DecisionContext> {
  city ??= Promise.all([directory.units(), directory.categories()]).then(([u, c]) => new CityDirectory(u, c));
  return { now: now(), actor, policy, calendar, city: await city };
}

/** Wakes the ticket's lifecycle with the phase it moves to (its current wait, or the one `token` names); a lifecycle that already moved on needs no wake-up. */
export async function wakeLifecycle(ticket: Ticket, token?: string): Promise<void> {
  token ??= await taskTokens.get(ticketWait(ticket.id));
  if (!token) return;
  try {
    await stepFunctions.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(lifecycleState(ticket, now())) }));
  } catch (error) {
    if (error instanceof TaskDoesNotExist || error instanceof InvalidToken || error instanceof TaskTimedOut) return;
    throw error;
  }
}

/**
 * The Tickets stream's second chance for a wake-up: an action saves, then wakes the lifecycle, and a crash between the
 * two would leave it asleep until its next deadline. A wait decided on a version older than the ticket is woken here.
 */
export async function wakeIfBehind(ticketId: string, version: number): Promise<void> {
  const wait = await taskTokens.wait(ticketWait(ticketId));
  if (wait?.seenVersion === undefined || wait.seenVersion >= version) return;
  // The ticket as it is now, not as the record shows it: the lifecycle decides on the latest.
  const ticket = await tickets.get(ticketId);
  if (ticket) await wakeLifecycle(ticket, wait.token);
}

/** Wakes a member's vote wait in the joint-review machine; a wait already over (or not yet kept) needs no wake-up. */
export async function wakeVoteWait(panelId: string, memberId: string, token?: string): Promise<void> {
  token ??= await taskTokens.get(panelWait(panelId, memberId));
  if (!token) return;
  try {
    await stepFunctions.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ voted: true }) }));
  } catch (error) {
    if (error instanceof TaskDoesNotExist || error instanceof InvalidToken || error instanceof TaskTimedOut) return;
    throw error;
  }
}
