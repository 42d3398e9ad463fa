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
import { CreateOpen311Client, ListRequestsQuery, Open311Client, Open311Query, PostRequestArgs, Service, ServiceDefinition, ServiceRequest } from './open311.js';

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
  /** An Open311 route: a form or JSON body, JSON or XML answers, and errors as the spec's array of {code, description}. */
  open311?: true;
}

const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));

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
  'open311-services': {
    summary:
      'Open311 GeoReport v2 (docs/open311.md), no key: the discovery document, the services 311 apps may submit (every category but emergencies and out-of-scope matters), and a service\'s definition with its attributes (title, urgency). `.xml` or format=xml answers XML',
    query: Open311Query,
    errors: { '400': 'An unknown argument', '404': 'No such service, or one not offered to 311 apps (an emergency, an out-of-scope matter)' },
    response: z.union([z.array(Service), ServiceDefinition, z.record(z.string(), z.unknown())]),
    open311: true,
  },
  'open311-submit': {
    summary:
      'Open311: submit a request with an API key (api_key). It goes through intake as a call does and is routed at once: by the street whose boundary holds lat/long, or the street address_string names. Casework needs a phone (the hotline calls back) and a description; first_name/last_name become the caller, media_url is kept in the description, email, device_id and account_id are not kept (account_id is echoed). Answers [{service_request_id, service_notice}]',
    request: PostRequestArgs,
    headers: { 'Idempotency-Key': IdempotencyKey },
    errors: {
      '400': 'An argument is missing, malformed, unknown, or places the request in no street of the city; the description names it',
      '403': 'No api_key, or one unknown or revoked',
    },
    response: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().optional() })),
    open311: true,
  },
  'open311-requests': {
    summary:
      "Open311: a client's own requests read back with its api_key (a 12345 ticket names people and homes, so reading needs the key too): by ids, or by requested_datetime window (90 days at most, the last 90 unless given), status open/closed and service codes, newest first, up to 1,000; one request; a token (Casework's token is the request's id). resolved and closed read closed, every other status open; status_notes says where the ticket is or gives the reply",
    query: ListRequestsQuery,
    errors: { '400': 'An argument is malformed or unknown, or the window is over 90 days', '403': 'No api_key, or one unknown or revoked', '404': 'No such request among those this client submitted' },
    response: z.array(ServiceRequest),
    open311: true,
  },
  'open311-clients': {
    summary: 'Open311 clients and their API keys (administrators): list them, issue one (the key is answered once, as apiKey, and kept only as a hash), revoke one (its key stops working at once)',
    request: CreateOpen311Client,
    errors: { '400': 'The id or name is malformed', '403': 'Not an administrator (open311-clients.admin-only)', '404': 'No such client', '409': 'A client with that id exists' },
    response: z.union([z.object({ items: z.array(Open311Client) }), Open311Client.extend({ apiKey: z.string() })]),
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

/** The media types a body may come in: a form too for Open311, as its clients send. */
function bodyTypes(contract: Contract, body: unknown) {
  return contract.open311 ? { 'application/x-www-form-urlencoded': { schema: body }, 'application/json': { schema: body } } : { 'application/json': { schema: body } };
}

/** An Open311 route's answers: JSON, or XML for `.xml` paths and format=xml; every error the spec's array. */
function open311Responses(contract: Contract, route: RouteSpec) {
  const both = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) }, 'text/xml': { schema: schema(s) } });
  const errors = Object.fromEntries(Object.entries(contract.errors ?? {}).map(([status, description]) => [status, { description, content: both(Open311Errors) }]));
  return {
    '200': { description: 'OK', content: both(contract.response) },
    ...errors,
    ...(route.method === 'POST' ? { '415': { description: 'The body is neither a form nor JSON', content: both(Open311Errors) } } : {}),
  };
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
      ...(contract?.request && route.method !== 'GET' ? { requestBody: { required: true, content: bodyTypes(contract, schema(contract.request)) } } : {}),
      responses: contract?.open311 ? open311Responses(contract, route) : {
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
