// What a ticket's writes change on the supervision board: the gauge it is open in, and its district's day series.
import { describe, expect, it } from 'vitest';
import { boardChanges, missedDeadline } from '../../../domain/board/board-changes.js';
import type { Ticket } from '../../../schemas/ticket.js';
import { TicketStory, at, clerkOf, noiseComplaint, operator, system } from '../tickets/world.js';
import { MemoryBoardCounts } from './board-counts.js';

const dongmen = clerkOf('s-haibin-dongmen');
const gauge = (level: 1 | 2 | 3, districtId = 'd-haibin') => ({ kind: 'open', districtId, level }) as const;
const day = (date: string, series: 'created' | 'overdue' | 'closed', districtId = 'd-haibin') => ({ kind: 'day', date, districtId, series }) as const;

/** A story and every image of its ticket, one per write, as the Tickets stream carries them. */
function recorded(id: string, opened: Date, body = noiseComplaint) {
  const story = TicketStory.open(body, opened, id);
  const images: Ticket[] = [story.ticket];
  return {
    story,
    images,
    do(...args: Parameters<TicketStory['do']>) {
      story.do(...args);
      images.push(story.ticket);
      return this;
    },
    /** Each write as a stream record's old and new image. */
    writes: (): [Ticket | undefined, Ticket][] => images.map((image, i) => [images[i - 1], image]),
  };
}

