// 疑难事项联席会商 on the local runtime: the supervision office refers a case, a panel is seated, its members vote, the
// decision is applied to the ticket.
import { describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, mailbox, phasesOf } from './support/stories.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-23T02:00:00Z');
const members = Array.from({ length: 12 }, (_, i) => `member-${i + 1}`);
/** The demo user of a member: panelist-<n> is member-<n>. */
const userOf = (memberId: string) => memberId.replace('member-', 'panelist-');

async function subscribeEveryone() {
  const admin = await login(world.runtime, 'admin');
  for (const member of members) {
    expect((await call(world.runtime, 'PUT', `/v1/panel-members/${member}/subscriptions`, { emails: [`${member}@haiqiao.example`] }, admin)).status).toBe(200);
  }
  await call(world.runtime, 'PUT', '/v1/units/supervision/subscriptions', { emails: ['supervision@haiqiao.example'] }, admin);
}

/** A Dongmen ticket its street marked difficult and the supervision office referred to a panel; the panel's id and seats. */
async function referred(involvedUnitIds: string[] = ['dept-urban-management']) {
  const id = await world.city.open();
  await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
  await world.city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '涉及违建认定，街道与城管意见不一' });
  const answer = await world.city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '责任单位存在争议，提请联席会商', involvedUnitIds });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const ticket = await world.city.ticket(id);
  const convened = ticket.timeline.filter((e) => e.type === 'ticket.panel-convened').at(-1) as unknown as { panelId: string; memberIds: string[] };
  return { id, ticket, panelId: convened.panelId, seated: convened.memberIds };
}

async function vote(memberId: string, panelId: string, body: Record<string, unknown>) {
  const answer = await call(world.runtime, 'POST', `/v1/panels/${panelId}/votes`, body, await login(world.runtime, userOf(memberId)));
  await world.runtime.idle();
  return answer;
}

async function panel(panelId: string, user = 'supervisor-1') {
  return (await call(world.runtime, 'GET', `/v1/panels/${panelId}`, undefined, await login(world.runtime, user))).body as Record<string, unknown>;
}

describe('a panel with a clean majority', () => {
  it('seats five members free of ties to the case, keeps votes secret while it votes, reminds the one who has not voted, and re-dispatches to the unit the majority named', async () => {
    await subscribeEveryone();
    const { id, ticket, panelId, seated } = await referred();

    expect(ticket).toMatchObject({ status: 'in-review', review: { panelIds: [panelId], involvedUnitIds: ['s-haibin-dongmen', 'dept-urban-management'] } });
    expect(seated).toHaveLength(5);
    // member-10 lives in Dongmen and sits on its residents' committee.
    expect(seated).not.toContain('member-10');
    const invitations = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】联席会商邀请：${id}`));
    expect(invitations.map((m) => m.to[0]).sort()).toEqual(seated.map((m) => `${m}@haiqiao.example`).sort());
    expect(invitations[0]?.text).toContain('投票截止：2026-11-26 10:00（北京时间）');
    expect(invitations[0]?.text).not.toContain('13800000001');

    const [first, second, third, fourth, silent] = seated as [string, string, string, string, string];
    const mine = (await call(world.runtime, 'GET', '/v1/panels?member=me', undefined, await login(world.runtime, userOf(first)))).body as { items: { id: string; voted: boolean }[] };
    expect(mine.items).toContainEqual(expect.objectContaining({ id: panelId, voted: false }));

    expect((await vote(first, panelId, { choice: 'assign-unit', unitId: 'dept-urban-management', rationale: '属违法建设，应由城管执法' })).status).toBe(201);
    await vote(second, panelId, { choice: 'assign-unit', unitId: 'dept-urban-management', rationale: '城管负责违建查处' });
    await vote(third, panelId, { choice: 'assign-unit', unitId: 'dept-urban-management', rationale: '同意由城管办理' });
    await vote(fourth, panelId, { choice: 'order-handling', rationale: '街道可先行协调' });

    const voting = await panel(panelId, userOf(first));
    expect(voting).toMatchObject({ status: 'voting', votesCast: 4, myVote: { choice: 'assign-unit' } });
    expect(voting).not.toHaveProperty('votes');
    expect(voting.case).not.toHaveProperty('citizen');

    await world.city.timeIs('2026-11-25T10:01:00+08:00');
    const reminders = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】联席会商投票提醒：${id}`));
    expect(reminders.map((m) => m.to[0])).toEqual([`${silent}@haiqiao.example`]);

    await world.city.timeIs('2026-11-26T10:01:00+08:00');
    const decided = await world.city.ticket(id);
    expect(decided).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', level: 1, designated: true });
    expect(decided.timeline.find((e) => e.type === 'ticket.panel-decided')).toMatchObject({ outcome: 'decided', cast: 4, next: 'applied', decision: { choice: 'assign-unit', unitId: 'dept-urban-management' } });
    const closed = await panel(panelId, userOf(silent));
    expect(closed).toMatchObject({ status: 'closed', result: { outcome: 'decided' } });
    expect(closed.votes).toHaveLength(4);
    expect(closed.votes).toContainEqual(expect.objectContaining({ memberId: first, rationale: '属违法建设，应由城管执法' }));
    expect(phasesOf(await world.city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Difficult', 'In joint review', 'At the unit']);
  });
});

