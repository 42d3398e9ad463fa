// Every route of the manifest fuzzed from its schemas on one runtime: thousands of requests, never a 5xx, every refusal
// a JSON 4xx naming what was wrong, and nothing written for a request refused (issue 15).
import { createHash } from 'node:crypto';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import type { RouteSpec } from '../../infra/manifest-types.js';
import { manifest } from '../../infra/manifest.js';
import { localDynamoDbClient } from '../../local/dynamodb/dynamodb-local.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { demoCity } from '../../local/seed/demo-city.js';
import { Callback, CreateTicket, TicketAction } from '../../schemas/commands.js';
import { Id, Month } from '../../schemas/common.js';
import { LeagueTableQuery } from '../../schemas/metrics-query.js';
import { CastVote } from '../../schemas/panel.js';
import { ListPanelsQuery } from '../../schemas/panel-query.js';
import { ProgressQuery } from '../../schemas/progress-query.js';
import { ListTicketsQuery } from '../../schemas/ticket-query.js';
import { Subscriptions } from '../../schemas/unit.js';
import { ListEntriesQuery } from '../../schemas/zeroing-query.js';
import { CreateOpen311Client, ListRequestsQuery, Open311Query, PostRequestArgs } from '../../schemas/open311.js';
import { DEMO_OPEN311_KEY } from '../../local/seed/demo-open311-client.js';
import { type DeriveOptions, hostileCharacters, invalidValue, jsonNotObject, jsonSchemaOf, namesField, notJson, type Path, validValue, withUnknownFields } from '../support/arbitraries.js';
import { hotline } from '../workflows/support/stories.js';
import { login, testRuntime } from './support/runtime.js';

// ---------------------------------------------------------------------------------------------------------------------
// What each route reads, and who may call it.

const units = demoCity.units.map((u) => u.id);
const members = demoCity.panelMembers.map((m) => m.id);
const streets = demoCity.units.filter((u) => u.type === 'street');
const known: Record<string, readonly unknown[]> = {
  category: demoCity.categories.map((c) => c.code).slice(0, 12),
  location: streets.slice(0, 6).map((s) => ({ districtId: s.districtId, streetId: s.id, address: '东门路12号3单元' })),
  unitId: units,
  suggestedUnitId: units,
  districtId: demoCity.units.filter((u) => u.type === 'district').map((u) => u.id),
  'departmentIds[]': demoCity.units.filter((u) => u.type === 'department').map((u) => u.id),
  'involvedUnitIds[]': units,
  member: ['me', ...members],
  'emails[]': ['dongmen@haiqiao.example'],
};

interface Plan {
  /** The schema of the body, or of the query string. */
  body?: z.ZodType;
  query?: z.ZodType;
  options?: DeriveOptions;
  /** Demo users who may call it (one is picked per request); none: a route that needs no sign-in. */
  users: string[];
  /** Ids a path parameter takes that exist, filled in once the world is set up. */
  ids?: () => string[];
  /** An Open311 route: a form body is one it reads, and it answers errors as the spec's array of {code, description}. */
  open311?: true;
}

// Open311: the demo key on every well-formed request, so they get past it to the city; a key is not text a person reads.
const open311Options: DeriveOptions = {
  notText: ['api_key'],
  only: { api_key: [DEMO_OPEN311_KEY] },
  known: { ...known, service_code: ['NBR-001', 'WAT-001', 'PWR-001'], lat: ['30.02', '30.1'], long: ['121.05', '121.25'], address_string: ['海滨区东门路12号'] },
};
const open311Plans: Record<string, Plan> = Object.fromEntries(
  (['json', 'xml'] as const).flatMap((ext) => [
    [`GET /open311/v2/discovery.${ext}`, { query: Open311Query, options: open311Options, users: [], open311: true }],
    [`GET /open311/v2/services.${ext}`, { query: Open311Query, options: open311Options, users: [], open311: true }],
    [`GET /open311/v2/requests.${ext}`, { query: ListRequestsQuery, options: open311Options, users: [], open311: true, ids: () => world.tickets }],
    [`POST /open311/v2/requests.${ext}`, { body: PostRequestArgs, options: open311Options, users: [], open311: true }],
  ]),
);

