// 动态清零 on the local runtime across two months: tickets join the ledger as they go wrong, clear by a satisfied callback
// or a certification; on the 1st the month closes with its report, and what is left carries over.
import { describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, mailbox } from './support/stories.js';

// Monday 2 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-02T02:00:00Z');

async function as(user: string, path: string, accept?: string) {
  return call(world.runtime, 'GET', path, undefined, await login(world.runtime, user), accept ? { accept } : undefined);
}

/** A ticket its street resolves, whose citizen answers the callback(s) as given: closed unsatisfied or unresolved. */
async function closedBadly(answer: { resolved: boolean; satisfied: boolean }) {
  const id = await world.city.open();
  await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
  for (const _ of [1, 2]) {
    await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已处理' });
    await world.city.callback(id, answer);
  }
  return id;
}

describe('a month of dynamic zeroing, and its league table', () => {
  it('puts tickets on the ledger as they go wrong, clears them by a satisfied callback or a certification, closes the month with its report and carries the rest over', async () => {
    const admin = await login(world.runtime, 'admin');
    for (const unit of ['s-haibin-dongmen', 'supervision']) await call(world.runtime, 'PUT', `/v1/units/${unit}/subscriptions`, { emails: [`${unit}@haiqiao.example`] }, admin);

    const unsatisfied = await closedBadly({ resolved: true, satisfied: false });
    const unresolved = await closedBadly({ resolved: false, satisfied: false });
    const late = await world.city.open();
    // Nobody accepts it: the acceptance deadline (1 working day) passes and it escalates.
    await world.city.timeIs('2026-11-03T10:05:00+08:00');

    const entries = (await as('supervisor-1', '/v1/zeroing/campaigns/2026-11/entries')).body as { items: { ticketId: string; reason: string; status: string; unitId: string }[] };
    expect(entries.items.map((e) => [e.ticketId, e.reason, e.status, e.unitId]).sort()).toEqual(
      [
        [unsatisfied, 'unsatisfied', 'open', 's-haibin-dongmen'],
        [unresolved, 'unresolved', 'open', 's-haibin-dongmen'],
        [late, 'overdue', 'open', 's-haibin-dongmen'],
      ].sort(),
    );
    const assigned = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith('【12345】列入动态清零台账'));
    expect(assigned).toHaveLength(3);
    expect(assigned[0]?.to).toEqual(['s-haibin-dongmen@haiqiao.example']);
    expect(assigned.map((m) => m.text.split('\n').find((line) => line.startsWith('清零台账')))).toContain('清零台账：2026-11（超期），销号时限：2026-11-30 23:59（北京时间）');

    // The street handles the unsatisfied case again; the citizen now confirms it: the entry clears.
    expect((await world.city.callback(unsatisfied, { resolved: true, satisfied: true })).status).toBe(200);
    // The supervision office certifies the unresolved one as handled reasonably.
    const certified = await world.city.act('supervisor-1', unresolved, { type: 'certify-zeroing', reason: '经核实属历史遗留问题，已向市民解释' });
    expect(certified.status).toBe(200);
    expect((await world.city.act('supervisor-1', unresolved, { type: 'certify-zeroing', reason: '再次认定' })).body).toMatchObject({ rule: 'certify-zeroing.not-on-ledger' });
    expect((await world.city.ticket(unsatisfied)).timeline.at(-1)).toMatchObject({ type: 'zeroing.cleared', how: 'confirmed', month: '2026-11' });

    const midMonth = (await as('supervisor-1', '/v1/zeroing/campaigns/2026-11/entries?status=open')).body as { items: { ticketId: string }[] };
    expect(midMonth.items.map((e) => e.ticketId)).toEqual([late]);

    // 00:00 on 1 December in Shanghai: the schedule closes November and opens December.
    await world.city.timeIs('2026-12-01T00:01:00+08:00');

    const november = (await as('supervisor-1', '/v1/zeroing/campaigns/2026-11')).body as Record<string, unknown>;
    expect(november).toMatchObject({
      status: 'closed',
      report: { entered: 3, carriedOver: 0, added: 3, cleared: 1, explained: 1, open: 1, redList: [{ unitId: 's-haibin-dongmen', open: 1 }] },
    });
    const report = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith('【12345】2026-11 动态清零月报'));
    expect(report.map((m) => m.to[0])).toEqual(['supervision@haiqiao.example']);
    expect(report[0]?.text).toContain('台账合计：3（上月转入 0，本月新增 3）');
    expect(report[0]?.text).toContain('未销号转入下月：1');
    expect(report[0]?.text).toContain('红榜（仍有未销号工单的单位）：s-haibin-dongmen 1 件');

    const december = (await as('supervisor-1', '/v1/zeroing/campaigns/2026-12/entries')).body as { items: { ticketId: string; carriedFrom?: string; status: string }[] };
    expect(december.items).toMatchObject([{ ticketId: late, carriedFrom: '2026-11', status: 'open' }]);
    const campaigns = (await as('supervisor-1', '/v1/zeroing/campaigns')).body as { items: { month: string; status: string }[] };
    expect(campaigns.items.map((c) => [c.month, c.status])).toEqual([
      ['2026-12', 'open'],
      ['2026-11', 'closed'],
    ]);

    // A retried trigger for the same instant duplicates nothing: no second report, no second entry.
    await world.runtime.engine.startExecution({
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:casework-monthly-zeroing',
      name: 'monthly-zeroing-retried',
      input: JSON.stringify({ time: '2026-11-30T16:00:00.000Z' }),
    });
    await world.runtime.idle();
    expect((await mailbox(world.runtime)).filter((m) => m.subject.startsWith('【12345】2026-11 动态清零月报'))).toHaveLength(1);
    expect(((await as('supervisor-1', '/v1/zeroing/campaigns/2026-12/entries')).body as { items: unknown[] }).items).toHaveLength(1);

    // The ticket is handled in December and the citizen confirms it: December's entry clears.
    const holder = String((await world.city.ticket(late)).unitId);
    expect(holder).toBe('supervision');
    await world.city.act('supervisor-1', late, { type: 'designate', unitId: 's-haibin-dongmen' });
    await world.city.act('clerk-haibin-dongmen', late, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', late, { type: 'resolve', reply: '已整改' });
    await world.city.callback(late, { resolved: true, satisfied: true });
    const cleared = (await as('supervisor-1', '/v1/zeroing/campaigns/2026-12/entries')).body as { items: { status: string }[] };
    expect(cleared.items).toMatchObject([{ status: 'cleared' }]);
  });

  it('lets a unit read its own entries only, and exports the ledger for Excel', async () => {
    const own = (await as('clerk-haibin-dongmen', '/v1/zeroing/campaigns/2026-11/entries')).body as { items: { unitId: string }[] };
    expect(own.items).toHaveLength(3);
    expect(((await as('clerk-water', '/v1/zeroing/campaigns/2026-11/entries')).body as { items: unknown[] }).items).toEqual([]);
    expect((await as('clerk-water', '/v1/zeroing/campaigns/2026-11/entries?unitId=s-haibin-dongmen')).body).toMatchObject({ rule: 'zeroing.own-unit-only' });
    expect((await as('clerk-haibin-dongmen', '/v1/zeroing/campaigns')).status).toBe(403);
    expect((await as('clerk-haibin-dongmen', '/v1/zeroing/campaigns/2026-11')).status).toBe(403);
    expect((await as('supervisor-1', '/v1/zeroing/campaigns/2026-13')).status).toBe(400);
    expect((await as('supervisor-1', '/v1/zeroing/campaigns/2026-10')).status).toBe(404);

    const csv = await as('supervisor-1', '/v1/zeroing/campaigns/2026-11/entries?status=open', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.slice(1).split('\r\n')[0]).toBe('"月份","工单编号","责任单位","区","列入原因","状态","列入时间（北京时间）","首次列入月份","销号时间（北京时间）","说明"');
    expect(csv.text).toContain('"超期","未销号"');
  });
});

