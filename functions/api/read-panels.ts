// GET /v1/panels (a member's panels, open first; or the supervision office's by state and month) and GET /v1/panels/{id}.
import { now } from '../../adapters/clock.js';
import { NotFoundError } from '../../domain/errors.js';
import { listedMember, selectPanels } from '../../domain/panel/panel-listing.js';
import { panelView } from '../../domain/panel/panel-view.js';
import { monthBounds, monthOf } from '../../domain/zeroing/months.js';
import type { Panel } from '../../schemas/panel.js';
import { ListPanelsQuery } from '../../schemas/panel-query.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseQuery, pathParameter } from '../shared/http.js';
import { panels, tickets } from '../shared/services.js';

// A panel's deadline falls at most a few weeks after it convened (3 working days, holidays included).
const DEADLINE_AFTER_CONVENING_MS = 21 * 24 * 3600_000;

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  if (event.pathParameters?.id !== undefined) {
    const id = pathParameter(event, 'id', Id);
    const panel = await panels.get(id);
    if (!panel) throw new NotFoundError('panel', id);
    return json(200, panelView(panel, await tickets.get(panel.ticketId), actor));
  }
  const query = parseQuery(event, ListPanelsQuery);
  const member = listedMember(query, actor);
  let listed: { panel: Panel; voted?: boolean }[];
  if (member) listed = await panels.ofMember(member);
  else {
    // Every panel of a month (the running one by default), found by deadline in the index.
    query.month ??= monthOf(now());
    const { start, end } = monthBounds(query.month);
    listed = (await panels.between(start.toISOString(), new Date(end.getTime() + DEADLINE_AFTER_CONVENING_MS).toISOString())).map((panel) => ({ panel }));
  }
  const items = selectPanels(listed, query).map(({ panel: { votes: _secret, skipped: _skipped, ...record }, voted }) => ({ ...record, ...(voted === undefined ? {} : { voted }) }));
  return json(200, { items });
});
