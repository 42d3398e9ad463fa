// 疑难事项联席会商 on the local runtime: the supervision office refers a case, a panel is seated, its members vote, the
// decision is applied to the ticket.
import { describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile, mailbox, phasesOf, type TicketView } from './support/stories.js';

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

export type { TicketView };