describe("the month's league table", () => {
  it('counts November as the stories above lived it, by hand', async () => {
    const table = (await as('supervisor-1', '/v1/metrics/units?month=2026-11')).body as { items: Record<string, unknown>[] };

    // Three tickets went to the Dongmen street in November: two accepted at once, one never (escalated: late, and
    // overdue). Two were resolved (each twice: a ticket counts once), on time. Five callbacks answered on what it
    // resolved: four from the two bad closings (two said resolved), then one resolved and satisfied after re-handling.
    expect(table.items).toEqual([
      expect.objectContaining({
        rank: 1,
        unitId: 's-haibin-dongmen',
        dispatched: 3,
        acceptedOnTime: 2,
        responseRate: 2 / 3,
        resolved: 2,
        onTimeCompletionRate: 1,
        firstDispatched: 3,
        firstDispatchAccuracy: 1,
        callbacks: 5,
        confirmedResolved: 3,
        satisfied: 1,
        resolutionRate: 0.6,
        satisfactionRate: 0.2,
        overdue: 1,
        // 0.2 × 2/3 + 0.2 × 1 + 0.1 × 1 + 0.25 × 0.6 + 0.25 × 0.2
        score: 63.33,
      }),
    ]);
    const own = (await as('clerk-haibin-dongmen', '/v1/metrics/units?month=2026-11')).body as { items: { unitId: string }[] };
    expect(own.items.map((r) => r.unitId)).toEqual(['s-haibin-dongmen']);
    expect(((await as('clerk-water', '/v1/metrics/units?month=2026-11')).body as { items: unknown[] }).items).toEqual([]);
    expect((await as('panelist-1', '/v1/metrics/units')).status).toBe(403);
    const csv = await as('supervisor-1', '/v1/metrics/units?month=2026-11', 'text/csv');
    expect(csv.text.slice(1).split('\r\n').slice(0, 2)).toEqual([
      '"排名","单位","综合得分","派单量","响应率","按时办结率","首派准确率","解决率","满意率","超期件数"',
      '"1","s-haibin-dongmen","63.33","3","66.7%","100%","100%","60%","20%","1"',
    ]);
  });
});