// A webhook's secret is write-only and never shown: not text a person reads. A subscription that is kept is called
// when its unit is notified: at a port where nothing listens, never at a host the fuzzer made up.
const subscribing: DeriveOptions = { notText: ['webhooks[].secret'], only: { 'webhooks[].url': ['http://127.0.0.1:9/hook'] } };

/** Set up in `beforeAll`: tickets at a few stages, a panel voting. */
const world = { tickets: [] as string[], panel: '', seated: [] as string[], open311: [] as string[] };

const plans: Record<string, Plan> = {
  'GET /openapi.json': { users: [] },
  'GET /v1/progress/{id}': { query: ProgressQuery, users: [], ids: () => world.tickets },
  'GET /v1/units': { users: ['operator-1'] },
  'GET /v1/catalogue': { users: ['operator-1'] },
  'POST /v1/tickets': { body: CreateTicket, users: ['operator-1', 'supervisor-1'] },
  'GET /v1/tickets': { query: ListTicketsQuery, users: ['supervisor-1', 'operator-1', 'clerk-haibin-dongmen', 'coordinator-haibin', 'panelist-1'] },
  'GET /v1/tickets/{id}': { users: ['supervisor-1', 'clerk-haibin-dongmen'], ids: () => world.tickets },
  'GET /v1/tickets/{id}/workflow': { users: ['supervisor-1', 'clerk-haibin-dongmen'], ids: () => world.tickets },
  'POST /v1/tickets/{id}/actions': { body: TicketAction, users: ['clerk-haibin-dongmen', 'supervisor-1', 'coordinator-haibin', 'clerk-urban-management'], ids: () => world.tickets },
  'POST /v1/tickets/{id}/callback': { body: Callback, users: ['operator-1'], ids: () => world.tickets },
  'GET /v1/units/{id}/subscriptions': { users: ['admin'], ids: () => units },
  'PUT /v1/units/{id}/subscriptions': { body: Subscriptions, options: subscribing, users: ['admin'], ids: () => units },
  'GET /v1/panel-members/{id}/subscriptions': { users: ['admin'], ids: () => members },
  'PUT /v1/panel-members/{id}/subscriptions': { body: Subscriptions, options: subscribing, users: ['admin'], ids: () => members },
  'GET /v1/notifications/undelivered': { users: ['supervisor-1', 'clerk-haibin-dongmen'] },
  'GET /v1/panels': { query: ListPanelsQuery, users: ['supervisor-1', 'panelist-1'] },
  'GET /v1/panels/{id}': { users: ['supervisor-1', 'panelist-1'], ids: () => [world.panel] },
  'POST /v1/panels/{id}/votes': { body: CastVote, users: ['panelist-1', 'panelist-2', 'panelist-8', 'panelist-11'], ids: () => [world.panel] },
  'GET /v1/metrics/units': { query: LeagueTableQuery, users: ['supervisor-1', 'coordinator-haibin'] },
  'GET /v1/board': { users: ['supervisor-1', 'coordinator-haibin'] },
  'GET /v1/zeroing/campaigns': { users: ['supervisor-1'] },
  'GET /v1/zeroing/campaigns/{month}': { users: ['supervisor-1'], ids: () => ['2026-11', '2026-10'] },
  'GET /v1/zeroing/campaigns/{month}/entries': { query: ListEntriesQuery, users: ['supervisor-1', 'clerk-haibin-dongmen'], ids: () => ['2026-11', '2026-10'] },
  ...open311Plans,
  'GET /open311/v2/services/{code}': { query: Open311Query, options: open311Options, users: [], open311: true, ids: () => ['NBR-001.json', 'WAT-001.xml', 'EMG-002.json'] },
  'GET /open311/v2/requests/{id}': { query: Open311Query, options: open311Options, users: [], open311: true, ids: () => world.open311.map((id) => `${id}.json`) },
  'GET /open311/v2/tokens/{token}': { query: Open311Query, options: open311Options, users: [], open311: true, ids: () => world.open311.map((id) => `${id}.xml`) },
  'GET /v1/open311/clients': { users: ['admin', 'supervisor-1'] },
  'POST /v1/open311/clients': { body: CreateOpen311Client, users: ['admin'] },
  'DELETE /v1/open311/clients/{id}': { users: ['admin'], ids: () => ['no-such-client'] },
};

// Cases per route, with a seeded run each: refused requests weigh most where there is most to break.
const RUNS = { body: { refused: 300, free: 80 }, query: { refused: 150, free: 50 }, path: { refused: 40, free: 20 }, plain: { free: 25 } };
const SEED = 15;

