// Open311 GeoReport v2 on the local runtime: every endpoint and error checked against the spec's field lists, in JSON
// and XML, and a request's round trip: submitted by a 311 app, resolved by the street, read back closed with its reply.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { DEMO_OPEN311_KEY } from '../../local/seed/demo-open311-client.js';
import { hotline } from '../workflows/support/stories.js';
import { datatypes, expectSpecFields, serviceTypes, w3cDatetime } from './support/georeport-v2.js';
import { call, login, testRuntime } from './support/runtime.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
}, 60_000);
afterAll(() => runtime?.stop());

const KEY = DEMO_OPEN311_KEY;
// Inside 东门街道's band of the demo city (海滨区, 121.0–121.1° E; its first street, 30.00–30.04° N).
const DONGMEN = { lat: '30.02', long: '121.05' };

interface Answer {
  status: number;
  body: unknown;
  text: string;
  type: string;
}

/** A request as a 311 client sends it: arguments in the query, a POST's as a form (or JSON), `Accept-Language` as given. */
async function open311(method: 'GET' | 'POST', path: string, args: Record<string, string> = {}, options: { json?: boolean; language?: string; query?: Record<string, string> } = {}): Promise<Answer> {
  const inQuery = method === 'GET' ? args : (options.query ?? {});
  const qs = Object.keys(inQuery).length > 0 ? `?${new URLSearchParams(inQuery).toString()}` : '';
  const headers: Record<string, string> = options.language ? { 'accept-language': options.language } : {};
  let body: string | undefined;
  if (method === 'POST') {
    headers['content-type'] = options.json ? 'application/json' : 'application/x-www-form-urlencoded';
    body = options.json ? JSON.stringify(args) : new URLSearchParams(args).toString();
  }
  const res = await fetch(`${runtime.api.url}/open311/v2/${path}${qs}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('xml') ? new XMLParser({ parseTagValue: false, ignoreDeclaration: true }).parse(text) : text ? JSON.parse(text) : undefined;
  await runtime.idle();
  return { status: res.status, body: parsed, text, type };
}

const submit = (args: Record<string, string>, options: { json?: boolean; language?: string } = {}) =>
  open311('POST', 'requests.json', { api_key: KEY, service_code: 'NBR-001', description: '每晚十一点后楼上装修噪音很大。', phone: '13800000002', ...DONGMEN, ...args }, options);

/** The spec's error array with one error of `code` whose description names `field`. */
function expectError(answer: Answer, code: number, field: string): void {
  expect(answer.status, answer.text).toBe(code);
  const errors = answer.body as { code: number; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  for (const error of errors) expectSpecFields(error, 'error');
  expect(errors).toContainEqual({ code, description: expect.stringContaining(field) });
}

describe('Open311 discovery and services', () => {
  it('describes the endpoint: the v2 specification, its URL and both formats', async () => {
    const answer = await open311('GET', 'discovery.json');
    expect(answer.status).toBe(200);
    expectSpecFields(answer.body, 'discovery');
    const { endpoints, changeset } = answer.body as { endpoints: Record<string, unknown>[]; changeset: string };
    expect(changeset).toMatch(w3cDatetime);
    for (const endpoint of endpoints) expectSpecFields(endpoint, 'endpoint');
    expect(endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${runtime.api.url}/open311/v2`, type: 'production', formats: ['text/xml', 'application/json'] });

    const xml = await open311('GET', 'discovery.xml');
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?><discovery>')).toBe(true);
    expect(xml.body).toMatchObject({ discovery: { endpoints: { endpoint: { formats: { format: ['text/xml', 'application/json'] } } } } });
    // format= chooses too, over the extension.
    expect((await open311('GET', 'discovery.json', { format: 'xml' })).body).toEqual(xml.body);
    expect((await open311('GET', 'discovery.xml', { format: 'json' })).body).toEqual(answer.body);
  });

  it('lists the catalogue a 311 app may submit, in Chinese or English, without emergencies or out-of-scope matters', async () => {
    const answer = await open311('GET', 'services.json');
    expect(answer.status).toBe(200);
    const services = answer.body as Record<string, unknown>[];
    for (const service of services) {
      expectSpecFields(service, 'service');
      expect(serviceTypes).toContain(service.type);
      expect(service.metadata).toBe(true);
    }
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain('NBR-001');
    expect(codes).toContain('WAT-001');
    expect(codes.filter((c) => String(c).startsWith('EMG-') || String(c).startsWith('OOS-'))).toEqual([]);
    expect(services.find((s) => s.service_code === 'WAT-001')).toMatchObject({ service_name: '停水', group: '市水务局', type: 'realtime' });
    expect(services.find((s) => s.service_code === 'NBR-001')).toMatchObject({ service_name: '邻里噪音扰民', group: '街道（乡镇）' });

    const english = (await open311('GET', 'services.json', {}, { language: 'en' })).body as Record<string, unknown>[];
    expect(english.find((s) => s.service_code === 'WAT-001')).toMatchObject({ service_name: 'Water supply outage', group: 'Municipal Water Affairs Bureau' });

    const xml = await open311('GET', 'services.xml');
    const listed = (xml.body as { services: { service: Record<string, unknown>[] } }).services.service;
    expect(listed).toHaveLength(services.length);
    expect(listed[0]).toEqual(Object.fromEntries(Object.entries(services[0] ?? {}).map(([k, v]) => [k, String(v)])));
  });

  it("defines a service's attributes: a title, and an urgency no lower than the category's", async () => {
    const answer = await open311('GET', 'services/GAS-001.json');
    expect(answer.status).toBe(200);
    expectSpecFields(answer.body, 'definition');
    const { service_code, attributes } = answer.body as { service_code: string; attributes: Record<string, unknown>[] };
    expect(service_code).toBe('GAS-001');
    for (const attribute of attributes) {
      expectSpecFields(attribute, 'attribute');
      expect(datatypes).toContain(attribute.datatype);
      for (const value of (attribute.values as unknown[] | undefined) ?? []) expectSpecFields(value, 'value');
    }
    expect(attributes.map((a) => a.code)).toEqual(['title', 'urgency']);
    // A gas outage is already "utility": it can be raised to danger, never lowered to normal.
    expect((attributes[1]?.values as { key: string }[]).map((v) => v.key)).toEqual(['utility', 'danger']);

    const xml = await open311('GET', 'services/GAS-001.xml');
    expect(xml.body).toMatchObject({ service_definition: { service_code: 'GAS-001', attributes: { attribute: [{ code: 'title' }, { code: 'urgency', values: { value: [{ key: 'utility' }, { key: 'danger' }] } }] } } });
  });

  it('answers a service that is not offered with a 404 error array, in XML when XML was asked for', async () => {
    expectError(await open311('GET', 'services/EMG-002.json'), 404, 'EMG-002');
    expectError(await open311('GET', 'services/NOPE-999.json'), 404, 'NOPE-999');
    const xml = await open311('GET', 'services/NOPE-999.xml');
    expect(xml.status).toBe(404);
    expect(xml.body).toEqual({ errors: { error: { code: '404', description: expect.stringContaining('NOPE-999') } } });
    expectError(await open311('GET', 'services.json', { page: '2' }), 400, 'page');
  });
});

