// The board as the supervision office and a district read it, from the counters and the index counts alone.
import { describe, expect, it } from 'vitest';
import type { BoardChange } from '../../../domain/board/board-changes.js';
import { boardScope, readBoard } from '../../../domain/board/read-board.js';
import type { UserActor } from '../../../schemas/actor.js';
import type { Role } from '../../../schemas/common.js';
import { city, refusal } from '../tickets/world.js';
import { MemoryBoardCounts, memorySource } from './board-counts.js';

// 09:00 on Thursday 26 November in Beijing, still the 26th in UTC too.
const now = new Date('2026-11-26T01:00:00Z');
const open = (districtId: string, level: 1 | 2 | 3, member: string): BoardChange => ({ counter: { kind: 'open', districtId, level }, member, delta: 1 });
const day = (date: string, districtId: string, series: 'created' | 'overdue' | 'closed', member: string): BoardChange => ({ counter: { kind: 'day', date, districtId, series }, member, delta: 1 });
const person = (role: Role, unitId?: string): UserActor => ({ kind: 'user', userId: `${role}-1`, role, ...(unitId ? { unitId } : {}) });

/** Five open in Haibin (one at the district, one at the city), two in Nanhu; a few days of intake, escalations and closings. */
function aCity() {
  const counts = new MemoryBoardCounts();
  counts.apply([
    ...['h1', 'h2', 'h3'].map((id) => open('d-haibin', 1, id)),
    open('d-haibin', 2, 'h4'),
    open('d-haibin', 3, 'h5'),
    open('d-nanhu', 1, 'n1'),
    open('d-nanhu', 1, 'n2'),
    // Outside the 14 days: 12 November.
    day('2026-11-12', 'd-haibin', 'created', 'old'),
    day('2026-11-13', 'd-haibin', 'created', 'h1'),
    day('2026-11-13', 'd-nanhu', 'created', 'n1'),
    day('2026-11-25', 'd-haibin', 'overdue', 'h4#1'),
    day('2026-11-26', 'd-haibin', 'overdue', 'h5#2'),
    day('2026-11-26', 'd-nanhu', 'closed', 'n0#9'),
  ]);
  return counts;
}

