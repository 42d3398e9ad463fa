// GET /v1/zeroing/campaigns, /campaigns/{YYYY-MM} (progress, or once closed its report) and /campaigns/{YYYY-MM}/entries
// (filters, paged; Accept: text/csv for the whole filtered ledger as a spreadsheet).
import { NotFoundError, ForbiddenError } from '../../domain/errors.js';
import { ledgerCsv } from '../../domain/zeroing/ledger-csv.js';
import { readsWholeLedger, scopeLedgerFilter } from '../../domain/zeroing/ledger-scope.js';
import { monthReport } from '../../domain/zeroing/month-report.js';
import { Month } from '../../schemas/common.js';
import { ListEntriesQuery } from '../../schemas/zeroing-query.js';
import { requestActor } from '../shared/actor.js';
import { csv, httpHandler, json, parseQuery, pathParameter, wantsCsv } from '../shared/http.js';
import { ledger } from '../shared/services.js';

const onlySupervision = () => new ForbiddenError('zeroing.campaigns-role', { zh: '只有市热线办可以查看清零月度汇总', en: 'only the supervision office reads the campaigns' });

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  if (event.pathParameters?.month === undefined) {
    if (!readsWholeLedger(actor)) throw onlySupervision();
    return json(200, { items: await ledger.campaigns() });
  }
  const month = pathParameter(event, 'month', Month);
  if (!event.rawPath.endsWith('/entries')) {
    if (!readsWholeLedger(actor)) throw onlySupervision();
    const campaign = await ledger.campaign(month);
    if (!campaign) throw new NotFoundError('campaign', month);
    return json(200, { ...campaign, progress: campaign.report ?? monthReport(month, await ledger.allEntries(month)) });
  }
  const { limit, cursor, ...filter } = parseQuery(event, ListEntriesQuery);
  const scoped = scopeLedgerFilter(filter, actor);
  if (wantsCsv(event)) return csv(ledgerCsv(await ledger.allEntries(month, scoped)), `zeroing-${month}.csv`);
  const page = await ledger.entries(month, scoped, { limit, cursor });
  return json(200, { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) });
});
