// What the supervision office does with tickets on the ladder, on the local runtime and its virtual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { call, login, testRuntime } from '../integration/support/runtime.js';
import { hotline, phasesOf } from './support/stories.js';

let runtime: Runtime;
let city: ReturnType<typeof hotline>;
// Monday 23 November 2026, 10:00 in Shanghai; each story moves the clock only forward.
beforeAll(async () => {
  runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
  city = hotline(runtime);
}, 60_000);
afterAll(() => runtime?.stop());

describe('the supervision office', () => {
  it('designates a unit for a ticket that climbed to the city, which lands at that unit under fresh deadlines', async () => {
    const id = await city.open();
    // Nobody accepts: the street's acceptance time passes, then the district's.
    for (let level = 1; level < 3; level++) {
      const { accept } = (await city.ticket(id)).deadlines;
      await city.timeIs(new Date(Date.parse(accept ?? '') + 60_000).toISOString());
    }
    expect(await city.ticket(id)).toMatchObject({ level: 3, unitId: 'supervision', deadlines: { warnings: [] } });

    const designated = await city.act('supervisor-1', id, { type: 'designate', unitId: 'dept-urban-management' });

    expect(designated.status).toBe(200);
    const ticket = await city.ticket(id);
    expect(ticket).toMatchObject({ status: 'dispatched', level: 1, unitId: 'dept-urban-management', designated: true });
    expect(Date.parse(ticket.deadlines.accept ?? '')).toBeGreaterThan(runtime.clock.now().getTime());
    expect(phasesOf(await city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Escalated to the district', 'Escalated to the city', 'At the unit']);
  });

  it('is told by mail when a unit marks a case difficult, with what it must decide', async () => {
    await call(runtime, 'PUT', '/v1/units/supervision/subscriptions', { emails: ['duty@supervision.haiqiao.example'] }, await login(runtime, 'admin'));
    const id = await city.open();

    await city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '历史遗留违建，涉及产权争议' });

    const mail = (await call(runtime, 'GET', '/_local/mail')).body as unknown as { to: string[]; subject: string; text: string }[];
    const told = mail.filter((m) => m.subject.startsWith(`【12345】疑难工单待决定：${id}`));
    expect(told).toHaveLength(1);
    expect(told[0]?.to).toEqual(['duty@supervision.haiqiao.example']);
    expect(told[0]?.text).toContain('需办理：市热线办作出决定：重新派单、限期办理或解释结案');
  });
});

describe('the dispatch desk reviewing returns (退单审核)', () => {
  it('approves a return to another unit than the one the street suggested', async () => {
    const id = await city.open();

    await city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '系施工噪音，属城管职责', suggestedUnitId: 'dept-urban-management' });
    expect(await city.ticket(id)).toMatchObject({ status: 'return-review', unitId: 'supervision' });
    const queue = await call(runtime, 'GET', '/v1/tickets?queue=returns-to-review', undefined, await login(runtime, 'operator-1'));
    expect((queue.body?.items as { id: string }[]).map((t) => t.id)).toEqual([id]);
    const approved = await city.act('operator-1', id, { type: 'review-return', decision: 'approve', unitId: 'dept-housing' });

    expect(approved.status).toBe(200);
    expect(await city.ticket(id)).toMatchObject({ status: 'dispatched', unitId: 'dept-housing', counters: { returns: 1 } });
    expect(phasesOf(await city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Return under review', 'At the unit']);
  });

  it('rejects a return with a reason: the street has it back with its deadlines unchanged, and is told why', async () => {
    await call(runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: ['dongmen@haiqiao.example'] }, await login(runtime, 'admin'));
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    const { deadlines } = await city.ticket(id);

    await city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '不属本街道辖区' });
    const rejected = await city.act('supervisor-1', id, { type: 'review-return', decision: 'reject', reason: '属本街道辖区，请继续办理' });

    expect(rejected.status).toBe(200);
    expect(await city.ticket(id)).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen', deadlines });
    const mail = (await call(runtime, 'GET', '/_local/mail')).body as unknown as { to: string[]; subject: string }[];
    expect(mail.filter((m) => m.subject.startsWith(`【12345】退单审核结果：${id}`)).map((m) => m.to)).toEqual([['dongmen@haiqiao.example']]);
  });

  it('hands a return nobody reviewed within four working hours to the supervision office to designate', async () => {
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '不属本街道辖区' });
    const { pendingReturn } = (await city.ticket(id)) as { pendingReturn?: { reviewBy: string } };

    await city.timeIs(new Date(Date.parse(pendingReturn?.reviewBy ?? '') + 60_000).toISOString());

    expect(await city.ticket(id)).toMatchObject({ status: 'awaiting-designation', unitId: 'supervision' });
    expect(phasesOf(await city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Return under review', 'Awaiting designation']);
  });
});
