// 吹哨报到 on the local runtime: a street whistles, the units it calls in report in (or are reported late), it resolves.
import { describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, mailbox, phasesOf } from './support/stories.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-23T02:00:00Z');

/** The ids of the tickets in a queue, as the person sees it. */
async function listed(user: string, queue: string): Promise<string[]> {
  const answer = await call(world.runtime, 'GET', `/v1/tickets?queue=${queue}`, undefined, await login(world.runtime, user));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return ((answer.body?.items ?? []) as { id: string }[]).map((t) => t.id);
}

describe('a whistle with two departments', () => {
  it('calls in the district and both departments; one reports in, the late one is reported to the district and the supervision office; the street resolves', async () => {
    const admin = await login(world.runtime, 'admin');
    for (const unit of ['d-haibin', 'dept-urban-management', 'dept-housing', 'supervision', 's-haibin-dongmen']) {
      await call(world.runtime, 'PUT', `/v1/units/${unit}/subscriptions`, { emails: [`${unit}@haiqiao.example`] }, admin);
    }
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });

    const whistled = await world.city.act('clerk-haibin-dongmen', id, { type: 'whistle', departmentIds: ['dept-urban-management', 'dept-housing'], reason: '违建涉及城管和住建' });

    expect(whistled.status).toBe(200);
    expect(await world.city.ticket(id)).toMatchObject({ status: 'accepted', level: 1, unitId: 's-haibin-dongmen', whistle: { reportBy: '2026-11-24T02:00:00.000Z' } });
    const calledIn = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】吹哨报到：${id}`));
    expect(calledIn.map((m) => m.to[0]).sort()).toEqual(['d-haibin@haiqiao.example', 'dept-housing@haiqiao.example', 'dept-urban-management@haiqiao.example']);
    expect(calledIn[0]?.text).toContain('需报到单位：d-haibin、dept-urban-management、dept-housing（2026-11-24 10:00（北京时间）前报到）');
    // A department called in reads the ticket it must act on, and finds it in its queues.
    expect((await call(world.runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(world.runtime, 'clerk-urban-management'))).status).toBe(200);
    expect(await listed('clerk-urban-management', 'awaiting-report-in')).toEqual([id]);
    expect(await listed('clerk-housing', 'awaiting-report-in')).toEqual([id]);
    expect(await listed('supervisor-1', 'awaiting-report-in')).toEqual([id]);
    expect(await listed('clerk-qiaodong-jiefang', 'awaiting-report-in')).toEqual([]);

    const reported = await world.city.act('clerk-urban-management', id, { type: 'report-in', note: '明日上午派执法队到场' });
    expect(reported.status).toBe(200);
    expect(await listed('clerk-urban-management', 'awaiting-report-in')).toEqual([]);
    expect(await listed('clerk-urban-management', 'called-in')).toEqual([id]);
    expect(await listed('coordinator-haibin', 'awaiting-report-in')).toEqual([id]);
    expect((await world.city.act('coordinator-haibin', id, { type: 'report-in', note: '区里牵头协调' })).status).toBe(200);
    // Housing has not reported in: it cannot reply yet; urban management adds its reply for the street.
    expect((await world.city.act('clerk-housing', id, { type: 'add-reply', reply: '已核查' })).body).toMatchObject({ rule: 'add-reply.report-in-first' });
    expect((await world.city.act('clerk-urban-management', id, { type: 'add-reply', reply: '违建已于周二拆除' })).status).toBe(200);
    const early = await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已处理' });
    expect(early.body).toMatchObject({ rule: 'resolve.awaiting-report-in' });

    await world.city.timeIs('2026-11-24T10:01:00+08:00');

    const ticket = await world.city.ticket(id);
    const reports = ticket.timeline.filter((e) => e.type === 'ticket.reported-in' || e.type === 'ticket.report-in-missed');
    expect(reports).toMatchObject([
      { type: 'ticket.reported-in', unitId: 'dept-urban-management', at: '2026-11-23T02:00:00.000Z', note: '明日上午派执法队到场' },
      { type: 'ticket.reported-in', unitId: 'd-haibin' },
      { type: 'ticket.report-in-missed', unitIds: ['dept-housing'], at: '2026-11-24T02:00:00.000Z' },
    ]);
    const late = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】吹哨未按时报到：${id}`));
    expect(late.map((m) => m.to[0]).sort()).toEqual(['d-haibin@haiqiao.example', 'supervision@haiqiao.example']);
    // The late department stays on the supervision office's list until it reports in.
    expect(await listed('supervisor-1', 'awaiting-report-in')).toEqual([id]);
    expect(await listed('clerk-housing', 'awaiting-report-in')).toEqual([id]);
    expect(ticket.whistle).toMatchObject({ participants: [
      { unitId: 'd-haibin', note: '区里牵头协调' },
      { unitId: 'dept-urban-management', reply: '违建已于周二拆除', repliedAt: '2026-11-23T02:00:00.000Z' },
      { unitId: 'dept-housing', missedAt: '2026-11-24T02:00:00.000Z' },
    ] });
    const replied = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】协办单位答复：${id}`));
    expect(replied.map((m) => m.to[0])).toEqual(['s-haibin-dongmen@haiqiao.example']);
    expect((await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】已报到：${id}`)).map((m) => m.to[0])).toEqual([
      's-haibin-dongmen@haiqiao.example',
      's-haibin-dongmen@haiqiao.example',
    ]);

    expect((await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '城管拆除违建，噪音消除' })).status).toBe(200);
    // Resolved, the ticket leaves every whistle queue.
    expect(await listed('supervisor-1', 'awaiting-report-in')).toEqual([]);
    expect(await listed('clerk-urban-management', 'called-in')).toEqual([]);
    expect(phasesOf(await world.city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Whistled', 'At the unit', 'Awaiting callback']);
  });
});
