// The ticket lifecycle on the local runtime and its virtual clock, told as the stories people live through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { manifest } from '../../infra/manifest.js';
import { noiseComplaint as complaint, lifecyclePath, phasesOf } from './support/stories.js';


describe('a ticket’s life', () => {
  let runtime: Runtime;
  // Signed in afresh each time: a token lasts 12 hours of the clock, and these stories skip weeks.
  const as = (user: string) => login(runtime, user);
  const ticket = async (id: string) => (await call(runtime, 'GET', `/v1/tickets/${id}`, undefined, await as('supervisor-1'))).body ?? {};
  const act = async (user: string, id: string, body: unknown) => call(runtime, 'POST', `/v1/tickets/${id}/actions`, body, await as(user));
  const intake = async (body: unknown = complaint, idempotencyKey?: string, language?: string, operator = 'operator-1') => {
    const res = await fetch(`${runtime.api.url}/v1/tickets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await as(operator)}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(language ? { 'accept-language': language } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // Monday 23 November 2026, 10:00 in Shanghai.
  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
  }, 60_000);
  afterAll(() => runtime?.stop());

  it('is dispatched straight to the street, accepted, resolved and closed after a satisfied callback', async () => {
    const created = await intake();
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    // The operator can tell the caller at once where the ticket went and by when it is answered.
    expect(created.body).toMatchObject({ status: 'dispatched', unitId: 's-haibin-dongmen', intake: { unit: { id: 's-haibin-dongmen', name: { zh: '东门街道' } } } });
    expect((created.body.intake as { tellCaller: { zh: string } }).tellCaller.zh).toMatch(/已直接转交东门街道办理，2026-11-24 10:00前签收，2026-12-14 10:00前办结/);
    await runtime.idle();
    expect(await ticket(id)).toMatchObject({ status: 'dispatched', unitId: 's-haibin-dongmen', level: 1 });

    expect((await act('clerk-haibin-dongmen', id, { type: 'accept' })).status).toBe(200);
    expect((await act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已上门协调，施工队承诺夜间停工。' })).status).toBe(200);
    const callback = await call(runtime, 'POST', `/v1/tickets/${id}/callback`, { resolved: true, satisfied: true }, await as('operator-1'));
    expect(callback.status).toBe(200);
    await runtime.idle();

    const closed = await ticket(id);
    expect(closed).toMatchObject({ status: 'closed', outcome: { resolution: 'resolved', satisfaction: 'satisfied' } });
    expect((closed.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'ticket.created',
      'ticket.dispatched',
      'ticket.accepted',
      'ticket.resolved',
      'ticket.callback-recorded',
      'ticket.closed',
    ]);
    const execution = await runtime.engine.describeExecution({ executionArn: `arn:aws:states:us-east-1:123456789012:execution:casework-ticket-lifecycle:${id}` });
    expect(execution.status).toBe('SUCCEEDED');
    // Its execution history reads as its path; each state entered is one billed state transition.
    const path = await lifecyclePath(runtime, id);
    expect(path).toEqual([
      'Dispatch to the unit',
      'Where is the ticket?',
      'At the unit',
      'Where is the ticket?',
      'At the unit',
      'Where is the ticket?',
      'Awaiting callback',
      'Where is the ticket?',
      'Closed',
    ]);
    expect(path.length).toBeLessThanOrEqual(15);
  });

  it('warns the street at half and three quarters of its time, escalates to the district, then to the city', async () => {
    const id = String((await intake()).body.id);
    await runtime.idle();
    await act('clerk-haibin-dongmen', id, { type: 'accept' });
    const due = String((await ticket(id)).deadlines && ((await ticket(id)).deadlines as { complete: string }).complete);

    await runtime.advanceTo(new Date(Date.parse(due) + 60_000));
    const atDistrict = await ticket(id);
    expect(atDistrict).toMatchObject({ level: 2, unitId: 'd-haibin', status: 'dispatched' });
    const timeline = atDistrict.timeline as { type: string; fraction?: number; at: string }[];
    expect(timeline.filter((e) => e.type === 'ticket.warning').map((e) => e.fraction)).toEqual([0.5, 0.75]);
    // The missed deadline also puts the ticket on the month's zeroing ledger, against the street.
    expect(timeline.slice(-2)).toMatchObject([
      { type: 'ticket.escalated', reason: 'deadline-missed', at: due },
      { type: 'zeroing.assigned', reason: 'overdue', unitId: 's-haibin-dongmen', month: '2026-12' },
    ]);

    await act('coordinator-haibin', id, { type: 'accept' });
    const districtDue = ((await ticket(id)).deadlines as { complete: string }).complete;
    await runtime.advanceTo(new Date(Date.parse(districtDue) + 60_000));
    expect(await ticket(id)).toMatchObject({ level: 3, unitId: 'supervision' });
    // The console (and the ticket page) show the ladder it climbed.
    expect(phasesOf(await lifecyclePath(runtime, id))).toEqual([
      'Dispatch to the unit',
      'At the unit',
      'Warned',
      'Escalated to the district',
      'Escalated to the city',
    ]);
  });

  it('answers an emergency with the line to transfer to, and an urgency below the category’s with its rule', async () => {
    const fire = await intake({ ...complaint, category: 'EMG-002', title: '楼道起火', urgency: 'danger' });
    const lowered = await intake({ ...complaint, category: 'EMG-002', title: '楼道起火', urgency: 'normal' });

    expect(fire.status).toBe(201);
    expect(fire.body).toMatchObject({ status: 'closed', intake: { transferTo: '119', tellCaller: { zh: '情况紧急，请立即拨打119 火警电话，我现在为您转接。' } } });
    expect(lowered.status).toBe(422);
    expect(lowered.body).toMatchObject({ rule: 'intake.urgency-below-category' });
  });

  it('returns the first ticket when intake retries with the same Idempotency-Key', async () => {
    const first = await intake(complaint, 'call-20261123-0815');
    const retry = await intake(complaint, 'call-20261123-0815');

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  it("keeps each caller's Idempotency-Key its own, for 24 hours, and refuses a key out of form naming the header (issue 15)", async () => {
    const mine = await intake(complaint, 'call-shared-key');
    // Another operator's equal key is another call: it must not answer with the first operator's ticket (or its caller).
    const theirs = await intake({ ...complaint, title: '另一通来电' }, 'call-shared-key', undefined, 'operator-2');
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);

    // Past its 24 hours the key is free again, whether or not DynamoDB's TTL has deleted it yet.
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 24 * 3600_000 + 1000));
    const later = await intake({ ...complaint, title: '次日同号来电' }, 'call-shared-key');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(mine.body.id);

    const bad = await intake(complaint, 'x'.repeat(129));
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'idempotency-key', message: '应为 1–128 个可打印 ASCII 字符' }]);
  });

  it('names the field and the reason for bad intake, in Chinese or in English on request, and writes nothing', async () => {
    const inbox = async () => ((await call(runtime, 'GET', '/v1/tickets?unitId=s-haibin-dongmen', undefined, await as('clerk-haibin-dongmen'))).body?.items as unknown[]).length;
    const before = await inbox();
    const wrong = { ...complaint, category: 'XYZ-999', location: { ...complaint.location, streetId: 'xx' } };

    const zh = await intake(wrong);
    const en = await intake(wrong, undefined, 'en-US,en;q=0.9');

    expect(zh.status).toBe(400);
    expect(zh.body.message).toBe('category: 没有诉求类别“XYZ-999”；location.streetId: 没有街道“xx”');
    expect(zh.body.issues).toEqual([
      { path: 'category', message: '没有诉求类别“XYZ-999”' },
      { path: 'location.streetId', message: '没有街道“xx”' },
    ]);
    expect(en.body.message).toBe('category: unknown category "XYZ-999"; location.streetId: unknown street "xx"');
    await runtime.idle();
    expect(await inbox()).toBe(before);
  });

  it('words a broken rule in Chinese with Beijing time, and in English on request, under one stable rule id', async () => {
    const id = String((await intake()).body.id);
    await runtime.idle();
    const clerk = await as('clerk-haibin-dongmen');
    const tooLong = { type: 'request-extension', days: 30, reason: '需协调' };
    await call(runtime, 'POST', `/v1/tickets/${id}/actions`, { type: 'accept' }, clerk);

    const zh = await call(runtime, 'POST', `/v1/tickets/${id}/actions`, tooLong, clerk);
    const en = await fetch(`${runtime.api.url}/v1/tickets/${id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}`, 'accept-language': 'en' },
      body: JSON.stringify(tooLong),
    });

    expect(zh).toMatchObject({ status: 422, body: { rule: 'extension.too-long', message: 'days：每次延期最多 10 个工作日' } });
    expect(await en.json()).toMatchObject({ rule: 'extension.too-long', message: 'days: an extension adds at most 10 working days' });
    const callback = await call(runtime, 'POST', `/v1/tickets/${id}/callback`, { resolved: true, satisfied: true }, await as('operator-1'));
    expect(callback.body).toMatchObject({ rule: 'callback.status', message: '工单状态为“办理中”，不能记录回访；仅在“已办结待回访”时可以' });
  });

  it('lists a street’s tickets only to that street; unasked, a street gets its queue and the supervision office the open tickets', async () => {
    const first = String((await intake()).body.id);
    const second = String((await intake({ ...complaint, category: 'CMTY-001' })).body.id);
    await runtime.idle();
    type Listed = { id: string; unitId: string; deadlines: { complete: string } };
    const list = async (user: string, query = '') => {
      const res = await call(runtime, 'GET', `/v1/tickets${query}`, undefined, await as(user));
      return { status: res.status, body: res.body, items: (res.body?.items ?? []) as Listed[] };
    };

    const dispatched = await list('clerk-haibin-dongmen', '?unitId=s-haibin-dongmen&status=dispatched');
    expect(dispatched.items.map((t) => t.id)).toEqual(expect.arrayContaining([first, second]));
    const elsewhere = await list('clerk-haibin-dongmen', '?unitId=s-haibin-xiwan');
    expect(elsewhere).toMatchObject({ status: 403, body: { rule: 'tickets.own-unit-only' } });

    const queue = await list('clerk-haibin-dongmen');
    expect(queue.items.map((t) => t.id)).toEqual(expect.arrayContaining([first, second]));
    expect(new Set(queue.items.map((t) => t.unitId))).toEqual(new Set(['s-haibin-dongmen']));
    const open = await list('supervisor-1');
    expect(open.items.map((t) => t.id)).toEqual(expect.arrayContaining([first, second]));
    const deadlines = open.items.map((t) => t.deadlines.complete);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('puts a ticket on the overdue board once the city’s own deadline passes, and nothing still in time', async () => {
    const late = String((await intake()).body.id);
    await runtime.idle();
    // Street, then district, then the city let their deadlines pass; nothing is above the city.
    for (let level = 1; level <= 3; level++) {
      const due = ((await ticket(late)).deadlines as { complete: string }).complete;
      await runtime.advanceTo(new Date(Date.parse(due) + 60_000));
    }
    const inTime = String((await intake()).body.id);
    await runtime.idle();

    const board = await call(runtime, 'GET', '/v1/tickets?overdue=true', undefined, await as('supervisor-1'));

    expect(board.status).toBe(200);
    const items = board.body?.items as { id: string; level: number; unitId: string; deadlines: { complete: string } }[];
    expect(items.find((t) => t.id === late)).toMatchObject({ level: 3, unitId: 'supervision' });
    expect(items.map((t) => t.id)).not.toContain(inTime);
    for (const t of items) expect(Date.parse(t.deadlines.complete)).toBeLessThan(runtime.clock.now().getTime());
  });

  it('describes every route in /openapi.json, generated from the schemas', async () => {
    const doc = (await call(runtime, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };

    // Every route of the manifest, each with its method, and no path the manifest does not serve.
    const served = manifest.routes.map((r) => `${r.method} ${r.path}`).sort();
    const described = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(described).toEqual(served);
    // The intake body is the CreateTicket schema itself: its required fields and the citizen's phone rule.
    const intake = doc.paths['/v1/tickets']?.post?.requestBody as { content: { 'application/json': { schema: { required: string[]; properties: Record<string, { properties?: Record<string, { pattern?: string }> }> } } } };
    const body = intake.content['application/json'].schema;
    expect(body.required.sort()).toEqual(['category', 'channel', 'citizen', 'description', 'location', 'title']);
    expect(body.properties.citizen?.properties?.phone?.pattern).toBe('^\\+?[0-9][0-9 -]{4,19}$');
  });

  it('refuses a department acting on a street’s ticket', async () => {
    const id = String((await intake()).body.id);
    await runtime.idle();

    const refused = await act('clerk-water', id, { type: 'accept' });

    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ rule: 'ticket.not-your-unit' });
  });
});