/** Lets the panel's deadline pass. */
async function pastDeadline(panelId: string) {
  const { deadline } = await panel(panelId);
  await world.city.timeIs(new Date(Date.parse(String(deadline)) + 60_000).toISOString());
}

/** The seats of the panel the ticket's latest convening named. */
async function latestPanel(id: string) {
  const ticket = await world.city.ticket(id);
  const convened = ticket.timeline.filter((e) => e.type === 'ticket.panel-convened').at(-1) as unknown as { panelId: string; memberIds: string[]; round: number };
  return { ticket, ...convened };
}

describe('a panel without a decision', () => {
  it('with too few votes convenes a fresh panel of other members, whose beyond-policy finding closes the ticket with the explanation', async () => {
    const { id, panelId, seated } = await referred();
    const [a, b] = seated as [string, string];
    await vote(a, panelId, { choice: 'unreasonable', rationale: '诉求缺乏依据' });
    await vote(b, panelId, { choice: 'beyond-policy', rationale: '现行政策未覆盖' });

    await pastDeadline(panelId);

    const second = await latestPanel(id);
    expect(second.ticket.timeline.find((e) => e.type === 'ticket.panel-decided')).toMatchObject({ panelId, outcome: 'no-quorum', cast: 2, quorumNeeded: 4, next: 'reconvene' });
    expect(second).toMatchObject({ round: 2, ticket: { status: 'in-review' } });
    expect(second.panelId).not.toBe(panelId);
    // Eleven members are free of ties to Dongmen: five sat in the first round, so at most one (a required role's only free member) sits again.
    expect(second.memberIds.filter((m) => seated.includes(m)).length).toBeLessThanOrEqual(1);

    for (const member of second.memberIds.slice(0, 4)) {
      await vote(member, second.panelId, { choice: 'beyond-policy', rationale: '诉求合理，但超出现行补偿政策' });
    }
    await pastDeadline(second.panelId);

    const closed = await world.city.ticket(id);
    expect(closed).toMatchObject({ status: 'closed', outcome: { resolution: 'explained', panelFinding: 'beyond-policy' } });
    expect(String((closed.outcome as unknown as { explanation: string }).explanation)).toContain('超出现行政策');
    // Counted apart for the month's zeroing report (the month it closed in).
    const month = new Date(Date.parse(String(closed.closedAt)) + 8 * 3600_000).toISOString().slice(0, 7);
    const campaign = await call(world.runtime, 'GET', `/v1/zeroing/campaigns/${month}`, undefined, await login(world.runtime, 'supervisor-1'));
    expect(campaign.body).toMatchObject({ panelFindings: { 'beyond-policy': [id] } });
    expect(phasesOf(await world.city.lifecyclePath(id)).slice(-2)).toEqual(['In joint review', 'Closed']);
  });

  it('split twice hands the case back to the supervision office, which decides it itself', async () => {
    const { id, panelId, seated } = await referred();
    const split = [
      { choice: 'assign-unit', unitId: 'dept-urban-management', rationale: '应由城管执法' },
      { choice: 'assign-unit', unitId: 'dept-urban-management', rationale: '城管职责' },
      { choice: 'order-handling', rationale: '街道应先行处理' },
      { choice: 'order-handling', rationale: '属地管理' },
      { choice: 'unreasonable', rationale: '诉求不成立' },
    ];
    // Every member votes: the panel closes at once, without waiting for its deadline.
    for (const [i, member] of seated.entries()) await vote(member, panelId, split[i] as Record<string, unknown>);
    const second = await latestPanel(id);
    expect(second.round).toBe(2);
    for (const [i, member] of second.memberIds.entries()) await vote(member, second.panelId, split[i] as Record<string, unknown>);

    const back = await world.city.ticket(id);
    expect(back).toMatchObject({ status: 'difficult', unitId: 'supervision' });
    expect(back.timeline.filter((e) => e.type === 'ticket.panel-decided')).toMatchObject([
      { outcome: 'no-majority', next: 'reconvene' },
      { outcome: 'no-majority', next: 'to-supervision' },
    ]);
    const mail = (await mailbox(world.runtime)).filter((m) => m.subject.startsWith(`【12345】联席会商结果：${id}`));
    expect(mail.map((m) => m.to[0])).toContain('supervision@haiqiao.example');

    expect((await world.city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'redispatch', unitId: 'dept-urban-management' })).status).toBe(200);
    expect(await world.city.ticket(id)).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management' });
    expect(phasesOf(await world.city.lifecyclePath(id)).slice(-3)).toEqual(['In joint review', 'Difficult', 'At the unit']);
  });
});

