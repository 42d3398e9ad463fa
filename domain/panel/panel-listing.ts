// GET /v1/panels as a use case: whose panels a person may list, which of them, and in what order.
import type { UserActor } from '../../schemas/actor.js';
import type { Panel } from '../../schemas/panel.js';
import type { ListPanelsQuery } from '../../schemas/panel-query.js';
import { ForbiddenError } from '../errors.js';
import { isInMonth } from '../zeroing/months.js';
import { PANEL_OVERSEERS } from './panel-view.js';

/** The member whose panels to list (a panelist's own by default), or undefined for every panel (supervision office only). */
export function listedMember(query: ListPanelsQuery, actor: UserActor): string | undefined {
  const member = query.member === 'me' || (query.member === undefined && actor.role === 'panelist') ? actor.memberId : query.member;
  const allowed = PANEL_OVERSEERS.has(actor.role) || (member !== undefined && member === actor.memberId);
  if (!allowed) {
    throw new ForbiddenError('panels.list-role', { zh: '只有会商成员本人和市热线办可以查看会商列表', en: 'only panel members (their own) and the supervision office list panels' });
  }
  return member;
}

/** The panels the query keeps (state; month convened when given), open first by nearest deadline, then closed latest first. */
export function selectPanels<T extends { panel: Panel }>(listed: T[], query: ListPanelsQuery): T[] {
  return listed
    .filter(({ panel }) => query.status === undefined || (query.status === 'open') === (panel.status === 'voting'))
    .filter(({ panel }) => query.month === undefined || isInMonth(panel.createdAt, query.month))
    .sort((a, b) => {
      if (a.panel.status !== b.panel.status) return a.panel.status === 'voting' ? -1 : 1;
      return a.panel.status === 'voting' ? a.panel.deadline.localeCompare(b.panel.deadline) : b.panel.deadline.localeCompare(a.panel.deadline);
    });
}
