// The month's league table of units: each unit's figures from its counted sets, a weighted score, and its rank.
import { toCsv } from '../spreadsheet.js';
import type { UnitMetrics } from './unit-metrics.js';
import type { FactSet } from './metric-facts.js';

/** How much each rate weighs in the score; a rate with nothing under it is left out and the rest re-weighed. */
export const scoreWeights = { responseRate: 0.2, onTimeCompletionRate: 0.2, firstDispatchAccuracy: 0.1, resolutionRate: 0.25, satisfactionRate: 0.25 } as const;

export type LeagueRow = UnitMetrics & { score: number | null; rank: number };

/** Every unit's row, best score first (units with no rate at all last), ranks shared by equal scores. */
export function leagueTable(month: string, counted: { unitId: string; counts: Record<FactSet, number> }[]): LeagueRow[] {
  // As unit-metrics.ts: a unit is in a month's table once a ticket was dispatched to it that month.
  const rows = counted.filter(({ counts }) => counts.dispatched > 0).map(({ unitId, counts: c }) => {
    // A dispatch still inside its acceptance time is neither: the rate is of the dispatches answered or missed.
    const acceptedOnTime = c.acceptedOnTime;
    const resolvedOnTime = c.resolved - c.lateResolution;
    const firstDispatchKept = c.firstDispatched - c.returnedFirst;
    const metrics: UnitMetrics = {
      month,
      unitId,
      dispatched: c.dispatched,
      acceptedOnTime,
      responseRate: rate(acceptedOnTime, acceptedOnTime + c.lateAcceptance),
      resolved: c.resolved,
      resolvedOnTime,
      onTimeCompletionRate: rate(resolvedOnTime, c.resolved),
      firstDispatched: c.firstDispatched,
      firstDispatchKept,
      firstDispatchAccuracy: rate(firstDispatchKept, c.firstDispatched),
      callbacks: c.callbacks,
      confirmedResolved: c.confirmedResolved,
      satisfied: c.satisfied,
      resolutionRate: rate(c.confirmedResolved, c.callbacks),
      satisfactionRate: rate(c.satisfied, c.callbacks),
      noAnswer: c.noAnswer,
      overdue: c.overdue,
    };
    return { ...metrics, score: score(metrics) };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.unitId < b.unitId ? -1 : 1));
  return rows.map((row) => ({ ...row, rank: rows.findIndex((r) => r.score === row.score) + 1 }));
}

function score(m: UnitMetrics): number | null {
  const parts = Object.entries(scoreWeights).flatMap(([key, weight]) => {
    const value = m[key as keyof typeof scoreWeights];
    return value === null ? [] : [{ value, weight }];
  });
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return total === 0 ? null : Math.round((parts.reduce((sum, p) => sum + p.value * p.weight, 0) / total) * 10000) / 100;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.max(0, part) / whole;
}

const columns: [keyof LeagueRow, string][] = [
  ['rank', '排名'],
  ['unitId', '单位'],
  ['score', '综合得分'],
  ['dispatched', '派单量'],
  ['responseRate', '响应率'],
  ['onTimeCompletionRate', '按时办结率'],
  ['firstDispatchAccuracy', '首派准确率'],
  ['resolutionRate', '解决率'],
  ['satisfactionRate', '满意率'],
  ['overdue', '超期件数'],
];

/** The table as CSV for Excel, rates as percentages. */
export function leagueCsv(rows: LeagueRow[]): string {
  const cell = (row: LeagueRow, key: keyof LeagueRow) => {
    const value = row[key];
    if (value === null) return '';
    return key.endsWith('Rate') || key === 'firstDispatchAccuracy' ? `${Math.round(Number(value) * 1000) / 10}%` : String(value);
  };
  const lines = [columns.map(([, name]) => name), ...rows.map((row) => columns.map(([key]) => cell(row, key)))];
  return toCsv(lines);
}