describe('votes that do not count', () => {
  it('refuses outsiders, malformed votes, a second vote and votes after closing, each naming its rule, and leaves no trace', async () => {
    const { id, panelId, seated } = await referred();
    const outsider = members.find((m) => !seated.includes(m)) as string;
    const [voter] = seated as [string];
    const before = (await world.city.ticket(id)).timeline.length;

    expect((await vote(outsider, panelId, { choice: 'unreasonable', rationale: '不合理' })).body).toMatchObject({ rule: 'vote.not-a-member' });
    const clerk = await call(world.runtime, 'POST', `/v1/panels/${panelId}/votes`, { choice: 'unreasonable', rationale: '不合理' }, await login(world.runtime, 'clerk-haibin-dongmen'));
    expect(clerk.status).toBe(403);
    const malformed = [
      [{ choice: 'unreasonable', rationale: ' ' }, 'rationale'],
      [{ choice: 'abstain', rationale: '弃权' }, 'choice'],
      [{ choice: 'assign-unit', rationale: '应由城管办理' }, 'unitId'],
    ] as const;
    for (const [body, field] of malformed) {
      const answer = await vote(voter, panelId, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body?.issues, field).toContainEqual(expect.objectContaining({ path: field }));
    }
    expect((await vote(voter, panelId, { choice: 'assign-unit', unitId: 'nowhere', rationale: '应由其办理' })).body).toMatchObject({ rule: 'vote.unknown-unit' });

    // Fifty tries at once by the same member: one vote counts.
    const login50 = await login(world.runtime, userOf(voter));
    const tries = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(world.runtime, 'POST', `/v1/panels/${panelId}/votes`, { choice: 'unreasonable', rationale: `第${i}次提交` }, login50)),
    );
    await world.runtime.idle();
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    expect(tries.filter((t) => t.status === 409).every((t) => t.body?.rule === 'vote.already-cast')).toBe(true);
    expect(tries.filter((t) => t.status === 409)).toHaveLength(49);
    expect(await panel(panelId)).toMatchObject({ votesCast: 1 });
    expect((await vote(voter, panelId, { choice: 'beyond-policy', rationale: '改变主意' })).body).toMatchObject({ rule: 'vote.already-cast' });
    expect((await world.city.ticket(id)).timeline).toHaveLength(before);

    await pastDeadline(panelId);
    const late = await vote(seated[1] as string, panelId, { choice: 'unreasonable', rationale: '迟到的投票' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ rule: 'vote.panel-closed' });
  });
});