// ---------------------------------------------------------------------------------------------------------------------
// Requests.

interface Request {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
  user?: string;
  /** For a request the API must refuse: what it must name, and with which status. */
  broken?: { field: Path | 'content-type' | 'path'; status: 400 | 415 };
}

const languages = fc.constantFrom<Record<string, string>>({}, { 'accept-language': 'en' }, { 'accept-language': 'zh-CN,zh;q=0.9' }, { 'accept-language': 'en;q=0.1, fr, *;q=0.5' });
const notJsonTypes = fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', '');

/** Path parameters the route must refuse: out of an id's (or a month's) form, too long, with what no id holds. */
const badParameter = (schema: z.ZodType) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
      fc.integer({ min: 65, max: 3000 }).map((n) => 'x'.repeat(n)),
      fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom(...hostileCharacters.filter((c) => !/[\ud800-\udfff]/.test(c)), ' ', '/', '?', '#', '%', '"', "'", '<', '\\', '\n')).map(([s, c]) => `${s}${c}${s}`),
      fc.constantFrom('2026-13', '2026-1', '20261', '-1', 'null', 'undefined', '__proto__', 'constructor', '…', '1 OR 1=1'),
    )
    .filter((s) => s !== '.' && s !== '..' && !schema.safeParse(s).success)
    .map((s) => encodeURIComponent(s));
// Percent-encoding that is not UTF-8: the gateway refuses it as API Gateway does.
const undecodable = fc.constantFrom('%E0%A4%A', '%ZZ', '%', '%C0%AF', '%FF');

function pathOf(route: RouteSpec, value: string): string {
  return route.path.replace(/\{\w+\}/, value);
}

const paramSchema = (route: RouteSpec) => (route.path.includes('{month}') ? Month : Id);

function goodParameter(route: RouteSpec, plan: Plan): fc.Arbitrary<string> {
  const ids = plan.ids?.() ?? [];
  const schema = paramSchema(route);
  const shaped = schema === Month ? fc.stringMatching(/^20\d{2}-(0[1-9]|1[0-2])$/) : fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
  return (ids.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: shaped }) : shaped).map(encodeURIComponent);
}

const queryString = (value: unknown) => {
  const entries = Object.entries(value as Record<string, string>);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
};

const jsonHeaders = { 'content-type': 'application/json' };

/** Requests the route must refuse, each with the field it must name. */
function refused(route: RouteSpec, plan: Plan): fc.Arbitrary<Request> | undefined {
  const hasParam = route.path.includes('{');
  const user = plan.users.length > 0 ? fc.constantFrom(...plan.users) : fc.constant(undefined);
  // What exists, so that the body or the query is all there is to refuse (a PUT to an unknown unit is a 404 first).
  const ids = plan.ids?.() ?? [];
  const good = hasParam ? fc.constantFrom(...ids).map(encodeURIComponent) : fc.constant('');
  const kinds: fc.Arbitrary<Request>[] = [];
  const options = { ...plan.options, known: { ...known, ...plan.options?.known } };
  if (plan.body) {
    const schema = jsonSchemaOf(plan.body);
    const valid = validValue(schema, options);
    kinds.push(
      fc.record({ m: invalidValue(schema, options), p: good, user, lang: languages }).map(({ m, p, user, lang }) => ({
        method: route.method,
        path: pathOf(route, p),
        body: JSON.stringify(m.value),
        headers: { ...jsonHeaders, ...lang },
        user,
        broken: { field: m.path, status: 400 },
      })),
      fc.record({ text: fc.oneof(notJson, jsonNotObject, fc.constant('')), p: good, user, lang: languages }).map(({ text, p, user, lang }) => ({
        method: route.method,
        path: pathOf(route, p),
        body: text,
        headers: { ...jsonHeaders, ...lang },
        user,
        broken: { field: [], status: 400 },
      })),
      fc.record({ v: valid, type: plan.open311 ? notJsonTypes.filter((t) => !t.startsWith('application/x-www-form-urlencoded')) : notJsonTypes, p: good, user, lang: languages }).map(({ v, type, p, user, lang }) => ({
        method: route.method,
        path: pathOf(route, p),
        body: JSON.stringify(v),
        // No content type at all: fetch would call a string text/plain, so the header is there, empty.
        headers: { 'content-type': type, ...lang },
        user,
        broken: { field: 'content-type', status: 415 },
      })),
    );
  }
  if (plan.query) {
    const schema = jsonSchemaOf(plan.query);
    const queryOptions = { ...options, query: true };
    kinds.push(
      fc.record({ m: invalidValue(schema, queryOptions), p: good, user, lang: languages }).map(({ m, p, user, lang }) => ({
        method: route.method,
        path: `${pathOf(route, p)}${queryString(m.value)}`,
        headers: lang,
        user,
        broken: { field: m.path, status: 400 },
      })),
    );
  }
  if (hasParam) {
    const fine = plan.body ? validValue(jsonSchemaOf(plan.body), options).map((v) => JSON.stringify(v)) : fc.constant(undefined);
    const query = plan.query ? validValue(jsonSchemaOf(plan.query), { ...options, query: true }).map(queryString) : fc.constant('');
    kinds.push(
      fc.record({ p: fc.oneof(badParameter(paramSchema(route)), undecodable), body: fine, q: query, user, lang: languages }).map(({ p, body, q, user, lang }) => ({
        method: route.method,
        path: `${pathOf(route, p)}${q}`,
        body,
        headers: { ...(body === undefined ? {} : jsonHeaders), ...lang },
        user,
        broken: { field: 'path', status: 400 },
      })),
    );
  }
  return kinds.length > 0 ? fc.oneof(...kinds) : undefined;
}

