// More of a ticket's possible lives, each on its own runtime and virtual clock, through the public API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { testRuntime } from '../integration/support/runtime.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { ticketWait } from '../../schemas/workflows/task-token.js';
import { hotline, noiseComplaint, phasesOf } from './support/stories.js';

// One city for the whole file, its clock only moving forward: the first story is set before National Day 2026,
// the rest on Monday 23 November 2026 (no holiday for weeks), each at the time it says.
let runtime: Runtime;
let city: ReturnType<typeof hotline>;
beforeAll(async () => {
  runtime = await testRuntime({ clockStart: new Date('2026-09-29T10:00:00+08:00').toISOString() });
  city = hotline(runtime);
}, 60_000);
afterAll(() => runtime?.stop());

/** Moves the city's clock to `iso` (Shanghai time written with its offset) before a story starts. */
async function cityAt(iso: string) {
  await city.timeIs(iso);
  return city;
}

describe('stories of a ticket', () => {
  it('deadlines skip the National Day holiday', async () => {
    const city = await cityAt('2026-09-29T10:00:00+08:00');
    const id = await city.open({ ...noiseComplaint, category: 'CMTY-001' });
    await city.act('clerk-haibin-dongmen', id, { type: 'accept' });

    // A consultation has 2 working days: Wednesday 30 September, then Thursday 8 October after the holiday.
    expect((await city.ticket(id)).deadlines.complete).toBe('2026-10-08T02:00:00.000Z');
    await city.timeIs('2026-10-07T23:00:00+08:00');
    expect(await city.ticket(id)).toMatchObject({ level: 1 });
  });

  it('return and re-route, and after the third return the supervision office designates the unit', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();

    await city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '系施工噪音，属城管职责', suggestedUnitId: 'dept-urban-management' });
    await city.act('operator-1', id, { type: 'review-return', decision: 'approve' });
    expect(await city.ticket(id)).toMatchObject({ unitId: 'dept-urban-management', counters: { returns: 1 } });
    await city.act('clerk-urban-management', id, { type: 'return', reason: '属居民之间纠纷，由街道调解', suggestedUnitId: 's-haibin-dongmen' });
    await city.act('operator-1', id, { type: 'review-return', decision: 'approve' });
    await city.act('clerk-haibin-dongmen', id, { type: 'return', reason: '仍认为属城管职责' });
    expect(await city.ticket(id)).toMatchObject({ status: 'awaiting-designation', unitId: 'supervision', counters: { returns: 3 } });

    await city.act('supervisor-1', id, { type: 'designate', unitId: 'dept-urban-management' });
    expect(await city.ticket(id)).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', designated: true });
    const refused = await city.act('clerk-urban-management', id, { type: 'return', reason: '再次退回' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'return.designated' });
    expect(phasesOf(await city.lifecyclePath(id))).toEqual([
      'Dispatch to the unit',
      'At the unit',
      'Return under review',
      'At the unit',
      'Return under review',
      'At the unit',
      'Awaiting designation',
      'At the unit',
    ]);
  });

  it('an extension request is approved by the supervision office and moves the deadline', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    const before = (await city.ticket(id)).deadlines.complete;

    await city.act('clerk-haibin-dongmen', id, { type: 'request-extension', days: 5, reason: '需协调多户居民' });
    expect((await city.ticket(id)).deadlines.complete).toBe(before);
    const decided = await city.act('supervisor-1', id, { type: 'decide-extension', approve: true, comment: '同意延期五个工作日' });

    expect(decided.status).toBe(200);
    expect(Date.parse((await city.ticket(id)).deadlines.complete ?? '') - Date.parse(before ?? '')).toBe(7 * 24 * 3600_000);
  });

  it('a rejected extension leaves the deadline where it was', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    const before = (await city.ticket(id)).deadlines.complete;

    await city.act('clerk-haibin-dongmen', id, { type: 'request-extension', days: 10, reason: '需要更多时间协调' });
    const rejected = await city.act('supervisor-1', id, { type: 'decide-extension', approve: false, comment: '时限内可以办结' });

    expect(rejected.status).toBe(200);
    expect(await city.ticket(id)).toMatchObject({ deadlines: { complete: before }, counters: { extensions: 0 } });
    const again = await city.act('supervisor-1', id, { type: 'decide-extension', approve: true });
    expect(again.body).toMatchObject({ rule: 'extension.none-pending' });
  });

  it('a difficult case can be ordered handled within days, or closed with an explanation', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const ordered = await city.open();
    const explained = await city.open();
    for (const id of [ordered, explained]) await city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '涉及多部门历史遗留问题' });

    await city.act('supervisor-1', ordered, { type: 'decide-difficult', decision: 'order', unitId: 's-haibin-dongmen', days: 5 });
    await city.act('supervisor-1', explained, { type: 'decide-difficult', decision: 'close', explanation: '属司法程序事项，已告知诉讼途径' });

    expect(await city.ticket(ordered)).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen' });
    expect(await city.ticket(explained)).toMatchObject({ status: 'closed', outcome: { resolution: 'explained' } });
    expect(await city.lifecycleStatus(explained)).toBe('SUCCEEDED');
  });

  it('a difficult case waits for the supervision office, which re-dispatches it to a department', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();

    await city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '历史遗留违建，涉及产权争议' });
    expect(await city.ticket(id)).toMatchObject({ status: 'difficult', unitId: 'supervision' });
    await city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'redispatch', unitId: 'dept-urban-management' });

    expect(await city.ticket(id)).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', designated: true });
    expect(phasesOf(await city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Difficult', 'At the unit']);
  });

  it('an unsatisfied callback reopens the ticket once; a second one closes it unsatisfied and the lifecycle ends', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已协调' });

    await city.callback(id, { resolved: false, satisfied: false, comment: '噪音依旧' });
    expect(await city.ticket(id)).toMatchObject({ status: 'accepted', counters: { reopens: 1 } });
    await city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '再次上门协调' });
    await city.callback(id, { resolved: true, satisfied: false });

    expect(await city.ticket(id)).toMatchObject({ status: 'closed', outcome: { resolution: 'resolved', satisfaction: 'unsatisfied' } });
    expect(await city.lifecycleStatus(id)).toBe('SUCCEEDED');
    expect(phasesOf(await city.lifecyclePath(id))).toEqual([
      'Dispatch to the unit',
      'At the unit',
      'Awaiting callback',
      'Reopened',
      'Awaiting callback',
      'Closed',
    ]);
  });

  it('a callback nobody answers within 3 working days closes as no answer, not as satisfied', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();
    await city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已协调' });

    await city.timeIs('2026-11-26T10:01:00+08:00');

    expect(await city.ticket(id)).toMatchObject({ status: 'closed', outcome: { resolution: 'resolved', satisfaction: 'no-answer' } });
  });

  it('out-of-scope requests are answered and emergencies transferred, both closed at once', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const answered = await city.open({ ...noiseComplaint, category: 'OOS-002' });
    const fire = await city.open({ ...noiseComplaint, category: 'EMG-002' });

    expect(await city.ticket(answered)).toMatchObject({ status: 'closed', outcome: { resolution: 'answered' } });
    expect(await city.ticket(fire)).toMatchObject({ status: 'closed', outcome: { resolution: 'transferred', transferTo: '119' } });
    expect(await city.lifecycleStatus(fire)).toBe('SUCCEEDED');
  });

  it('a double-clicked resolve changes nothing the second time', async () => {
    const city = await cityAt('2026-11-23T10:00:00+08:00');
    const id = await city.open();

    const [first, second] = await Promise.all([
      city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已处理' }),
      city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已处理' }),
    ]);

    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((await city.ticket(id)).timeline.filter((e) => e.type === 'ticket.resolved')).toHaveLength(1);
  });

  it('an action that lands while the lifecycle moves between waits is not lost: the next wait wakes itself', async () => {
    const city = await cityAt('2026-12-21T10:00:00+08:00');
    const id = await city.open();
    const { decisionContext, taskTokens, tickets } = await import('../../functions/shared/services.js');
    const seen = await tickets.get(id);
    const waiting = await taskTokens.get(ticketWait(id));

    // The clerk resolves while no token is kept yet (as between one wait ending and the next beginning): nobody wakes.
    const clerk = { kind: 'user', userId: 'clerk-haibin-dongmen', role: 'clerk', unitId: 's-haibin-dongmen' } as const;
    await applyCommand(tickets, id, { type: 'resolve', reply: '已上门处理' }, await decisionContext(clerk));
    // Then the wait keeps its token, with the ticket version it was decided on.
    await runtime.functions.invoke('keep-task-token', { waitFor: ticketWait(id), token: waiting, seen: { ticketId: id, version: seen?.version } });
    await runtime.idle();

    expect(phasesOf(await city.lifecyclePath(id))).toEqual(['Dispatch to the unit', 'At the unit', 'Awaiting callback']);
  });
});
