// The OpenAPI document, generated from the zod schemas and the manifest's routes: never written by hand.
import { z } from 'zod';
import type { RouteSpec } from '../infra/manifest-types.js';
import { Board } from './board.js';
import { Category } from './catalogue.js';
import { Callback, CreateTicket, IdempotencyKey, LifecycleAction, TicketAction } from './commands.js';
import { IntakeAnswer } from './intake.js';
import { ListPanelsQuery } from './panel-query.js';
import { CastVote, Panel, Vote } from './panel.js';
import { TicketEvent } from './ticket-events.js';
import { ListTicketsQuery } from './ticket-query.js';
import { Ticket } from './ticket.js';
import { TicketWorkflow } from './ticket-workflow.js';
import { ListEntriesQuery } from './zeroing-query.js';
import { LedgerEntry, ZeroingCampaign } from './zeroing.js';
import { SubscriptionsUpdate, SubscriptionsView, Unit } from './unit.js';

const ErrorBody = z.object({ error: z.string(), rule: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const TicketWithTimeline = Ticket.extend({
  timeline: z.array(TicketEvent),
  notifications: z.array(z.record(z.string(), z.unknown())),
  actions: z.array(LifecycleAction).describe('what you may do to the ticket now: an action type of POST …/actions, or callback for POST …/callback'),
});

/** What a route takes and gives: `query` declares its query parameters, `errors` says what its 4xx answers mean there. */
interface Contract {
  summary: string;
  request?: z.ZodType;
  query?: z.ZodObject;
  /** Headers it reads besides the token, each optional. */
  headers?: Record<string, z.ZodType>;
  errors?: Partial<Record<'400' | '403' | '404' | '409' | '422' | '429', string>>;
  response: z.ZodType;
  /** The answer carries an ETag; a request sending it back in If-None-Match gets a bodiless 304 while nothing changed. */
  revalidated?: string;
}

// What each route takes and gives, by function name.
const contracts: Record<string, Contract> = {
  'list-units': { summary: 'Every unit of the city', response: z.object({ units: z.array(Unit) }) },
  'list-catalogue': { summary: 'The service catalogue', response: z.object({ categories: z.array(Category) }) },
  'create-ticket': {
    summary: 'Intake: create and route a ticket; the answer says where it went and what to tell the caller (Idempotency-Key header makes a retry return the first ticket)',
    request: CreateTicket,
    headers: { 'Idempotency-Key': IdempotencyKey },
    response: Ticket.extend({ intake: IntakeAnswer }),
  },
  'get-ticket': {
    summary:
      "A ticket with its deadlines, level, unit, timeline, notification attempts and the actions you may take on it now. Operators, the supervision office and administrators see every attempt with its target and error; a clerk or coordinator sees only its own unit's attempts, without target and with the error as its kind (refused, timeout, network, http-4xx, http-5xx, failed)",
    errors: { '403': 'The ticket was never with your unit, nor did a whistle call your unit in (ticket.not-your-unit)', '404': 'No such ticket' },
    response: TicketWithTimeline,
  },
  'read-workflow': {
    summary:
      "The ticket's lifecycle state machine as a graph (top-level states; edges from Next, each Choice rule, Default and Catch) with the path its execution took, the state it is in, and the joint reviews it ran with their own paths; NOT_STARTED with an empty path before the execution starts. The same people may read it as the ticket",
    errors: { '403': 'The ticket was never with your unit, nor did a whistle call your unit in (ticket.not-your-unit)', '404': 'No such ticket' },
    response: TicketWorkflow,
  },
  'list-tickets': {
    summary: 'Tickets by any combination of filters, a named queue or words of their text, a page at a time; with no filter, your own queue (a unit) or the open tickets (city-wide roles)',
    query: ListTicketsQuery,
    errors: {
      '400': 'A parameter is malformed or unknown, or the cursor came from another query; `issues` names the parameter',
      '403': "Outside your scope: a clerk lists only its unit, a coordinator its district or its unit's queue, only operators, supervisors and administrators search by phone, a panelist lists nothing; `rule` names the rule",
    },
    response: z.object({ items: z.array(Ticket), cursor: z.string().optional().describe('present when more follow: send it back with the same parameters') }),
  },
  'ticket-action': {
    summary:
      'Act on a ticket (actions) or record the citizen callback (callback); a retry with the same Idempotency-Key within 24 hours applies nothing again and answers with what the first request applied (header idempotent-replayed: true)',
    request: z.union([TicketAction, Callback]),
    headers: { 'Idempotency-Key': IdempotencyKey },
    response: Ticket,
  },
  'list-undelivered': {
    summary: 'Notifications given up on after about 24 hours, or at once when the target was refused (supervision office and administrators)',
    errors: { '403': 'Anyone else (notifications.supervision-only)' },
    response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
  },
  'read-panels': {
    summary:
      "Joint-review panels: a member's own (member=me, open first) or, for the supervision office, every panel by state and month; one panel with its case (never the caller's details), members and deadline, the number of votes cast while it votes, and after it closes every vote with its rationale and the decision",
    query: ListPanelsQuery,
    errors: { '403': 'Not a member of this panel, and not the supervision office', '404': 'No such panel' },
    response: z.object({ items: z.array(Panel.omit({ votes: true, skipped: true })) }),
  },
  'cast-vote': {
    summary: 'A seated member votes once, with a rationale: assign-unit (with unitId), order-handling, beyond-policy or unreasonable',
    request: CastVote,
    errors: {
      '400': 'Unknown choice, empty rationale, assign-unit without unitId; `issues` names the field',
      '403': 'You do not sit on this panel (vote.not-a-member)',
      '409': 'You already voted (vote.already-cast), the panel closed (vote.panel-closed) or its deadline passed (vote.deadline-passed)',
      '422': 'The unit named is not a street, district or department (vote.unknown-unit), or an order names no unit where the case has none (vote.unit-required)',
    },
    response: Vote.extend({ panelId: z.string() }),
  },
  'read-zeroing': {
    summary:
      "Dynamic zeroing (动态清零): the campaigns (supervision office), one month's progress or, once closed, its report (per unit and district, the red list, panel findings), and its ledger entries by unit, district and state, paged; `Accept: text/csv` gives the whole filtered ledger as UTF-8 CSV with a byte-order mark. A unit reads only its own entries",
    query: ListEntriesQuery,
    errors: {
      '400': 'The month is not YYYY-MM, or a parameter is malformed or unknown',
      '403': 'Campaigns and the whole ledger are the supervision office’s; a clerk reads its unit’s entries, a coordinator its district’s',
      '404': 'No campaign for that month',
    },
    response: z.object({ items: z.array(z.union([LedgerEntry, ZeroingCampaign])), cursor: z.string().optional() }),
  },
  'citizen-progress': {
    summary: "我的诉求, without signing in: a request's status, handling unit and reply, for its number and the last four digits of the caller's phone (query `phone`); nothing about the caller",
    errors: {
      '400': '`phone` is not four digits',
      '404': 'No request with that number and those digits (the same answer whichever was wrong)',
      '429': 'Five wrong tries for a request (or thirty tries from an address) within the hour: every try is refused until it is over',
    },
    response: z.object({ ticketId: z.string(), status: z.string(), statusName: z.object({ zh: z.string(), en: z.string() }), unit: z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }).optional(), reply: z.string().optional(), updatedAt: z.string(), updatedAtBeijing: z.string() }),
  },
  'read-board': {
    summary:
      "The supervision board (督办大屏): open tickets by level and district (every district named, zeros included), those in hand past or within 24 hours of their completion deadline, tickets created, escalated for a missed deadline and closed on each of the last 14 Beijing days, and the office's pending queues; operators, the supervision office and administrators see the city, a district coordinator its own district. Read from stream-kept aggregates and counts, never from the open tickets",
    errors: { '403': 'A clerk or a panel member reads no board (board.role); a coordinator whose token names no district neither (board.no-district)' },
    response: Board,
    revalidated: 'a hash of every figure (asOf aside): poll with If-None-Match and get a 304 while no number changed',
  },
  'unit-subscriptions': {
    summary:
      "A unit's (or a panel member's) notification subscriptions (administrators); a PUT replaces the whole set, and one that leaves no email and no webhook must say `clearAll: true`; a webhook secret is write-only and answered as secretSet. A webhook URL must be https, without user name or password, and not name a private, loopback, link-local (cloud metadata), carrier-grade NAT or otherwise non-public address; a host name is resolved and its every address checked again at each delivery",
    errors: { '400': 'A field is malformed, or a webhook URL points where webhooks may not go (issues name webhooks[i].url)', '403': 'Not an administrator (subscriptions.admin-only)', '404': 'No such unit or panel member' },
    request: SubscriptionsUpdate,
    response: SubscriptionsView,
  },
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** One OpenAPI query parameter per property of a query schema, with its JSON Schema and description. */
function queryParameters(query: z.ZodObject) {
  const json = schema(query) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

/** OpenAPI 3.1 for the routes. */
export function openApiDocument(routes: readonly RouteSpec[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const contract = contracts[route.function];
    const params = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(contract?.query && route.method === 'GET' ? queryParameters(contract.query) : []),
      ...Object.entries(contract?.headers ?? {}).map(([name, header]) => ({ name, in: 'header', required: false, schema: schema(header) })),
      ...(contract?.revalidated ? [{ name: 'If-None-Match', in: 'header', required: false, description: 'the ETag of the answer the client holds', schema: { type: 'string' } }] : []),
    ];
    const tagged = contract?.revalidated && {
      ETag: { description: contract.revalidated, schema: { type: 'string' } },
      'Cache-Control': { description: '`no-cache`: ask again every time, sending the ETag', schema: { type: 'string' } },
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      summary: contract?.summary ?? route.function,
      operationId: `${route.function}-${route.method.toLowerCase()}`,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(contract?.request && route.method !== 'GET' ? { requestBody: { required: true, content: { 'application/json': { schema: schema(contract.request) } } } } : {}),
      responses: {
        '200': { description: 'OK', ...(tagged ? { headers: tagged } : {}), content: { 'application/json': { schema: contract ? schema(contract.response) : {} } } },
        ...(tagged ? { '304': { description: 'Not modified: the answer whose ETag was sent still holds', headers: tagged } } : {}),
        '400': { description: contract?.errors?.['400'] ?? 'A field is malformed or refers to nothing; the message names it', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '401': { description: 'No valid token' },
        '403': { description: contract?.errors?.['403'] ?? 'Not yours to do', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '404': { description: contract?.errors?.['404'] ?? 'No such thing', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '409': { description: contract?.errors?.['409'] ?? "Not allowed in the ticket's state, or someone else changed it first", content: { 'application/json': { schema: schema(ErrorBody) } } },
        '422': { description: contract?.errors?.['422'] ?? 'A business rule forbids it', content: { 'application/json': { schema: schema(ErrorBody) } } },
        ...(contract?.request && route.method !== 'GET'
          ? { '415': { description: 'The body was not sent as JSON (Content-Type: application/json)', content: { 'application/json': { schema: schema(ErrorBody) } } } }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Casework — 12345 hotline workflow API', version: '1' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
