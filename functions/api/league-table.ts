// GET /v1/metrics/units?month=YYYY-MM: the month's league table of units from the stream-kept aggregates (JSON, or
// CSV for `Accept: text/csv`); the supervision office reads every unit, a unit its own row.
import { now } from '../../adapters/clock.js';
import { ForbiddenError } from '../../domain/errors.js';
import { leagueCsv, leagueTable } from '../../domain/metrics/league-table.js';
import { readsWholeLedger } from '../../domain/zeroing/ledger-scope.js';
import { monthOf } from '../../domain/zeroing/months.js';
import { LeagueTableQuery } from '../../schemas/metrics-query.js';
import { requestActor } from '../shared/actor.js';
import { csv, httpHandler, json, parseQuery, wantsCsv } from '../shared/http.js';
import { unitMetrics } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const month = parseQuery(event, LeagueTableQuery).month ?? monthOf(now());
  const table = leagueTable(month, await unitMetrics.month(month));
  let rows = table;
  if (!readsWholeLedger(actor)) {
    if (!actor.unitId || (actor.role !== 'clerk' && actor.role !== 'coordinator')) {
      throw new ForbiddenError('metrics.role', { zh: '只有市热线办可以查看排名全表；承办单位只能查看本单位', en: 'only the supervision office reads the whole league table; a unit reads its own row' });
    }
    rows = table.filter((row) => row.unitId === actor.unitId);
  }
  if (wantsCsv(event)) return csv(leagueCsv(rows), `league-${month}.csv`);
  return json(200, { month, units: rows.length, items: rows });
});
