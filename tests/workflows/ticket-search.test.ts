// Work queues and search on the local runtime: tickets across districts and categories, found by any combination of
// filters, a named queue, words of their text or the caller's number, a page at a time, each within the person's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import type { CreateTicket } from '../../schemas/commands.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { hotline, noiseComplaint } from './support/stories.js';

type Listed = { id: string; status: string; level: number; category: string; unitId?: string; location: { districtId: string } };

const at = (districtId: string, streetId: string, address: string) => ({ districtId, streetId, address });
const caller = (phone: string) => ({ name: '市民', phone });

describe('work queues and ticket search', () => {
  let runtime: Runtime;
  let city: ReturnType<typeof hotline>;
  const ids: Record<string, string> = {};
  const list = async (user: string, query: string) => {
    const res = await call(runtime, 'GET', `/v1/tickets?${query}`, undefined, await login(runtime, user));
    return { status: res.status, body: res.body ?? {}, items: (res.body?.items ?? []) as Listed[] };
  };
  const listed = async (user: string, query: string) => {
    const res = await list(user, query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.items.map((t) => t.id);
  };
  /** Every page of a query, following the cursor. */
  const allPages = async (user: string, query: string) => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const res = await list(user, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pages.push(res.items.map((t) => t.id));
      cursor = res.body.cursor as string | undefined;
    } while (cursor);
    return pages;
  };

  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
    city = hotline(runtime);
    const open = async (name: string, body: CreateTicket) => {
      ids[name] = await city.open(body);
    };

    // Rubbish in Qingshan that nobody acts on: the street, the district and the city let their deadlines pass.
    await open('rubbish', {
      ...noiseComplaint,
      category: 'SAN-002',
      title: '垃圾清运不及时',
      description: '小区垃圾桶已经满了两天没人清运，气味很大。',
      location: at('d-qingshan', 's-qingshan-songlin', '松林路8号'),
      citizen: caller('13900000004'),
    });
    for (let level = 1; level <= 3; level++) {
      const due = (await city.ticket(ids.rubbish!)).deadlines.complete!;
      await runtime.advanceTo(new Date(Date.parse(due) + 60_000));
    }

    // Weeks later: noise in Haibin (resolved, waiting for its callback), a dark lane in Haibin, dancing music in Nanhu
    // from the same caller as the noise (its unit asks for more time), a water outage in Qiaodong (marked difficult).
    await open('noise', { ...noiseComplaint, citizen: caller('13800000001') });
    await open('light', {
      ...noiseComplaint,
      category: 'LGT-001',
      title: '小区门口路灯不亮',
      description: '小区门口的路灯坏了三天，晚上很黑，老人出行不便。',
      location: at('d-haibin', 's-haibin-xiwan', '西湾路3号'),
      citizen: caller('13900000002'),
    });
    await open('dancing', {
      ...noiseComplaint,
      title: '广场舞音响扰民',
      description: '每天晚上公园广场舞音响声音太大，影响休息。',
      location: at('d-nanhu', 's-nanhu-cuiliu', '翠柳公园'),
      citizen: caller('+86 138-0000-0001'),
    });
    await open('water', {
      ...noiseComplaint,
      category: 'WAT-001',
      title: '整栋楼停水',
      description: '从早上开始整栋楼停水，没有任何通知。',
      location: at('d-qiaodong', 's-qiaodong-jiefang', '解放路100号'),
      citizen: caller('13900000003'),
    });
    // More noise at Dongmen, so listings need more than one page.
    for (let i = 1; i <= 5; i++) {
      await open(`dongmen-${i}`, { ...noiseComplaint, title: `楼下商铺噪音 ${i}`, description: `商铺音箱从早响到晚，第${i}次反映。`, citizen: caller(`1370000000${i}`) });
    }

    expect((await city.act('clerk-haibin-dongmen', ids.noise!, { type: 'accept' })).status).toBe(200);
    expect((await city.act('clerk-haibin-dongmen', ids.noise!, { type: 'resolve', reply: '已联系装修队，夜间停工。' })).status).toBe(200);
    expect((await city.act('clerk-nanhu-cuiliu', ids.dancing!, { type: 'accept' })).status).toBe(200);
    expect((await city.act('clerk-nanhu-cuiliu', ids.dancing!, { type: 'request-extension', days: 3, reason: '需协调公园管理处调整活动时间' })).status).toBe(200);
    expect((await city.act('clerk-water', ids.water!, { type: 'accept' })).status).toBe(200);
    expect((await city.act('clerk-water', ids.water!, { type: 'mark-difficult', reason: '管网改造涉及多个部门' })).status).toBe(200);
  }, 120_000);
  afterAll(() => runtime?.stop());

  it('combines a status with a district', async () => {
    const dispatchedInHaibin = await listed('supervisor-1', 'status=dispatched&districtId=d-haibin');

    expect(new Set(dispatchedInHaibin)).toEqual(new Set([ids.light, ...[1, 2, 3, 4, 5].map((i) => ids[`dongmen-${i}`])]));
  });

  it('combines a category with an escalation level', async () => {
    expect(new Set(await listed('operator-1', 'category=NBR-001&level=1'))).toEqual(
      new Set([ids.noise, ids.dancing, ...[1, 2, 3, 4, 5].map((i) => ids[`dongmen-${i}`])]),
    );
    expect(await listed('operator-1', 'category=SAN-002&level=3')).toEqual([ids.rubbish]);
    expect(await listed('operator-1', 'category=NBR-001&level=3')).toEqual([]);
  });

  it('puts only the ticket past the city’s deadline on the overdue board, alone or with a district', async () => {
    expect(await listed('supervisor-1', 'overdue=true')).toEqual([ids.rubbish]);
    expect(await listed('supervisor-1', 'overdue=true&districtId=d-qingshan')).toEqual([ids.rubbish]);
    expect(await listed('supervisor-1', 'overdue=true&districtId=d-haibin')).toEqual([]);
  });

  it('finds tickets by a Chinese word of their description, and not the others', async () => {
    expect(await listed('operator-1', 'q=' + encodeURIComponent('广场舞'))).toEqual([ids.dancing]);
    expect(await listed('operator-1', 'q=' + encodeURIComponent('装修'))).toEqual([ids.noise]);
    expect(await listed('operator-1', 'q=' + encodeURIComponent('路灯 老人'))).toEqual([ids.light]);
    expect(await listed('operator-1', 'q=' + encodeURIComponent('停电'))).toEqual([]);
    // Words and filters together: the noise at Dongmen, not the dancing in Nanhu.
    expect(await listed('operator-1', 'q=' + encodeURIComponent('噪音') + '&districtId=d-haibin&status=resolved')).toEqual([ids.noise]);
  });

  it('finds a caller’s tickets by their number however it is written, for operators only', async () => {
    expect(new Set(await listed('operator-1', 'phone=' + encodeURIComponent('138 0000 0001')))).toEqual(new Set([ids.noise, ids.dancing]));
    expect(await listed('supervisor-1', 'phone=13800000001&districtId=d-nanhu')).toEqual([ids.dancing]);

    const clerk = await list('clerk-haibin-dongmen', 'phone=13800000001');
    expect(clerk.status).toBe(403);
    expect(clerk.body).toMatchObject({ rule: 'tickets.phone-search', message: expect.stringContaining('phone') });
  });

  it('serves each queue the people work from', async () => {
    expect(await listed('supervisor-1', 'queue=pending-extensions')).toEqual([ids.dancing]);
    expect(await listed('supervisor-1', 'queue=difficult')).toEqual([ids.water]);
    expect(await listed('operator-1', 'queue=awaiting-callback')).toEqual([ids.noise]);
    expect(await listed('supervisor-1', 'queue=escalated-to-city')).toEqual([ids.rubbish]);
    // The supervision office's own inbox holds the difficult case and the one it must act on at the city level.
    expect(new Set(await listed('supervisor-1', 'queue=inbox'))).toEqual(new Set([ids.water, ids.rubbish]));
    // A street's queue, unasked: its own open tickets, not the one resolved.
    const dongmen = await listed('clerk-haibin-dongmen', '');
    expect(new Set(dongmen)).toEqual(new Set([1, 2, 3, 4, 5].map((i) => ids[`dongmen-${i}`])));
  });

  it('keeps a unit to its own tickets and a coordinator to its district, and lists nothing to a panelist', async () => {
    expect(await listed('clerk-nanhu-cuiliu', 'status=accepted')).toEqual([ids.dancing]);
    expect(await list('clerk-nanhu-cuiliu', 'unitId=s-haibin-dongmen')).toMatchObject({ status: 403, body: { rule: 'tickets.own-unit-only' } });
    const haibin = await list('coordinator-haibin', 'category=NBR-001');
    expect(new Set(haibin.items.map((t) => t.location.districtId))).toEqual(new Set(['d-haibin']));
    expect(await list('coordinator-haibin', 'districtId=d-nanhu')).toMatchObject({ status: 403, body: { rule: 'tickets.own-district-only' } });
    expect(await list('panelist-1', '')).toMatchObject({ status: 403, body: { rule: 'tickets.list-role' } });
  });

  it('pages through a filtered listing with a cursor, every ticket exactly once', async () => {
    const expected = [ids.light, ...[1, 2, 3, 4, 5].map((i) => ids[`dongmen-${i}`])];

    const pages = await allPages('supervisor-1', 'districtId=d-haibin&status=dispatched&limit=2');

    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2);
    expect(pages.flat().sort()).toEqual([...expected].sort());
  });

  it('pages through a text search with a cursor, every ticket exactly once', async () => {
    const pages = await allPages('operator-1', `q=${encodeURIComponent('噪音')}&limit=2`);

    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.flat().sort()).toEqual([ids.noise, ...[1, 2, 3, 4, 5].map((i) => ids[`dongmen-${i}`])].sort());
  });

  it('refuses a cursor from another query, a forged one and an unknown parameter, naming them', async () => {
    const first = await list('supervisor-1', 'districtId=d-haibin&limit=2');
    const cursor = encodeURIComponent(String(first.body.cursor));

    const other = await list('supervisor-1', `districtId=d-nanhu&limit=2&cursor=${cursor}`);
    const forged = Buffer.from(JSON.stringify({ q: 'x', k: { id: 'T-1', districtKey: 'd-haibin', createdKey: '2026' } })).toString('base64url');
    const made = await list('supervisor-1', `districtId=d-haibin&cursor=${forged}`);
    const garbage = await list('supervisor-1', 'districtId=d-haibin&cursor=not-a-cursor');
    const typo = await list('supervisor-1', 'distrctId=d-haibin');

    for (const refused of [other, made, garbage]) {
      expect(refused.status).toBe(400);
      expect(refused.body.issues).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
    expect(typo).toMatchObject({ status: 400, body: { issues: [{ path: 'distrctId', message: '不是此接口的参数' }] } });
    // The same cursor with the same query goes on.
    expect((await list('supervisor-1', `limit=2&districtId=d-haibin&cursor=${cursor}`)).status).toBe(200);
  });

  it('declares every query parameter of the listing and its error bodies in /openapi.json', async () => {
    const doc = (await call(runtime, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { enum?: string[] } }[]; responses: Record<string, { content?: unknown }> }>>;
    };
    const get = doc.paths['/v1/tickets']!.get!;

    expect(get.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(
      ['status', 'unitId', 'districtId', 'category', 'level', 'overdue', 'phone', 'q', 'queue', 'limit', 'cursor'].map((n) => `query:${n}`),
    );
    expect(get.parameters?.find((p) => p.name === 'queue')?.schema.enum).toEqual(expect.arrayContaining(['pending-extensions', 'difficult', 'awaiting-callback']));
    expect(get.responses['400']?.content).toBeDefined();
    expect(get.responses['403']?.content).toBeDefined();
  });
});
