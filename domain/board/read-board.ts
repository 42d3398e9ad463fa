// GET /v1/board's figures: the open-ticket gauges and day series the Tickets stream keeps, and counts of a few small index
// ranges (deadlines near or past, the office's pending queues), for the whole city or one district. Nothing here reads
// the open tickets themselves, so the board costs the same with ten tickets open or a hundred thousand.
import type { Board, BoardDistrict } from '../../schemas/board.js';
import type { UserActor } from '../../schemas/actor.js';
import type { EscalationLevel, Role } from '../../schemas/common.js';
import type { CityDirectory } from '../city-directory.js';
import { ForbiddenError } from '../errors.js';
import { roleNames } from '../tickets/names.js';
import { lastBeijingDays } from '../time/beijing-time.js';
import type { DaySeries } from './board-changes.js';

/** How many Beijing days the board's series show, today last. */
export const BOARD_DAYS = 14;
const DUE_SOON_MS = 24 * 3600_000;
const LEVELS: readonly EscalationLevel[] = [1, 2, 3];
const CITY_WIDE: readonly Role[] = ['supervisor', 'admin', 'operator'];

/** The part of the city a board shows: all of it, or one district. */
export interface BoardScope {
  districtId?: string;
}

export interface GaugeCount {
  districtId: string;
  level: EscalationLevel;
  n: number;
}

export interface DayCount {
  date: string;
  districtId: string;
  series: DaySeries;
  n: number;
}

/** Port: where the board's figures come from (adapters/dynamodb/board-source.ts). A `districtId` narrows a count to that district. */
export interface BoardSource {
  /** Every open-ticket gauge: one count per district and level. */
  gauges(): Promise<GaugeCount[]>;
  /** Every district's day series from `from` to `to` (Beijing dates, both included). */
  days(from: string, to: string): Promise<DayCount[]>;
  /** Tickets in hand whose completion deadline is at or after `from` (any, when absent) and before `to` (ISO instants). */
  inHandDue(range: { from?: string; to: string }, districtId?: string): Promise<number>;
  /** Extension requests nobody decided yet. */
  pendingExtensions(districtId?: string): Promise<number>;
  /** Tickets waiting in one of the office's states. */
  inStatus(status: 'difficult' | 'return-review', districtId?: string): Promise<number>;
  /** Notifications given up on, of these units only when given. */
  undelivered(unitIds?: readonly string[]): Promise<number>;
}

/** Who reads the board and how much of it: operators, the supervision office and administrators the city, a coordinator its district. */
export function boardScope(actor: UserActor): BoardScope {
  if (CITY_WIDE.includes(actor.role)) return {};
  if (actor.role !== 'coordinator') {
    throw new ForbiddenError('board.role', {
      zh: `${roleNames[actor.role].zh}不能查看督办大屏：大屏供市热线办、话务员、系统管理员和区级协调员查看`,
      en: `a ${roleNames[actor.role].en} reads no board: it is for the supervision office, operators, administrators and district coordinators`,
    });
  }
  if (!actor.unitId) {
    throw new ForbiddenError('board.no-district', { zh: '登录凭证中没有所属区的区级协调员不能查看督办大屏', en: 'a coordinator without a district in their token reads no board' });
  }
  return { districtId: actor.unitId };
}

/** The board as of `now`, for the scope: every district of the city named (with zeros), the last 14 Beijing days, oldest first. */
export async function readBoard(source: BoardSource, city: CityDirectory, now: Date, scope: BoardScope): Promise<Board> {
  const { districtId } = scope;
  const dates = lastBeijingDays(now, BOARD_DAYS);
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  const inScope = <T extends { districtId: string }>(rows: T[]) => (districtId === undefined ? rows : rows.filter((r) => r.districtId === districtId));
  const ownUnits = districtId === undefined ? undefined : city.allUnits().filter((u) => u.id === districtId || u.districtId === districtId).map((u) => u.id);
  const [gauges, days, overdue, dueSoon, extensions, difficult, returns, undelivered] = await Promise.all([
    source.gauges().then(inScope),
    source.days(dates[0] as string, dates.at(-1) as string).then(inScope),
    source.inHandDue({ to: nowIso }, districtId),
    source.inHandDue({ from: nowIso, to: soon }, districtId),
    source.pendingExtensions(districtId),
    source.inStatus('difficult', districtId),
    source.inStatus('return-review', districtId),
    source.undelivered(ownUnits),
  ]);

  const open = sum(gauges.map((g) => g.n));
  return {
    asOf: nowIso,
    strip: { open, overdue, dueSoon, onTime: Math.max(0, open - overdue - dueSoon) },
    byLevel: LEVELS.map((level) => ({ level, open: sum(gauges.filter((g) => g.level === level).map((g) => g.n)) })),
    byDistrict: districtsOf(city, gauges, districtId),
    days: dates.map((date) => {
      const of = (series: DaySeries) => sum(days.filter((d) => d.date === date && d.series === series).map((d) => d.n));
      return { date, created: of('created'), overdue: of('overdue'), closed: of('closed') };
    }),
    pending: { extensions, difficult, returns, undelivered },
  };
}

/** Each district's open tickets by level: the directory's districts in its order, then any other district a ticket names. */
function districtsOf(city: CityDirectory, gauges: GaugeCount[], only: string | undefined): BoardDistrict[] {
  const known = city.allUnits().filter((u) => u.type === 'district');
  const others = [...new Set(gauges.map((g) => g.districtId))].filter((id) => !known.some((u) => u.id === id));
  const named = [...known.map((u) => ({ id: u.id, name: u.name })), ...others.map((id) => ({ id, name: { zh: id, en: id } }))];
  return named
    .filter((d) => only === undefined || d.id === only)
    .map(({ id, name }) => {
      const at = (level: EscalationLevel) => sum(gauges.filter((g) => g.districtId === id && g.level === level).map((g) => g.n));
      const levels = { '1': at(1), '2': at(2), '3': at(3) };
      return { districtId: id, name: { zh: name.zh, en: name.en }, open: levels['1'] + levels['2'] + levels['3'], levels };
    });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