/** Requests the route may answer as it likes but with a 5xx: well-formed ones, with unknown fields, odd headers. */
function free(route: RouteSpec, plan: Plan): fc.Arbitrary<Request> {
  const user = plan.users.length > 0 ? fc.constantFrom(...plan.users) : fc.constant(undefined);
  const param = route.path.includes('{') ? goodParameter(route, plan) : fc.constant('');
  const options = { ...plan.options, known: { ...known, ...plan.options?.known } };
  const body = plan.body
    ? fc.oneof({ weight: 3, arbitrary: validValue(jsonSchemaOf(plan.body), options) }, { weight: 1, arbitrary: withUnknownFields(jsonSchemaOf(plan.body), options) }).map((v) => JSON.stringify(v))
    : fc.constant(undefined);
  const query = plan.query
    ? validValue(jsonSchemaOf(plan.query), { ...options, query: true }).map(queryString)
    : fc.dictionary(fc.constantFrom('limit', 'cursor', 'q', 'month', 'x', '__proto__'), fc.string({ maxLength: 12 }), { maxKeys: 2 }).map(queryString);
  const extra = fc.record(
    {
      // An Idempotency-Key of any length: it is a key of a table, whose keys DynamoDB holds to 2,048 bytes.
      'idempotency-key': fc.oneof(
        fc.uuid(),
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 60 }).map((s) => s.trim() || 'k'),
        fc.integer({ min: 150, max: 5000 }).map((n) => 'k'.repeat(n)),
      ),
      accept: fc.constantFrom('text/csv', 'application/json', '*/*'),
      'if-none-match': fc.constantFrom('*', '"x"', 'W/"y", "z"'),
    },
    { requiredKeys: [] },
  );
  return fc.record({ p: param, body, q: query, user, lang: languages, extra }).map(({ p, body, q, user, lang, extra }) => ({
    method: route.method,
    path: `${pathOf(route, p)}${q}`,
    body,
    headers: { ...(body === undefined ? {} : jsonHeaders), ...lang, ...extra },
    user,
  }));
}

// ---------------------------------------------------------------------------------------------------------------------
// The runtime, its tables, and what the answers must be.

let runtime: Runtime;
const tokens = new Map<string, string>();
const tally = new Map<string, { refused: number; free: number; statuses: Map<number, number> }>();

const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, trimValues: false });