describe("the supervision office's list of panels", () => {
  it('lists the month’s panels by state, and refuses clerks and members asking for others', async () => {
    const supervisor = await login(world.runtime, 'supervisor-1');
    const list = async (query: string) => ((await call(world.runtime, 'GET', `/v1/panels?${query}`, undefined, supervisor)).body as { items: { id: string; status: string; result?: unknown }[] }).items;

    // Four stories, seven panels: two convened in November, five after the clock passed into December, of which the
    // last story's second round still votes (its first had one vote).
    const november = await list('status=closed&month=2026-11');
    const december = await list('status=closed&month=2026-12');
    expect([november.length, december.length]).toEqual([2, 4]);
    expect([...november, ...december].every((p) => p.status === 'closed' && p.result !== undefined)).toBe(true);
    const open = await list('status=open&month=2026-12');
    expect(open).toMatchObject([{ status: 'voting', round: 2 }]);
    expect(open[0]).not.toHaveProperty('result');
    expect((await call(world.runtime, 'GET', '/v1/panels?month=2026-10', undefined, supervisor)).body).toEqual({ items: [] });
    expect((await call(world.runtime, 'GET', '/v1/panels', undefined, await login(world.runtime, 'clerk-haibin-dongmen'))).status).toBe(403);
    expect((await call(world.runtime, 'GET', '/v1/panels?member=member-2', undefined, await login(world.runtime, 'panelist-1'))).body).toMatchObject({ rule: 'panels.list-role' });
    const badMonth = await call(world.runtime, 'GET', '/v1/panels?month=2026-13', undefined, supervisor);
    expect(badMonth.status).toBe(400);
  });
});

// Last in this file: it leaves every member's seats taken.
describe('a pool with every seat taken', () => {
  it('keeps a referral in review until a panel closes, then seats it within the hour; the lifecycle waits, it does not fail', async () => {
    const seatedPanels: { id: string; panelId: string; seated: string[] }[] = [];
    let waiting: string | undefined;
    // Each member sits on three open panels at most: eleven members free of ties to Dongmen seat six panels of five.
    for (let i = 0; i < 10 && !waiting; i++) {
      const id = await world.city.open();
      await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
      await world.city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '多部门职责交叉' });
      expect((await world.city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '提请联席会商' })).status).toBe(200);
      const { panelId, memberIds } = await latestPanel(id);
      if (panelId) seatedPanels.push({ id, panelId, seated: memberIds });
      else waiting = id;
    }
    expect(waiting, 'a referral the pool could not seat').toBeDefined();
    const id = waiting as string;
    expect(await world.city.ticket(id)).toMatchObject({ status: 'in-review' });

    // Two hours on, every seat is still taken: still in review, no panel, and the lifecycle still running.
    const hoursOn = (hours: number) => world.city.timeIs(new Date(world.runtime.clock.now().getTime() + hours * 3600_000).toISOString());
    await hoursOn(2);
    expect((await latestPanel(id)).panelId).toBeUndefined();
    expect(await world.city.lifecycleStatus(id)).toBe('RUNNING');

    // Every member of one panel votes: it closes at once and its five seats are free; within the hour the referral sits.
    const freed = seatedPanels[0] as { panelId: string; seated: string[] };
    for (const member of freed.seated) await vote(member, freed.panelId, { choice: 'order-handling', rationale: '属地管理，由街道办理' });
    await hoursOn(1);
    const seated = await latestPanel(id);
    expect(seated.panelId).toBeDefined();
    expect(seated.memberIds).toHaveLength(5);
    expect(seated.ticket).toMatchObject({ status: 'in-review' });
  });
});