describe('Open311 requests', () => {
  it('round trip: a 311 app submits, the street resolves, the app reads the request closed with the reply', async () => {
    const created = await submit({ first_name: '芳', last_name: '王', email: 'wang@example.com', account_id: 'app-user-7', 'attribute[title]': '楼上装修噪音' });
    expect(created.status, created.text).toBe(200);
    const [first] = created.body as Record<string, string>[];
    expectSpecFields(first, 'created');
    expect(first).toMatchObject({ account_id: 'app-user-7', service_notice: expect.stringContaining('东门街道') });
    const id = String(first?.service_request_id);

    // Casework's own view: an Open311 ticket routed to the street its coordinates fall in, the caller kept.
    const ticket = await hotline(runtime).ticket(id);
    expect(ticket).toMatchObject({ channel: 'open311', client: 'demo', unitId: 's-haibin-dongmen', title: '楼上装修噪音', citizen: { name: '王芳', phone: '13800000002' }, location: { coordinates: { lat: 30.02, lng: 121.05 } } });

    const open = await open311('GET', `requests/${id}.json`, { api_key: KEY });
    expect(open.status).toBe(200);
    const [request] = open.body as Record<string, unknown>[];
    expectSpecFields(request, 'request');
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'NBR-001', service_name: '邻里噪音扰民', agency_responsible: '东门街道', lat: 30.02, long: 121.05 });
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(request?.[field]).toMatch(/\+08:00$/);
    expect(request?.status_notes).toContain('待签收');
    expect(JSON.stringify(request)).not.toContain('13800000002');

    await hotline(runtime).timeIs('2026-11-23T03:00:00Z');
    const clerk = await login(runtime, 'clerk-haibin-dongmen');
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk)).status).toBe(200);
    expect((await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'resolve', reply: '已约谈施工方，夜间停止施工' }, clerk)).status).toBe(200);
    await runtime.idle();

    const closed = ((await open311('GET', `requests/${id}.json`, { api_key: KEY })).body as Record<string, unknown>[])[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: '东门街道已办结答复：已约谈施工方，夜间停止施工' });
    expect(closed).not.toHaveProperty('expected_datetime');
    expect(Date.parse(String(closed?.updated_datetime))).toBeGreaterThan(Date.parse(String(request?.updated_datetime)));
    const english = ((await open311('GET', `requests/${id}.xml`, { api_key: KEY }, { language: 'en' })).body as { service_requests: { request: Record<string, string> } }).service_requests.request;
    expect(english).toMatchObject({ service_request_id: id, status: 'closed', status_notes: 'Dongmen Subdistrict replied: 已约谈施工方，夜间停止施工' });

    // Submitted as XML, answered as the spec's <service_requests><request>.
    const asXml = await open311('POST', 'requests.xml', { api_key: KEY, service_code: 'NBR-003', description: '小区里有流浪狗', phone: '13800000002', ...DONGMEN });
    const createdXml = (asXml.body as { service_requests: { request: Record<string, string> } }).service_requests.request;
    expectSpecFields(createdXml, 'created');
    expect(createdXml.service_request_id).toMatch(/^T\d{8}-/);

    // The token of a request Casework numbered at once is its id.
    const token = await open311('GET', `tokens/${id}.json`, { api_key: KEY });
    expect(token.body).toEqual([{ service_request_id: id, token: id }]);
    expectSpecFields((token.body as unknown[])[0], 'token');
  });

  it('routes a request given only by address to the street it names, and takes JSON bodies and attributes', async () => {
    const created = await submit({ lat: '', long: '', address_string: '海滨区西湾路8号', 'attribute[urgency]': 'danger' }, {});
    // lat/long sent empty are not coordinates.
    expectError(created, 400, 'lat');

    const byAddress = await open311('POST', 'requests.json', { api_key: KEY, service_code: 'PWR-001', description: '整栋楼停电两小时', phone: '13800000003', address_string: '海滨区西湾路8号' }, { json: true });
    expect(byAddress.status, byAddress.text).toBe(200);
    const ticket = await hotline(runtime).ticket(String((byAddress.body as Record<string, string>[])[0]?.service_request_id));
    // A power outage goes to the power company; the street is where it is.
    expect(ticket).toMatchObject({ unitId: 'dept-power-supply', urgency: 'utility', citizen: { name: '匿名' }, location: { streetId: 's-haibin-xiwan', districtId: 'd-haibin', address: '海滨区西湾路8号' } });
    expect(ticket.title).toBe('整栋楼停电两小时');
  });

  it('lists a client its own requests by window, status and service code, newest first, and never another client’s', async () => {
    const city = hotline(runtime);
    await city.timeIs('2026-11-23T04:00:00Z');
    const mine = String(((await submit({ service_code: 'SAN-002', description: '垃圾三天没有清运' })).body as Record<string, string>[])[0]?.service_request_id);
    const byPhone = await city.open();
    const all = (await open311('GET', 'requests.json', { api_key: KEY })).body as Record<string, unknown>[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const request of all) expectSpecFields(request, 'request');
    expect(all[0]?.service_request_id).toBe(mine);
    expect(all.map((r) => r.service_request_id)).not.toContain(byPhone);
    const times = all.map((r) => Date.parse(String(r.requested_datetime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const sanitation = (await open311('GET', 'requests.json', { api_key: KEY, service_code: 'SAN-002,WAT-001' })).body as Record<string, unknown>[];
    expect(sanitation.map((r) => r.service_request_id)).toEqual([mine]);
    const closed = (await open311('GET', 'requests.json', { api_key: KEY, status: 'closed' })).body as Record<string, unknown>[];
    expect(closed.length).toBeGreaterThanOrEqual(1);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const earlier = (await open311('GET', 'requests.json', { api_key: KEY, start_date: '2026-08-01T00:00:00+08:00', end_date: '2026-10-01T00:00:00+08:00' })).body;
    expect(earlier).toEqual([]);
    const byIds = (await open311('GET', 'requests.json', { api_key: KEY, service_request_id: `${mine},${byPhone}`, status: 'closed' })).body as Record<string, unknown>[];
    expect(byIds.map((r) => r.service_request_id)).toEqual([mine]);

    expectError(await open311('GET', `requests/${byPhone}.json`, { api_key: KEY }), 404, byPhone);
    expectError(await open311('GET', `tokens/${byPhone}.json`, { api_key: KEY }), 404, byPhone);
    const xml = await open311('GET', 'requests.xml', { api_key: KEY, service_code: 'SAN-002' });
    expect(xml.body).toMatchObject({ service_requests: { request: { service_request_id: mine, status: 'open' } } });
  });

  it('refuses what the spec calls errors with its error array: the key, the arguments, the window, the place', async () => {
    expectError(await open311('GET', 'requests.json'), 403, 'api_key');
    expectError(await open311('GET', 'requests.json', { api_key: 'wrong' }), 403, 'api_key');
    expectError(await submit({ api_key: 'wrong' }), 403, 'api_key');
    expectError(await submit({ service_code: 'EMG-002' }), 400, 'service_code');
    expectError(await submit({ phone: '' }), 400, 'phone');
    expectError(await submit({ lat: '95', long: '121.05' }), 400, 'lat');
    expectError(await submit({ lat: '31.5', long: '121.05' }), 400, 'lat');
    expectError(await submit({ lat: '', long: '', address_string: '幸福路1号' }), 400, 'lat');
    expectError(await open311('POST', 'requests.json', { api_key: KEY, service_code: 'NBR-001', description: 'x', phone: '13800000002', address_string: '幸福路1号' }), 400, 'address_string');
    expectError(await submit({ 'attribute[colour]': 'red' }), 400, 'attribute[colour]');
    expectError(await submit({ 'attribute[urgency]': 'whenever' }), 400, 'attribute[urgency]');
    expectError(await submit({ nickname: 'x' }), 400, 'nickname');
    // Intake's own rule: a gas outage is never "normal".
    expectError(await submit({ service_code: 'GAS-001', 'attribute[urgency]': 'normal' }), 422, 'urgency');
    expectError(await open311('GET', 'requests.json', { api_key: KEY, start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }), 400, 'end_date');
    expectError(await open311('GET', 'requests.json', { api_key: KEY, status: 'pending' }), 400, 'status');
    expectError(await open311('GET', 'requests/T20991231-000000.json', { api_key: KEY }), 404, 'T20991231-000000');
    // English on request; and in XML, the spec's <errors><error>.
    const english = await submit({ phone: 'none' }, { language: 'en' });
    expect((english.body as { description: string }[])[0]?.description).toBe('phone: must be a phone number');
    const xml = await open311('POST', 'requests.xml', { api_key: 'wrong', service_code: 'NBR-001', description: '噪音', phone: '13800000002', ...DONGMEN });
    expect(xml.body).toEqual({ errors: { error: { code: '403', description: expect.stringContaining('api_key') } } });
    // A body neither form nor JSON.
    const res = await fetch(`${runtime.api.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: number }[])[0]?.code).toBe(415);
  });

  it('stores nothing for a refused request', async () => {
    const before = ((await open311('GET', 'requests.json', { api_key: KEY })).body as unknown[]).length;
    await submit({ 'attribute[urgency]': 'whenever' });
    await submit({ lat: '31.5', long: '121.05' });
    expect(((await open311('GET', 'requests.json', { api_key: KEY })).body as unknown[]).length).toBe(before);
  });
});

describe('Open311 clients and keys', () => {
  it('lets the administrator issue a key, shown once, and revoke it; the key works between the two', async () => {
    const admin = await login(runtime, 'admin');
    const issued = await call(runtime, 'POST', '/v1/open311/clients', { id: 'wechat-app', name: '海桥市民微信小程序' }, admin);
    expect(issued.status).toBe(201);
    const key = String(issued.body?.apiKey);
    expect(key).toMatch(/^cw311_[A-Za-z0-9_-]{43}$/);
    const listed = await call(runtime, 'GET', '/v1/open311/clients', undefined, admin);
    expect(listed.body?.items).toContainEqual({ id: 'wechat-app', name: '海桥市民微信小程序', createdAt: expect.stringMatching(w3cDatetime), createdBy: 'admin' });
    expect(listed.text).not.toContain(key);

    const created = await submit({ api_key: key });
    expect(created.status).toBe(200);
    const id = String((created.body as Record<string, string>[])[0]?.service_request_id);
    expect((await open311('GET', `requests/${id}.json`, { api_key: key })).status).toBe(200);
    // The demo client did not submit it, so for the demo key it is not there.
    expect((await open311('GET', `requests/${id}.json`, { api_key: KEY })).status).toBe(404);

    expect((await call(runtime, 'POST', '/v1/open311/clients', { id: 'wechat-app', name: '又一个' }, admin)).status).toBe(409);
    expect((await call(runtime, 'DELETE', '/v1/open311/clients/wechat-app', undefined, admin)).status).toBe(204);
    expectError(await open311('GET', `requests/${id}.json`, { api_key: key }), 403, 'api_key');
    expect((await call(runtime, 'DELETE', '/v1/open311/clients/wechat-app', undefined, admin)).status).toBe(404);
    // A new key under the same id: the client reads what it submitted before.
    const reissued = await call(runtime, 'POST', '/v1/open311/clients', { id: 'wechat-app', name: '海桥市民微信小程序' }, admin);
    expect(reissued.body?.apiKey).not.toBe(key);
    expect((await open311('GET', `requests/${id}.json`, { api_key: String(reissued.body?.apiKey) })).status).toBe(200);
  });

  it('lets nobody but the administrator see or issue keys', async () => {
    const supervisor = await login(runtime, 'supervisor-1');
    const refused = await call(runtime, 'POST', '/v1/open311/clients', { id: 'sneaky', name: 'x' }, supervisor);
    expect(refused.status).toBe(403);
    expect((await call(runtime, 'GET', '/v1/open311/clients', undefined, supervisor)).status).toBe(403);
    const invalid = await call(runtime, 'POST', '/v1/open311/clients', { id: 'x'.repeat(41), name: '' }, await login(runtime, 'admin'));
    expect(invalid.status).toBe(400);
    expect((invalid.body?.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['id', 'name']);
  });
});
