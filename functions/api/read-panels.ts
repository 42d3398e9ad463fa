// GET /v1/panels (a member's panels, open first; or the supervision office's by state and month) and GET /v1/panels/{id}.
import { now } from '../../adapters/clock.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { beijingMonth, panelView } from '../../domain/panel/panel-view.js';
import { ListPanelsQuery } from '../../schemas/panel-query.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseQuery } from '../shared/http.js';
import { panels, tickets } from '../shared/services.js';

// A panel's deadline falls at most a few weeks after it convened (3 working days, holidays included).
const DEADLINE_AFTER_CONVENING_MS = 21 * 24 * 3600_000;

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const id = event.pathParameters?.id;
  if (id) {
    const panel = await panels.get(id);
    if (!panel) throw new NotFoundError('panel', id);
    return json(200, panelView(panel, await tickets.get(panel.ticketId), actor));
  }
  const query = parseQuery(event, ListPanelsQuery);
  const member = query.member === 'me' || (query.member === undefined && actor.role === 'panelist') ? actor.memberId : query.member;
  if (member === undefined ? !['supervisor', 'admin'].includes(actor.role) : member !== actor.memberId && !['supervisor', 'admin'].includes(actor.role)) {
    throw new ForbiddenError('panels.list-role', { zh: '只有会商成员本人和市热线办可以查看会商列表', en: 'only panel members (their own) and the supervision office list panels' });
  }
  const month = beijingMonth(query.month ?? new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 7));
  const listed = member
    ? await panels.ofMember(member)
    : (await panels.between(month.from, new Date(Date.parse(month.to) + DEADLINE_AFTER_CONVENING_MS).toISOString())).map((panel) => ({ panel, voted: undefined }));
  const items = listed
    .filter(({ panel }) => (query.status === undefined || (query.status === 'open') === (panel.status === 'voting')) && (member || (panel.createdAt >= month.from && panel.createdAt < month.to)))
    // Open panels first, the nearest deadline first among them; closed ones latest first.
    .sort((a, b) => (a.panel.status === b.panel.status ? (a.panel.status === 'voting' ? a.panel.deadline.localeCompare(b.panel.deadline) : b.panel.deadline.localeCompare(a.panel.deadline)) : a.panel.status === 'voting' ? -1 : 1))
    .map(({ panel, voted }) => summary(panel, voted));
  return json(200, { items });
});

function summary(panel: Awaited<ReturnType<typeof panels.between>>[number], voted: boolean | undefined) {
  const { votes: _secret, skipped: _skipped, ...record } = panel;
  return { ...record, ...(voted === undefined ? {} : { voted }) };
}
