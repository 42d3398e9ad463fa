// A function may use only the tables of its manifest entry: in AWS it is given no other table's name and its role
// allows nothing else (infra/stack/access.ts), so reaching further would fail there with AccessDenied. Here the system
// runs locally through one ticket's life, and what each handler really did is held against its manifest entry.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as TableNames from '../../adapters/dynamodb/table-names.js';
import { manifest } from '../../infra/manifest.js';
import type { TableAccess as Access } from '../../infra/manifest-types.js';
import { READ_ACTIONS, WRITE_ACTIONS } from '../../infra/stack/access.js';
import { FunctionRegistry } from '../../local/runtime/function-registry.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { hotline, noiseComplaint } from '../workflows/support/stories.js';
import { accesses, invoked, invoking, namesRead, noteCommand, type TableAccess } from './support/table-trace.js';

vi.mock('../../adapters/dynamodb/table-names.js', async (importOriginal) => {
  const original = await importOriginal<typeof TableNames>();
  const { noteNameRead } = await import('./support/table-trace.js');
  return {
    ...original,
    tableName: (logical: string, env?: NodeJS.ProcessEnv) => {
      noteNameRead(logical);
      return original.tableName(logical, env);
    },
  };
});

const prefix = `acc${Math.random().toString(36).slice(2, 8)}`;
let runtime: Runtime;

