// The league table kept from the stream counts what the month's figures count from whole histories, once per event.
import { describe, expect, it } from 'vitest';
import { leagueTable } from '../../../domain/metrics/league-table.js';
import { type FactSet, factSets, metricFacts, type MetricFact } from '../../../domain/metrics/metric-facts.js';
import { unitMonthMetrics } from '../../../domain/metrics/unit-metrics.js';
import { TicketStory, at, clerkOf, noiseComplaint, operator, system } from '../tickets/world.js';

const monday = at('2026-11-23T10:00:00+08:00');
const dongmen = clerkOf('s-haibin-dongmen');

/** Four November lives: on time and satisfied; accepted late, resolved late, unsatisfied twice; returned and re-routed; never accepted. */
function november(): TicketStory[] {
  const good = TicketStory.open(noiseComplaint, monday, 'T-1');
  good.do(system, { type: 'dispatch' }, monday);
  good.do(dongmen, { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
  good.do(dongmen, { type: 'resolve', reply: '已处理' }, at('2026-11-24T10:00:00+08:00'));
  good.do(operator, { type: 'callback', resolved: true, satisfied: true }, at('2026-11-25T10:00:00+08:00'));

  const late = TicketStory.open(noiseComplaint, monday, 'T-2');
  late.do(system, { type: 'dispatch' }, monday);
  late.do(dongmen, { type: 'accept' }, at('2026-11-23T18:00:00+08:00'));
  late.do(dongmen, { type: 'resolve', reply: '已处理' }, at('2026-11-27T10:00:00+08:00'));
  late.do(operator, { type: 'callback', resolved: true, satisfied: false }, at('2026-11-27T11:00:00+08:00'));
  late.do(dongmen, { type: 'resolve', reply: '再次处理' }, at('2026-11-27T15:00:00+08:00'));
  late.do(operator, { type: 'callback', resolved: false, satisfied: false }, at('2026-11-27T16:00:00+08:00'));

  const returned = TicketStory.open(noiseComplaint, monday, 'T-3');
  returned.do(system, { type: 'dispatch' }, monday);
  returned.do(dongmen, { type: 'return', reason: '不属本街道', suggestedUnitId: 'dept-urban-management' }, at('2026-11-23T12:00:00+08:00'));
  returned.do(operator, { type: 'review-return', decision: 'approve' }, at('2026-11-23T13:00:00+08:00'));
  returned.do(clerkOf('dept-urban-management'), { type: 'accept' }, at('2026-11-23T14:00:00+08:00'));

  const ignored = TicketStory.open(noiseComplaint, monday, 'T-4');
  ignored.do(system, { type: 'dispatch' }, monday);
  ignored.do(system, { type: 'escalate' }, at('2026-11-24T10:00:00+08:00'));
  return [good, late, returned, ignored];
}

/** Every fact of every event, counted as the aggregates' sets count them. */
function counted(stories: TicketStory[]) {
  const facts: MetricFact[] = stories.flatMap((s) => s.events.flatMap((_e, i) => metricFacts(s.events, i)));
  const units = new Map<string, Record<FactSet, Set<string>>>();
  for (const f of facts.filter((fact) => fact.month === '2026-11')) {
    const sets = units.get(f.unitId) ?? (Object.fromEntries(factSets.map((s) => [s, new Set<string>()])) as Record<FactSet, Set<string>>);
    sets[f.set].add(f.member);
    units.set(f.unitId, sets);
  }
  return [...units].map(([unitId, sets]) => ({ unitId, counts: Object.fromEntries(factSets.map((s) => [s, sets[s].size])) as Record<FactSet, number> }));
}

describe('the league table from stream facts', () => {
  it('gives every figure the whole-history computation gives, for lives that are over', () => {
    const stories = november();
    const fromHistories = unitMonthMetrics('2026-11', stories.map((s) => ({ ticket: s.ticket, events: s.events })));
    const fromFacts = leagueTable('2026-11', counted(stories));

    // Overdue differs by design: the stream counts missed deadlines as they happen, the batch a month-end snapshot.
    const strip = ({ overdue: _o, ...rest }: Record<string, unknown>) => rest;
    for (const unit of fromHistories) {
      const { score: _s, rank: _r, ...row } = fromFacts.find((r) => r.unitId === unit.unitId) ?? { score: 0, rank: 0 };
      expect(strip(row), unit.unitId).toEqual(strip(unit as unknown as Record<string, unknown>));
    }
    expect(fromFacts.map((r) => r.unitId).sort()).toEqual(fromHistories.map((u) => u.unitId).sort());
  });

  it('adds nothing twice when an event is counted again (a replayed stream record)', () => {
    const [good] = november() as [TicketStory];
    const once = good.events.flatMap((_e, i) => metricFacts(good.events, i));
    const twice = [...once, ...good.events.flatMap((_e, i) => metricFacts(good.events, i))];

    expect(new Set(twice.map((f) => JSON.stringify(f))).size).toBe(new Set(once.map((f) => JSON.stringify(f))).size);
  });

  it('ranks by the weighted score, equal scores sharing a rank; a unit nothing was dispatched to is not ranked', () => {
    const zero = Object.fromEntries(factSets.map((s) => [s, 0])) as Record<FactSet, number>;
    const table = leagueTable('2026-11', [
      { unitId: 'b', counts: { ...zero, dispatched: 2, callbacks: 2, confirmedResolved: 2, satisfied: 2 } },
      { unitId: 'a', counts: { ...zero, dispatched: 2, callbacks: 2, confirmedResolved: 2, satisfied: 2 } },
      { unitId: 'c', counts: { ...zero, dispatched: 4, lateAcceptance: 4, callbacks: 2, confirmedResolved: 1, satisfied: 0 } },
      { unitId: 'idle', counts: { ...zero, overdue: 1 } },
    ]);

    expect(table.map((r) => [r.unitId, r.rank, r.score])).toEqual([
      ['a', 1, 100],
      ['b', 1, 100],
      // Response 0 (weight 0.2), resolution 0.5 (0.25), satisfaction 0 (0.25); the rates with nothing under them left out.
      ['c', 3, 17.86],
    ]);
  });
});
