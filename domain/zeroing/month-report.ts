// The figures of a month's zeroing campaign, as the supervision office reports them.
import { LedgerReason, type LedgerEntry } from '../../schemas/zeroing.js';

export interface UnitZeroing {
  unitId: string;
  entered: number;
  cleared: number;
  explained: number;
  open: number;
}

export interface MonthReport {
  month: string;
  entered: number;
  carriedOver: number;
  /** Entries that joined during the month (entered less carried over). */
  added: number;
  cleared: number;
  explained: number;
  open: number;
  /** (cleared + explained) / entered; 1 when nothing entered, since an empty ledger is fully clear. */
  clearanceRate: number;
  /** Units with the most open entries first. */
  byUnit: UnitZeroing[];
  /** The same figures per district of the tickets' addresses. */
  byDistrict: (Omit<UnitZeroing, 'unitId'> & { districtId: string })[];
  /** The month's red list: units with entries left open, most first. */
  redList: { unitId: string; open: number }[];
  byReason: Record<LedgerReason, number>;
}

/** Summarises the ledger entries of `month` (entries of other months are ignored). */
export function monthReport(month: string, entries: LedgerEntry[]): MonthReport {
  const own = entries.filter((e) => e.month === month);
  const byReason = Object.fromEntries(LedgerReason.options.map((r) => [r, 0])) as Record<LedgerReason, number>;
  const units = new Map<string, UnitZeroing>();
  let carriedOver = 0;
  let cleared = 0;
  let explained = 0;
  let open = 0;

  for (const entry of own) {
    byReason[entry.reason]++;
    if (entry.carriedFrom !== undefined) carriedOver++;
    let unit = units.get(entry.unitId);
    if (!unit) {
      unit = { unitId: entry.unitId, entered: 0, cleared: 0, explained: 0, open: 0 };
      units.set(entry.unitId, unit);
    }
    unit.entered++;
    unit[entry.status]++;
    if (entry.status === 'cleared') cleared++;
    else if (entry.status === 'explained') explained++;
    else open++;
  }

  const byUnit = [...units.values()].sort(
    (a, b) => b.open - a.open || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  const entered = own.length;
  return {
    month,
    entered,
    carriedOver,
    added: entered - carriedOver,
    cleared,
    explained,
    open,
    clearanceRate: entered === 0 ? 1 : (cleared + explained) / entered,
    byUnit,
    byDistrict: byDistrictOf(own),
    redList: byUnit.filter((u) => u.open > 0).map(({ unitId, open: left }) => ({ unitId, open: left })),
    byReason,
  };
}

function byDistrictOf(entries: LedgerEntry[]): MonthReport['byDistrict'] {
  const districts = new Map<string, MonthReport['byDistrict'][number]>();
  for (const entry of entries) {
    const districtId = entry.districtId ?? 'unknown';
    const row = districts.get(districtId) ?? { districtId, entered: 0, cleared: 0, explained: 0, open: 0 };
    row.entered++;
    row[entry.status]++;
    districts.set(districtId, row);
  }
  return [...districts.values()].sort((a, b) => b.open - a.open || (a.districtId < b.districtId ? -1 : 1));
}
