// What the supervision office does with tickets on the ladder, on the local runtime and its virtual clock.
import { describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, mailbox, phasesOf } from './support/stories.js';

// Monday 23 November 2026, 10:00 in Shanghai; each story moves the clock only forward.
const world = cityOfThisFile('2026-11-23T02:00:00Z');

describe('the supervision office', () => {
  it('designates a unit for a ticket that climbed to the city, which lands at that unit under fresh deadlines', async () => {
    const id = await world.city.open();
    // Nobody accepts: the street's acceptance time passes, then the district's.
    for (let level = 1; level < 3; level++) {
      const { accept } = (await world.city.ticket(id)).deadlines;
      await world.city.timeIs(new Date(Date.parse(accept ?? '') + 60_000).toISOString());
    }
    expect(await world.city.ticket(id)).toMatchObject({ level: 3, unitId: 'supervision', deadlines: { warnings: [] } });

    const designated = await world.city.act('supervisor-1', id, { type: 'designate', unitId: 'dept-urban-management' });

    expect(designated.status).toBe(200);
    const ticket = await world.city.ticket(id);
    expect(ticket).toMatchObject({ status: 'dispatched', level: 1, unitId: 'dept-urban-management', designated: true });
    expect(Date.parse(ticket.deadlines.accept ?? '')).toBeGreaterThan(world.runtime.clock.now().getTime());
    expect(phasesOf(await world.city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Escalated to the district', 'Escalated to the city', 'At the unit']);
  });

  it('is told by mail when a unit marks a case difficult, with what it must decide', async () => {
    await call(world.runtime, 'PUT', '/v1/units/supervision/subscriptions', { emails: ['duty@supervision.haiqiao.example'] }, await login(world.runtime, 'admin'));
    const id = await world.city.open();

    await world.city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '历史遗留违建，涉及产权争议' });

    const mail = await mailbox(world.runtime);
    const told = mail.filter((m) => m.subject.startsWith(`【12345】疑难工单待决定：${id}`));
    expect(told).toHaveLength(1);
    expect(told[0]?.to).toEqual(['duty@supervision.haiqiao.example']);
    expect(told[0]?.text).toContain('需办理：市热线办作出决定：重新派单、限期办理或解释结案');
  });
});

describe('the dispatch desk reviewing returns (退单审核)', () => {
  it('approves a return to another unit than the one the street suggested', async () => {
    const id = await world.city.open();

    await world.city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '系施工噪音，属城管职责', suggestedUnitId: 'dept-urban-management' });
    expect(await world.city.ticket(id)).toMatchObject({ status: 'return-review', unitId: 'supervision' });
    const queue = await call(world.runtime, 'GET', '/v1/tickets?queue=returns-to-review', undefined, await login(world.runtime, 'operator-1'));
    expect((queue.body?.items as { id: string }[]).map((t) => t.id)).toEqual([id]);
    const approved = await world.city.act('operator-1', id, { type: 'review-return', decision: 'approve', unitId: 'dept-housing' });

    expect(approved.status).toBe(200);
    expect(await world.city.ticket(id)).toMatchObject({ status: 'dispatched', unitId: 'dept-housing', counters: { returns: 1 } });
    expect(phasesOf(await world.city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Return under review', 'At the unit']);
  });

  it('rejects a return with a reason: the street has it back with its deadlines unchanged, and is told why', async () => {
    await call(world.runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: ['dongmen@haiqiao.example'] }, await login(world.runtime, 'admin'));
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    const { deadlines } = await world.city.ticket(id);

    await world.city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '不属本街道辖区' });
    const rejected = await world.city.act('supervisor-1', id, { type: 'review-return', decision: 'reject', reason: '属本街道辖区，请继续办理' });

    expect(rejected.status).toBe(200);
    expect(await world.city.ticket(id)).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen', deadlines });
    const mail = await mailbox(world.runtime);
    expect(mail.filter((m) => m.subject.startsWith(`【12345】退单审核结果：${id}`)).map((m) => m.to)).toEqual([['dongmen@haiqiao.example']]);
  });

  it('hands a return nobody reviewed within four working hours to the supervision office to designate', async () => {
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '不属本街道辖区' });
    const { pendingReturn } = (await world.city.ticket(id)) as { pendingReturn?: { reviewBy: string } };

    await world.city.timeIs(new Date(Date.parse(pendingReturn?.reviewBy ?? '') + 60_000).toISOString());

    expect(await world.city.ticket(id)).toMatchObject({ status: 'awaiting-designation', unitId: 'supervision' });
    expect(phasesOf(await world.city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Return under review', 'Awaiting designation']);
  });
});