async function send(request: Request) {
  const token = request.user ? tokens.get(request.user) : undefined;
  const res = await fetch(`${runtime.api.url}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: request.body,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  let body: unknown;
  try {
    body = type.includes('xml') ? xml.parse(text) : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, type, body: body as { error?: unknown; message?: unknown; issues?: { path: string }[] } | undefined, text };
}

/** An Open311 refusal's errors: the spec's array in JSON, `<errors><error>` in XML; undefined for anything else. */
function open311Errors(body: unknown): { code: unknown; description: unknown }[] | undefined {
  if (Array.isArray(body)) return body as { code: unknown; description: unknown }[];
  const listed = (body as { errors?: { error?: unknown } } | undefined)?.errors?.error;
  return listed === undefined ? undefined : ([listed].flat() as { code: unknown; description: unknown }[]);
}

/** The fields an Open311 refusal names: what each description says before its first `: ` (or `：`). */
const open311Named = (body: unknown) => (open311Errors(body) ?? []).map((e) => /^(.+?)(: |：)/s.exec(String(e.description))?.[1] ?? '');

const describeRequest = (r: Request) =>
  [r.user ?? '(no sign-in)', r.method, r.path.slice(0, 300), ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v.slice(0, 80)}`), (r.body ?? '').slice(0, 300)].join(' ');

/** The answer to any request: never a 5xx; a 4xx is JSON saying what was wrong, a 400 naming a field. */
function expectAnswered(request: Request, res: Awaited<ReturnType<typeof send>>, open311 = false) {
  const seen = `${describeRequest(request)}\n  -> ${res.status} ${res.text.slice(0, 400)}`;
  expect(res.status, seen).toBeLessThan(500);
  if (res.status < 400) return;
  // Open311's own refusals; a path the gateway cannot decode is the gateway's, before any Open311 code runs.
  if (open311 && !String(res.body?.message).startsWith('(path)')) {
    const errors = open311Errors(res.body);
    expect(errors, seen).toBeDefined();
    for (const error of errors ?? []) {
      expect(Number(error.code), seen).toBe(res.status);
      if (!/^en/.test(request.headers['accept-language'] ?? '')) expect(String(error.description), seen).toMatch(/[\u4e00-\u9fff]/);
    }
    if (res.status === 400) expect(open311Named(res.body)[0], seen).toBeTruthy();
    return;
  }
  expect(res.type, seen).toMatch(/json/);
  expect(res.body, seen).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  // Chinese unless English is asked for first; a path no decoder reads is refused by the gateway (API Gateway, in
  // the cloud), before any handler could know the language.
  const gateway = String(res.body?.message).startsWith('(path)');
  if (!gateway && !/^en/.test(request.headers['accept-language'] ?? '')) expect(String(res.body?.message), seen).toMatch(/[\u4e00-\u9fff]/);
  if (res.status === 400) {
    const named = res.body?.issues?.[0]?.path ?? /^([\w.[\]()-]+)[:：]/.exec(String(res.body?.message))?.[1];
    expect(named, seen).toBeTruthy();
  }
}

/** A refused request's answer: its status, and the field it broke named. */
function expectRefused(request: Request, res: Awaited<ReturnType<typeof send>>, open311 = false) {
  expectAnswered(request, res, open311);
  const seen = `${describeRequest(request)}\n  -> ${res.status} ${res.text.slice(0, 400)}`;
  const broken = request.broken!;
  expect(res.status, seen).toBe(broken.status);
  if (open311 && open311Errors(res.body)) {
    const named = open311Named(res.body);
    if (broken.field === 'content-type') expect(named, seen).toContain('content-type');
    else if (broken.field === 'path') expect(named, seen).toContainEqual(expect.stringMatching(/^(code|id|token)$/));
    else expect(namesField(named, broken.field), seen).toBe(true);
    return;
  }
  const message = String(res.body?.message);
  if (broken.field === 'content-type') expect(message, seen).toMatch(/^content-type[:：]/);
  // The handler names the parameter; the gateway, a path it cannot decode.
  else if (broken.field === 'path') expect(res.body?.issues?.map((i) => i.path) ?? [message.split(':')[0]], seen).toContainEqual(expect.stringMatching(/^(id|month|\(path\))$/));
  else expect(namesField(res.body?.issues?.map((i) => i.path) ?? [], broken.field), seen).toBe(true);
}

/**
 * Every item of every table, as a hash per table: equal snapshots, nothing written. An item past its TTL (by the
 * machine's clock, not the virtual one) is DynamoDB's to delete whenever it likes, so it is left out.
 */