beforeAll(async () => {
  const invoke = FunctionRegistry.prototype.invoke;
  vi.spyOn(FunctionRegistry.prototype, 'invoke').mockImplementation(function (this: FunctionRegistry, name: string, event: unknown) {
    invoked.add(name);
    return invoking.run(name, () => invoke.call(this, name, event));
  });
  runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z', tablePrefix: prefix });
  // The handlers' client, imported once the runtime has pointed it at DynamoDB Local. The document client sends
  // through its middleware, so every table call of every handler passes here.
  const { dynamodb } = await import('../../adapters/clients.js');
  dynamodb.middlewareStack.add(
    (next, context) => (args) => {
      noteCommand(context.commandName ?? '', args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'initialize', name: 'tableTrace' },
  );

  const city = hotline(runtime);
  const admin = await login(runtime, 'admin');
  const clerk = await login(runtime, 'clerk-haibin-dongmen');

  // The street is told by email, and by a webhook that never answers, so a delivery is given up on.
  const subscriptions = { emails: ['dongmen@haiqiao.example'], webhooks: [{ url: 'http://127.0.0.1:9/casework', secret: 'whsec-dongmen-0123456789' }] };
  expect((await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', subscriptions, admin)).status).toBe(200);
  for (const path of ['/openapi.json', '/v1/units', '/v1/catalogue', '/v1/units/s-haibin-dongmen/subscriptions']) {
    expect((await call(runtime, 'GET', path, undefined, admin)).status, path).toBe(200);
  }

  const id = await city.open(noiseComplaint);
  expect((await city.act('clerk-haibin-dongmen', id, { type: 'accept' })).status).toBe(200);
  // The citizen follows the request without signing in.
  expect((await call(runtime, 'GET', `/v1/progress/${id}?phone=0001`)).status).toBe(200);
  // A 311 app: the administrator issues its key; it reads the services, submits a request and reads it back.
  const issued = await call(runtime, 'POST', '/v1/open311/clients', { id: 'access-app', name: '权限测试' }, admin);
  expect(issued.status).toBe(201);
  expect((await call(runtime, 'GET', '/v1/open311/clients', undefined, admin)).status).toBe(200);
  const key = String(issued.body?.apiKey);
  for (const path of ['discovery.json', 'services.json', 'services/NBR-001.json']) expect((await call(runtime, 'GET', `/open311/v2/${path}`)).status, path).toBe(200);
  const submitted = await call(runtime, 'POST', '/open311/v2/requests.json', { api_key: key, service_code: 'NBR-001', description: '夜间噪音', phone: '13800000009', lat: 30.02, long: 121.05 });
  expect(submitted.status, submitted.text).toBe(200);
  const requestId = String((submitted.body as unknown as { service_request_id: string }[])[0]?.service_request_id);
  for (const path of ['requests.json', `requests/${requestId}.json`, `tokens/${requestId}.json`]) expect((await call(runtime, 'GET', `/open311/v2/${path}?api_key=${key}`)).status, path).toBe(200);
  expect((await call(runtime, 'DELETE', '/v1/open311/clients/access-app', undefined, admin)).status).toBe(204);
  expect((await call(runtime, 'GET', '/v1/tickets?unitId=s-haibin-dongmen', undefined, clerk)).status).toBe(200);
  // Listings through the search tokens (loading the tickets they name), a queue and the history indexes.
  const operator = await login(runtime, 'operator-1');
  for (const query of [`q=${encodeURIComponent('噪音')}&districtId=d-haibin`, 'queue=pending-extensions', 'phone=13800000001&districtId=d-haibin', 'category=NBR-001&level=1']) {
    expect((await call(runtime, 'GET', `/v1/tickets?${query}`, undefined, operator)).status, query).toBe(200);
  }
  // A second ticket is whistled (the report-in queues), then marked difficult and referred to a panel: a member is
  // subscribed, votes and lists its panels, the supervision office reads the panel and the list.
  const second = await city.open(noiseComplaint);
  await city.act('clerk-haibin-dongmen', second, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' });
  expect((await call(runtime, 'GET', '/v1/tickets?queue=awaiting-report-in', undefined, operator)).status).toBe(200);
  await city.act('clerk-haibin-dongmen', second, { type: 'mark-difficult', reason: '历史遗留问题' });
  expect((await city.act('supervisor-1', second, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '提请联席会商' })).status).toBe(200);
  const panelId = `${second}-P1`;
  const convened = await call(runtime, 'GET', `/v1/panels/${panelId}`, undefined, await login(runtime, 'supervisor-1'));
  const member = String((convened.body?.seats as { memberId: string }[])[0]?.memberId);
  expect((await call(runtime, 'PUT', `/v1/panel-members/${member}/subscriptions`, { emails: [`${member}@haiqiao.example`] }, admin)).status).toBe(200);
  const panelist = await login(runtime, member.replace('member-', 'panelist-'));
  expect((await call(runtime, 'POST', `/v1/panels/${panelId}/votes`, { choice: 'unreasonable', rationale: '诉求不成立' }, panelist)).status).toBe(201);
  expect((await call(runtime, 'GET', '/v1/panels?member=me', undefined, panelist)).status).toBe(200);
  expect((await call(runtime, 'GET', '/v1/panels?status=open', undefined, await login(runtime, 'supervisor-1'))).status).toBe(200);
  await runtime.idle();
  // Past every deadline of the ticket: reminders, escalation, and the webhook given up on after a day.
  await city.timeIs('2026-12-08T10:00:00+08:00');
  const supervisor = await login(runtime, 'supervisor-1');
  expect((await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, supervisor)).status).toBe(200);
  expect((await call(runtime, 'GET', `/v1/tickets/${second}/workflow`, undefined, supervisor)).status).toBe(200);
  expect((await call(runtime, 'GET', '/v1/notifications/undelivered', undefined, supervisor)).status).toBe(200);
  // The clock passed 1 December: the monthly zeroing ran; its ledger is read as the supervision office reads it.
  for (const path of ['/v1/zeroing/campaigns', '/v1/zeroing/campaigns/2026-12', '/v1/zeroing/campaigns/2026-11/entries?status=open', '/v1/metrics/units?month=2026-11']) {
    expect((await call(runtime, 'GET', path, undefined, supervisor)).status, path).toBe(200);
  }
  // The board, city-wide and as a district reads it (its undelivered notifications counted by unit).
  expect((await call(runtime, 'GET', '/v1/board', undefined, supervisor)).status).toBe(200);
  expect((await call(runtime, 'GET', '/v1/board', undefined, await login(runtime, 'coordinator-haibin'))).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  vi.restoreAllMocks();
});

const grants: Record<Access, string[]> = {
  read: READ_ACTIONS,
  write: WRITE_ACTIONS,
  'read-write': [...READ_ACTIONS, ...WRITE_ACTIONS],
};

/** What of `used` the function's manifest entry does not allow, as the stack would grant it. */
function notAllowed(fn: string, used: TableAccess[]): string[] {
  const spec = manifest.functions.find((f) => f.name === fn)!;
  return used
    .map((a) => ({ ...a, table: a.table.replace(`${prefix}-`, '') }))
    .filter((a) => {
      const access = spec.tables?.[a.table];
      const indexes = manifest.tables.find((t) => t.name === a.table)?.indexes?.map((i) => i.name) ?? [];
      return !access || !grants[access].includes(`dynamodb:${a.action}`) || (a.index !== undefined && !indexes.includes(a.index));
    })
    .map((a) => `${a.action} ${a.table}${a.index ? `/index/${a.index}` : ''}`);
}

describe("each function stays within its manifest entry's tables", () => {
  it("the ticket's life ran every function of the manifest", () => {
    expect(manifest.functions.map((f) => f.name).filter((name) => !invoked.has(name))).toEqual([]);
    expect([...accesses.values()].flat().length).toBeGreaterThan(0);
  });

  it.each(manifest.functions.map((f) => [f.name] as const))('%s used only tables and actions its role allows', (fn) => {
    expect([...new Set(notAllowed(fn, accesses.get(fn) ?? []))]).toEqual([]);
  });

  // The runtime loads the shared repositories once for all functions, so this catches a name read when a module loads
  // or outside a repository; a table reached through a repository is held to the IAM check above.
  it.each(manifest.functions.map((f) => [f.name] as const))('%s read only the names of its own tables', (fn) => {
    const own = Object.keys(manifest.functions.find((f) => f.name === fn)!.tables ?? {});
    expect([...(namesRead.get(fn) ?? [])].filter((table) => !own.includes(table))).toEqual([]);
  });
});
