// Who may do what (issue 15): every route of the manifest, tried by every role, on what is theirs and what is not.
// A refusal is 401 or 403; anything else means the route let the person through (a 409 about the ticket's state, a 404
// for a month with no campaign yet, still let them through). Each row is the access model of docs/security.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { call, login } from './support/runtime.js';
import { cityOfThisFile } from '../workflows/support/stories.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-23T02:00:00Z');

// The people: for each role one who owns the thing tried and, where ownership means something, one who does not.
const people = {
  operator: 'operator-1',
  clerkOwn: 'clerk-haibin-dongmen',
  clerkOther: 'clerk-water',
  coordinatorOwn: 'coordinator-haibin',
  coordinatorOther: 'coordinator-qiaodong',
  supervisor: 'supervisor-1',
  panelistOwn: '',
  panelistOther: '',
  admin: 'admin',
} as const;
type Person = keyof typeof people;
const everyone = Object.keys(people) as Person[];
const cityWide: Person[] = ['operator', 'supervisor', 'admin'];

interface Row {
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  /** Who gets through; everyone else is refused. */
  allowed: readonly Person[];
}

let ticketId = '';
let panelId = '';
let seated: string[] = [];
const tokens = new Map<Person, string>();

const rows: Row[] = [
  { route: 'GET /v1/units', method: 'GET', path: () => '/v1/units', allowed: everyone },
  { route: 'GET /v1/catalogue', method: 'GET', path: () => '/v1/catalogue', allowed: everyone },
  { route: 'POST /v1/tickets', method: 'POST', path: () => '/v1/tickets', body: () => ({ channel: 'phone' }), allowed: cityWide },
  { route: 'GET /v1/tickets', method: 'GET', path: () => '/v1/tickets', allowed: ['operator', 'clerkOwn', 'clerkOther', 'coordinatorOwn', 'coordinatorOther', 'supervisor', 'admin'] },
  { route: 'GET /v1/tickets/{id}', method: 'GET', path: () => `/v1/tickets/${ticketId}`, allowed: [...cityWide, 'clerkOwn', 'coordinatorOwn'] },
  { route: 'GET /v1/tickets/{id}/workflow', method: 'GET', path: () => `/v1/tickets/${ticketId}/workflow`, allowed: [...cityWide, 'clerkOwn', 'coordinatorOwn'] },
  // The ticket is not accepted yet: those who may read it are told so (409), but the operator, whom no resolve is ever
  // for (403); everyone else learns nothing of the ticket (403 before its state is looked at).
  { route: 'POST /v1/tickets/{id}/actions', method: 'POST', path: () => `/v1/tickets/${ticketId}/actions`, body: () => ({ type: 'resolve', reply: '已处理' }), allowed: ['supervisor', 'admin', 'clerkOwn', 'coordinatorOwn'] },
  { route: 'POST /v1/tickets/{id}/callback', method: 'POST', path: () => `/v1/tickets/${ticketId}/callback`, body: () => ({ resolved: true, satisfied: true }), allowed: cityWide },
  { route: 'GET /v1/units/{id}/subscriptions', method: 'GET', path: () => '/v1/units/s-haibin-dongmen/subscriptions', allowed: ['admin'] },
  { route: 'PUT /v1/units/{id}/subscriptions', method: 'PUT', path: () => '/v1/units/s-haibin-dongmen/subscriptions', body: () => ({ emails: ['dongmen@haiqiao.example'] }), allowed: ['admin'] },
  { route: 'GET /v1/panel-members/{id}/subscriptions', method: 'GET', path: () => `/v1/panel-members/${seated[0]}/subscriptions`, allowed: ['admin'] },
  { route: 'PUT /v1/panel-members/{id}/subscriptions', method: 'PUT', path: () => `/v1/panel-members/${seated[0]}/subscriptions`, body: () => ({ emails: ['member@haiqiao.example'] }), allowed: ['admin'] },
  { route: 'GET /v1/notifications/undelivered', method: 'GET', path: () => '/v1/notifications/undelivered', allowed: ['supervisor', 'admin'] },
  { route: 'GET /v1/panels', method: 'GET', path: () => '/v1/panels', allowed: ['supervisor', 'admin', 'panelistOwn', 'panelistOther'] },
  { route: 'GET /v1/panels/{id}', method: 'GET', path: () => `/v1/panels/${panelId}`, allowed: ['supervisor', 'admin', 'panelistOwn'] },
  { route: 'POST /v1/panels/{id}/votes', method: 'POST', path: () => `/v1/panels/${panelId}/votes`, body: () => ({ choice: 'unreasonable', rationale: '诉求超出合理范围' }), allowed: ['panelistOwn'] },
  { route: 'GET /v1/metrics/units', method: 'GET', path: () => '/v1/metrics/units', allowed: ['supervisor', 'admin', 'clerkOwn', 'clerkOther', 'coordinatorOwn', 'coordinatorOther'] },
  { route: 'GET /v1/zeroing/campaigns', method: 'GET', path: () => '/v1/zeroing/campaigns', allowed: ['supervisor', 'admin'] },
  { route: 'GET /v1/zeroing/campaigns/{month}', method: 'GET', path: () => '/v1/zeroing/campaigns/2026-11', allowed: ['supervisor', 'admin'] },
  { route: 'GET /v1/zeroing/campaigns/{month}/entries', method: 'GET', path: () => '/v1/zeroing/campaigns/2026-11/entries', allowed: ['supervisor', 'admin', 'clerkOwn', 'clerkOther', 'coordinatorOwn', 'coordinatorOther'] },
  { route: 'GET /v1/board', method: 'GET', path: () => '/v1/board', allowed: ['operator', 'supervisor', 'admin', 'coordinatorOwn', 'coordinatorOther'] },
  { route: 'GET /v1/open311/clients', method: 'GET', path: () => '/v1/open311/clients', allowed: ['admin'] },
  { route: 'POST /v1/open311/clients', method: 'POST', path: () => '/v1/open311/clients', body: () => ({ id: 'matrix-app', name: '矩阵测试' }), allowed: ['admin'] },
  { route: 'DELETE /v1/open311/clients/{id}', method: 'DELETE', path: () => '/v1/open311/clients/no-such-app', allowed: ['admin'] },
  // Open311 requests are a client's, by its API key: a signed-in person without one gets nowhere, whatever the role.
  ...(['json', 'xml'] as const).flatMap((ext): Row[] => [
    { route: `GET /open311/v2/requests.${ext}`, method: 'GET', path: () => `/open311/v2/requests.${ext}`, allowed: [] },
    { route: `POST /open311/v2/requests.${ext}`, method: 'POST', path: () => `/open311/v2/requests.${ext}`, body: () => ({ service_code: 'NBR-001', description: '夜间噪音', phone: '13800000001', lat: '30.02', long: '121.05' }), allowed: [] },
  ]),
  { route: 'GET /open311/v2/requests/{id}', method: 'GET', path: () => `/open311/v2/requests/${ticketId}.json`, allowed: [] },
  { route: 'GET /open311/v2/tokens/{token}', method: 'GET', path: () => `/open311/v2/tokens/${ticketId}.json`, allowed: [] },
];