async function snapshot(doc: DynamoDBDocumentClient): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const now = Date.now() / 1000;
  for (const table of manifest.tables) {
    const items: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: `${runtime.config.tablePrefix}-${table.name}`, ExclusiveStartKey: start }));
      const kept = (page.Items ?? []).filter((item) => !table.ttlAttribute || !(Number(item[table.ttlAttribute]) <= now));
      items.push(...kept.map((item) => JSON.stringify(item, Object.keys(item).sort())));
      start = page.LastEvaluatedKey;
    } while (start);
    out[table.name] = `${items.length} items, ${createHash('sha256').update(items.sort().join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  runtime = await testRuntime();
  doc = DynamoDBDocumentClient.from(localDynamoDbClient(inject('dynamodbEndpoint')));
  for (const user of new Set(Object.values(plans).flatMap((p) => p.users))) tokens.set(user, await login(runtime, user));
  // A ticket just dispatched, one accepted, and one its street marked difficult that the office referred to a panel.
  const city = hotline(runtime);
  const [fresh, accepted, referred] = [await city.open(), await city.open(), await city.open()];
  await city.act('clerk-haibin-dongmen', accepted, { type: 'accept' });
  await city.act('clerk-haibin-dongmen', referred, { type: 'accept' });
  await city.act('clerk-haibin-dongmen', referred, { type: 'mark-difficult', reason: '涉及违建认定，街道与城管意见不一' });
  await city.act('supervisor-1', referred, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '责任单位存在争议，提请联席会商', involvedUnitIds: ['dept-urban-management'] });
  const convened = (await city.ticket(referred)).timeline.find((e) => e.type === 'ticket.panel-convened') as unknown as { panelId: string; memberIds: string[] };
  // Two requests a 311 app submitted with the demo key.
  const submitted = [];
  for (const lat of ['30.02', '30.06']) {
    const res = await fetch(`${runtime.api.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: DEMO_OPEN311_KEY, service_code: 'NBR-001', description: '夜间噪音', phone: '13800000005', lat, long: '121.05' }).toString(),
    });
    submitted.push(String(((await res.json()) as { service_request_id: string }[])[0]?.service_request_id));
  }
  Object.assign(world, { tickets: [fresh, accepted, referred], panel: convened.panelId, seated: convened.memberIds, open311: submitted });
  for (const member of world.seated) {
    const user = member.replace('member-', 'panelist-');
    tokens.set(user, await login(runtime, user));
    plans['POST /v1/panels/{id}/votes']?.users.push(user);
  }
}, 120_000);

afterAll(async () => {
  const lines = [...tally].map(([route, t]) => `${route.padEnd(48)} ${String(t.refused).padStart(5)} refused ${String(t.free).padStart(5)} free   ${[...t.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  const total = [...tally.values()].reduce((n, t) => n + t.refused + t.free, 0);
  console.log(`fuzzed ${tally.size} routes, ${total} requests (seed ${SEED}):\n${lines.join('\n')}`);
  doc?.destroy();
  await runtime?.stop();
});

it('has a plan for every route of the manifest', () => {
  expect(manifest.routes.map((r) => `${r.method} ${r.path}`).filter((key) => !plans[key])).toEqual([]);
});

describe.each(manifest.routes.map((route, i) => [`${route.method} ${route.path}`, route, i] as const))('%s', (key, route, i) => {
  const plan = plans[key] as Plan;
  const kind = plan.body ? 'body' : plan.query ? 'query' : route.path.includes('{') ? 'path' : 'plain';
  const count = (status: number, which: 'refused' | 'free') => {
    const t = tally.get(key) ?? { refused: 0, free: 0, statuses: new Map<number, number>() };
    t[which] += 1;
    t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
    tally.set(key, t);
  };

  // A route that takes no input has nothing malformed to refuse: only its free requests run.
  if (kind !== 'plain') {
    it('refuses what is malformed with a 4xx naming the field, and writes nothing', async () => {
      const requests = refused(route, plan)!;
      await runtime.idle();
      const before = await snapshot(doc);
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const res = await send(request);
          count(res.status, 'refused');
          expectRefused(request, res, plan.open311);
        }),
        { seed: SEED + i, numRuns: RUNS[kind as 'body' | 'query' | 'path'].refused },
      );
      expect(await snapshot(doc)).toEqual(before);
    }, 120_000);
  }

  it('answers anything well-formed or odd without a 5xx, a refusal in JSON', async () => {
    await fc.assert(
      fc.asyncProperty(free(route, plan), async (request) => {
        const res = await send(request);
        count(res.status, 'free');
        expectAnswered(request, res, plan.open311);
      }),
      { seed: SEED + i, numRuns: RUNS[kind].free },
    );
  }, 120_000);
});
