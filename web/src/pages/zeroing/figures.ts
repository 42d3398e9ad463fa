// The campaign's figures and its burn-down to zero, from what the screen has: the API's report when the month has a
// campaign record, and the loaded entries for everything by day.
import type { MonthReport, UnitZeroing } from '../../../../domain/zeroing/month-report.js';
import { monthBounds } from '../../../../domain/zeroing/months.js';
import type { LedgerEntry } from '../../../../schemas/zeroing.js';

/** What the screen shows of a campaign: the API's report, or the same figures counted here. */
export type Figures = Pick<MonthReport, 'entered' | 'carriedOver' | 'cleared' | 'explained' | 'open' | 'clearanceRate' | 'redList'> & { byUnit: UnitZeroing[] };

/**
 * The figures of `entries`, for a month without a campaign record (the record is written when a month opens, so the
 * first month the system runs has entries but none) and for a unit, which may not read the campaign. Counted here
 * rather than by the domain's monthReport, which would bring the schema library into the browser for one enum.
 */
export function figuresOf(entries: readonly LedgerEntry[]): Figures {
  const units = new Map<string, UnitZeroing>();
  let cleared = 0;
  let explained = 0;
  let carriedOver = 0;
  for (const entry of entries) {
    const unit = units.get(entry.unitId) ?? { unitId: entry.unitId, entered: 0, cleared: 0, explained: 0, open: 0 };
    unit.entered++;
    unit[entry.status]++;
    units.set(entry.unitId, unit);
    if (entry.status === 'cleared') cleared++;
    if (entry.status === 'explained') explained++;
    if (entry.carriedFrom !== undefined) carriedOver++;
  }
  const byUnit = [...units.values()].sort((a, b) => b.open - a.open || a.unitId.localeCompare(b.unitId));
  const entered = entries.length;
  return {
    entered,
    carriedOver,
    cleared,
    explained,
    open: entered - cleared - explained,
    clearanceRate: entered === 0 ? 1 : (cleared + explained) / entered,
    byUnit,
    redList: byUnit.filter((u) => u.open > 0).map(({ unitId, open }) => ({ unitId, open })),
  };
}

export interface BurnDown {
  /** Each day of the month, `M/D`. */
  days: string[];
  /** Entries on the ledger and not yet cleared at the end of each day (at `now` for today); null for days to come. */
  open: (number | null)[];
  /** Entries listed so far at the end of each day: what had to be cleared. */
  listed: (number | null)[];
}

const dayMs = 86_400_000;

/**
 * Entries open at the end of each day of the month. The campaign record keeps no daily series (its report is taken
 * once, when the month closes), so the days are rebuilt from each entry's `enteredAt` and `clearedAt`: an entry is
 * open on a day when it was listed by the day's end and not yet cleared or explained by then.
 */
export function burnDown(month: string, entries: readonly LedgerEntry[], now: Date): BurnDown {
  const { start, end } = monthBounds(month);
  const count = Math.round((end.getTime() - start.getTime()) / dayMs);
  const monthIndex = Number(month.slice(5));
  const result: BurnDown = { days: [], open: [], listed: [] };
  for (let day = 0; day < count; day++) {
    const dayStart = start.getTime() + day * dayMs;
    const cut = Math.min(dayStart + dayMs, now.getTime());
    result.days.push(`${monthIndex}/${day + 1}`);
    if (dayStart > now.getTime()) {
      result.open.push(null);
      result.listed.push(null);
      continue;
    }
    const listed = entries.filter((e) => Date.parse(e.enteredAt) < cut);
    result.listed.push(listed.length);
    result.open.push(listed.filter((e) => e.clearedAt === undefined || Date.parse(e.clearedAt) >= cut).length);
  }
  return result;
}