describe('the board changes of a ticket write', () => {
  it('counts a new ticket open at level 1 in its district, and created on its Beijing day', () => {
    // 01:30 on Tuesday in Beijing is still Monday in UTC.
    const { story } = recorded('T-1', at('2026-11-23T17:30:00Z'));

    expect(boardChanges(undefined, story.ticket)).toEqual([
      { counter: gauge(1), member: 'T-1', delta: 1 },
      { counter: day('2026-11-24', 'created'), member: 'T-1', delta: 1 },
    ]);
  });

  it('moves a ticket escalated for a missed deadline up a level, and counts it overdue on the day it escalated', () => {
    const t = recorded('T-1', at('2026-11-23T10:00:00+08:00')).do(system, { type: 'dispatch' }, at('2026-11-23T10:00:00+08:00'));
    const before = t.story.ticket;

    t.do(system, { type: 'escalate' }, at('2026-11-24T10:05:00+08:00'));

    expect(boardChanges(before, t.story.ticket)).toEqual([
      { counter: gauge(1), member: 'T-1', delta: -1 },
      { counter: gauge(2), member: 'T-1', delta: 1 },
      { counter: day('2026-11-24', 'overdue'), member: 'T-1#1', delta: 1 },
    ]);
  });

  it('does not count a whistle for help as overdue, nor the escalation an old whistle came with', () => {
    const t = recorded('T-1', at('2026-11-23T10:00:00+08:00')).do(system, { type: 'dispatch' }, at('2026-11-23T10:00:00+08:00'));
    t.do(dongmen, { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
    const before = t.story.ticket;
    t.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, at('2026-11-23T12:00:00+08:00'));

    expect(boardChanges(before, t.story.ticket)).toEqual([]);
    // Before report-in, a whistle escalated to the district in the same write.
    const legacy: Ticket = { ...before, level: 2, unitId: 'd-haibin', counters: { ...before.counters, escalations: 1 }, whistledDepartmentIds: ['dept-urban-management'] };
    expect(missedDeadline(before, legacy)).toBe(false);
    expect(missedDeadline(before, { ...legacy, whistledDepartmentIds: [] })).toBe(true);
  });

  it('takes a closed ticket off the board and counts it closed on the day it closed', () => {
    const t = recorded('T-1', at('2026-11-23T10:00:00+08:00')).do(system, { type: 'dispatch' }, at('2026-11-23T10:00:00+08:00'));
    t.do(dongmen, { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
    t.do(dongmen, { type: 'resolve', reply: '已协调停工' }, at('2026-11-24T15:00:00+08:00'));
    const before = t.story.ticket;

    t.do(operator, { type: 'callback', resolved: true, satisfied: true }, at('2026-11-25T09:00:00+08:00'));

    expect(t.story.ticket.status).toBe('closed');
    expect(boardChanges(before, t.story.ticket)).toEqual([
      { counter: gauge(1), member: 'T-1', delta: -1 },
      { counter: day('2026-11-25', 'closed'), member: `T-1#${t.story.ticket.version}`, delta: 1 },
    ]);
  });

  it('counts a ticket answered at intake (never open) as created and closed, in no gauge', () => {
    const { story } = recorded('T-1', at('2026-11-23T10:00:00+08:00'));
    const answered: Ticket = { ...story.ticket, status: 'closed', closedAt: story.ticket.createdAt };

    expect(boardChanges(undefined, answered).map((c) => c.counter)).toEqual([day('2026-11-23', 'created'), day('2026-11-23', 'closed')]);
  });

  it('changes nothing for a write that moves the ticket between no gauges or days (an acceptance, a reply)', () => {
    const t = recorded('T-1', at('2026-11-23T10:00:00+08:00')).do(system, { type: 'dispatch' }, at('2026-11-23T10:00:00+08:00'));
    t.do(dongmen, { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
    t.do(dongmen, { type: 'resolve', reply: '已协调停工' }, at('2026-11-24T15:00:00+08:00'));

    expect(t.writes().slice(1).map(([before, after]) => boardChanges(before, after))).toEqual([[], [], []]);
  });
});

describe('replayed stream records', () => {
  /** Two tickets' lives: one escalates twice and is designated back, the other is handled and closed. */
  function twoLives() {
    const monday = at('2026-11-23T10:00:00+08:00');
    const late = recorded('T-late', monday).do(system, { type: 'dispatch' }, monday);
    late.do(system, { type: 'escalate' }, at('2026-11-24T10:05:00+08:00'));
    late.do(system, { type: 'escalate' }, at('2026-11-25T10:10:00+08:00'));
    const nanhu = { ...noiseComplaint, location: { districtId: 'd-nanhu', streetId: 's-nanhu-cuiliu', address: '翠柳公园' } };
    const good = recorded('T-good', monday, nanhu).do(system, { type: 'dispatch' }, monday);
    good.do(clerkOf('s-nanhu-cuiliu'), { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
    good.do(clerkOf('s-nanhu-cuiliu'), { type: 'resolve', reply: '已处理' }, at('2026-11-24T11:00:00+08:00'));
    good.do(operator, { type: 'callback', resolved: true, satisfied: true }, at('2026-11-25T11:00:00+08:00'));
    return [late.writes(), good.writes()];
  }

  it('counts each life once: open where it ended, every escalation and closing on its day', () => {
    const counts = new MemoryBoardCounts();
    for (const writes of twoLives()) for (const [before, after] of writes) counts.apply(boardChanges(before, after));

    expect(counts.counts()).toEqual({
      'open#d-haibin#3': 1,
      'day#2026-11-23#d-haibin#created': 1,
      'day#2026-11-24#d-haibin#overdue': 1,
      'day#2026-11-25#d-haibin#overdue': 1,
      'day#2026-11-23#d-nanhu#created': 1,
      'day#2026-11-25#d-nanhu#closed': 1,
    });
  });

  it('applies nothing when a record comes twice in a row', () => {
    for (const writes of twoLives()) {
      const counts = new MemoryBoardCounts();
      for (const [i, [before, after]] of writes.entries()) {
        counts.apply(boardChanges(before, after));
        const once = counts.counts();
        expect(counts.apply(boardChanges(before, after)).applied, `write ${i} again`).toBe(0);
        expect(counts.counts()).toEqual(once);
      }
    }
  });

  it('ends where it ended when a run of records is replayed in order from any point (a retried batch)', () => {
    const lives = twoLives();
    const counts = new MemoryBoardCounts();
    for (const writes of lives) for (const [before, after] of writes) counts.apply(boardChanges(before, after));
    const settled = counts.counts();

    for (const writes of lives) {
      // An early record may move the ticket back for a moment; the later ones, replayed too, move it on again.
      for (let k = 0; k < writes.length; k++) {
        for (const [before, after] of writes.slice(k)) counts.apply(boardChanges(before, after));
        expect(counts.counts(), `replayed from write ${k}`).toEqual(settled);
      }
    }
  });
});