describe('the board', () => {
  it('shows the city: open tickets by level and by district (every district, zeros too), deadlines from the counts, and the pending queues', async () => {
    const source = memorySource(aCity(), { city: { overdue: 1, dueSoon: 2, extensions: 3, difficult: 1, returns: 2, undelivered: 4 } });

    const board = await readBoard(source, city, now, {});

    expect(board.asOf).toBe('2026-11-26T01:00:00.000Z');
    expect(board.strip).toEqual({ open: 7, overdue: 1, dueSoon: 2, onTime: 4 });
    expect(board.byLevel).toEqual([
      { level: 1, open: 5 },
      { level: 2, open: 1 },
      { level: 3, open: 1 },
    ]);
    expect(board.byDistrict).toEqual([
      { districtId: 'd-haibin', name: { zh: '海滨区', en: 'Haibin District' }, open: 5, levels: { '1': 3, '2': 1, '3': 1 } },
      { districtId: 'd-qiaodong', name: { zh: '桥东区', en: 'Qiaodong District' }, open: 0, levels: { '1': 0, '2': 0, '3': 0 } },
      { districtId: 'd-qingshan', name: { zh: '青山区', en: 'Qingshan District' }, open: 0, levels: { '1': 0, '2': 0, '3': 0 } },
      { districtId: 'd-nanhu', name: { zh: '南湖区', en: 'Nanhu District' }, open: 2, levels: { '1': 2, '2': 0, '3': 0 } },
    ]);
    expect(board.pending).toEqual({ extensions: 3, difficult: 1, returns: 2, undelivered: 4 });
  });

  it('asks for overdue as due before now and due soon as due within the next 24 hours', async () => {
    const calls: unknown[][] = [];
    await readBoard(memorySource(aCity(), {}, calls), city, now, {});

    expect(calls.filter(([what]) => what === 'inHandDue')).toEqual([
      ['inHandDue', { to: '2026-11-26T01:00:00.000Z' }, undefined],
      ['inHandDue', { from: '2026-11-26T01:00:00.000Z', to: '2026-11-27T01:00:00.000Z' }, undefined],
    ]);
  });

  it('shows the last 14 Beijing days oldest first, today last, with zeros for days with nothing', async () => {
    // 23:30 UTC on the 25th is 07:30 on the 26th in Beijing: today is the 26th.
    const board = await readBoard(memorySource(aCity(), {}), city, new Date('2026-11-25T23:30:00Z'), {});

    expect(board.days).toHaveLength(14);
    expect(board.days[0]).toEqual({ date: '2026-11-13', created: 2, overdue: 0, closed: 0 });
    expect(board.days.at(-2)).toEqual({ date: '2026-11-25', created: 0, overdue: 1, closed: 0 });
    expect(board.days.at(-1)).toEqual({ date: '2026-11-26', created: 0, overdue: 1, closed: 1 });
    expect(board.days.slice(1, -2).every((d) => d.created + d.overdue + d.closed === 0)).toBe(true);
  });

  it('never shows a negative on-time count when the counts run ahead of the gauges', async () => {
    const board = await readBoard(memorySource(aCity(), { city: { overdue: 5, dueSoon: 4 } }), city, now, {});

    expect(board.strip).toEqual({ open: 7, overdue: 5, dueSoon: 4, onTime: 0 });
  });

  it("shows a district coordinator its own district only: its gauges, days, deadlines and queues, and its units' undelivered notifications", async () => {
    const calls: unknown[][] = [];
    const source = memorySource(aCity(), { city: { overdue: 9, extensions: 9 }, 'd-nanhu': { overdue: 1, dueSoon: 0, extensions: 1 }, units: { undelivered: 2 } }, calls);

    const board = await readBoard(source, city, now, boardScope(person('coordinator', 'd-nanhu')));

    expect(board.strip).toEqual({ open: 2, overdue: 1, dueSoon: 0, onTime: 1 });
    expect(board.byLevel).toEqual([
      { level: 1, open: 2 },
      { level: 2, open: 0 },
      { level: 3, open: 0 },
    ]);
    expect(board.byDistrict.map((d) => d.districtId)).toEqual(['d-nanhu']);
    expect(board.days.at(-1)).toEqual({ date: '2026-11-26', created: 0, overdue: 0, closed: 1 });
    expect(board.pending).toMatchObject({ extensions: 1, undelivered: 2 });
    const [, units] = calls.find(([what]) => what === 'undelivered') as [string, string[]];
    expect(units).toEqual(['d-nanhu', 's-nanhu-hubin', 's-nanhu-cuiliu', 's-nanhu-xingang', 's-nanhu-bailuzhou']);
  });
});

describe('who reads the board', () => {
  it('the supervision office, administrators and operators read the whole city; a coordinator its district', () => {
    expect(boardScope(person('supervisor', 'supervision'))).toEqual({});
    expect(boardScope(person('admin'))).toEqual({});
    expect(boardScope(person('operator'))).toEqual({});
    expect(boardScope(person('coordinator', 'd-haibin'))).toEqual({ districtId: 'd-haibin' });
  });

  it('refuses clerks and panel members, and a coordinator with no district, in both languages', () => {
    const clerk = refusal(() => boardScope(person('clerk', 's-haibin-dongmen')));
    expect(clerk).toMatchObject({ status: 403, rule: 'board.role' });
    expect(clerk.text.zh).toContain('承办单位工作人员不能查看督办大屏');
    expect(clerk.text.en).toContain('a clerk reads no board');
    expect(refusal(() => boardScope(person('panelist')))).toMatchObject({ status: 403, rule: 'board.role' });
    expect(refusal(() => boardScope(person('coordinator')))).toMatchObject({ status: 403, rule: 'board.no-district' });
  });
});
