// The board's counters in memory, with the store's rule (a member enters a set it is not in, leaves one it is in), and a
// BoardSource over them whose index counts a test sets by hand.
import { type BoardChange, type BoardCounter, daySeries, type DaySeries } from '../../../domain/board/board-changes.js';
import type { BoardSource, DayCount, GaugeCount } from '../../../domain/board/read-board.js';
import type { EscalationLevel } from '../../../schemas/common.js';

const keyOf = (c: BoardCounter) => (c.kind === 'open' ? `open#${c.districtId}#${c.level}` : `day#${c.date}#${c.districtId}#${c.series}`);

export class MemoryBoardCounts {
  readonly sets = new Map<string, Set<string>>();

  /** Applies what it may: a change whose member is already where it would put it is skipped, as a failed condition. */
  apply(changes: readonly BoardChange[]): { applied: number; skipped: number } {
    let applied = 0;
    for (const { counter, member, delta } of changes) {
      const set = this.sets.get(keyOf(counter)) ?? new Set<string>();
      if (delta > 0 ? set.has(member) : !set.has(member)) continue;
      if (delta > 0) set.add(member);
      else set.delete(member);
      this.sets.set(keyOf(counter), set);
      applied++;
    }
    return { applied, skipped: changes.length - applied };
  }

  /** Every counter that is not zero, by its key. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.sets].filter(([, s]) => s.size > 0).map(([k, s]) => [k, s.size]));
  }

  gauges(): GaugeCount[] {
    return [...this.sets].flatMap(([key, set]) => {
      const [kind, districtId = '', level] = key.split('#');
      return kind === 'open' ? [{ districtId, level: Number(level) as EscalationLevel, n: set.size }] : [];
    });
  }

  days(from: string, to: string): DayCount[] {
    return [...this.sets].flatMap(([key, set]) => {
      const [kind, date = '', districtId = '', series = ''] = key.split('#');
      return kind === 'day' && date >= from && date <= to && daySeries.includes(series as DaySeries) ? [{ date, districtId, series: series as DaySeries, n: set.size }] : [];
    });
  }
}

export interface IndexCounts {
  overdue: number;
  dueSoon: number;
  extensions: number;
  difficult: number;
  returns: number;
  undelivered: number;
}

/** A BoardSource over the counters, with the index counts given per district (`city` for the whole city). */
export function memorySource(counts: MemoryBoardCounts, byDistrict: Record<string, Partial<IndexCounts>>, calls: unknown[][] = []): BoardSource {
  const of = (districtId: string | undefined, key: keyof IndexCounts) => byDistrict[districtId ?? 'city']?.[key] ?? 0;
  return {
    gauges: async () => counts.gauges(),
    days: async (from, to) => counts.days(from, to),
    inHandDue: async (range, districtId) => {
      calls.push(['inHandDue', range, districtId]);
      return of(districtId, range.from === undefined ? 'overdue' : 'dueSoon');
    },
    pendingExtensions: async (districtId) => of(districtId, 'extensions'),
    inStatus: async (status, districtId) => of(districtId, status === 'difficult' ? 'difficult' : 'returns'),
    undelivered: async (unitIds) => {
      calls.push(['undelivered', unitIds]);
      return of(unitIds === undefined ? undefined : 'units', 'undelivered');
    },
  };
}