// Routes every caller may use without signing in: they refuse by what is asked, not by who asks.
const publicRoutes = new Set([
  'GET /openapi.json',
  'GET /v1/progress/{id}',
  ...['json', 'xml'].flatMap((ext) => [`GET /open311/v2/discovery.${ext}`, `GET /open311/v2/services.${ext}`]),
  'GET /open311/v2/services/{code}',
]);

beforeAll(async () => {
  ticketId = await world.city.open();
  // A second Dongmen ticket the street marks difficult and the office refers to a panel.
  const disputed = await world.city.open();
  await world.city.act('clerk-haibin-dongmen', disputed, { type: 'accept' });
  await world.city.act('clerk-haibin-dongmen', disputed, { type: 'mark-difficult', reason: '涉及违建认定，街道与城管意见不一' });
  await world.city.act('supervisor-1', disputed, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '责任单位存在争议', involvedUnitIds: [] });
  const convened = (await world.city.ticket(disputed)).timeline.find((e) => e.type === 'ticket.panel-convened') as unknown as { panelId: string; memberIds: string[] };
  panelId = convened.panelId;
  seated = convened.memberIds;
  const unseated = Array.from({ length: 12 }, (_, i) => `member-${i + 1}`).find((m) => !seated.includes(m))!;
  const users: Record<Person, string> = { ...people, panelistOwn: seated[0]!.replace('member-', 'panelist-'), panelistOther: unseated.replace('member-', 'panelist-') };
  for (const person of everyone) tokens.set(person, await login(world.runtime, users[person]));
}, 60_000);

describe('the access matrix', () => {
  it('covers every route of the manifest', () => {
    const covered = new Set([...rows.map((r) => r.route), ...publicRoutes]);
    expect(manifest.routes.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(rows.map((r) => [r.route, r] as const))('%s: only its people get through', async (_route, row) => {
    const outcome: Record<string, string> = {};
    for (const person of everyone) {
      const res = await call(world.runtime, row.method, row.path(), row.body?.(), tokens.get(person));
      outcome[person] = [401, 403].includes(res.status) ? 'refused' : `through (${res.status})`;
      expect(res.status, `${person}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
    const expected = Object.fromEntries(everyone.map((p) => [p, row.allowed.includes(p) ? 'through' : 'refused']));
    expect(Object.fromEntries(Object.entries(outcome).map(([p, o]) => [p, o.startsWith('through') ? 'through' : 'refused']))).toEqual(expected);
  });

  it('without a token, every route but the public ones answers 401, and an Open311 one without a key 403', async () => {
    for (const row of rows) {
      const keyed = row.route.includes(' /open311/');
      expect((await call(world.runtime, row.method, row.path(), row.body?.())).status, row.route).toBe(keyed ? 403 : 401);
    }
  });
});

afterAll(() => undefined);
