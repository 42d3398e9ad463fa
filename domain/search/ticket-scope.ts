// Who may list which tickets: a listing query narrowed to the person's scope, from their token's role and unit only.
import type { UserActor } from '../../schemas/actor.js';
import type { Role } from '../../schemas/common.js';
import type { TicketFilter } from '../../schemas/ticket-query.js';
import { ForbiddenError } from '../errors.js';
import { roleNames } from '../tickets/names.js';

const CITY_WIDE: readonly Role[] = ['operator', 'supervisor', 'admin'];
const FILTERS = ['status', 'unitId', 'districtId', 'category', 'level', 'overdue', 'phone', 'q', 'queue'] as const;

/**
 * The query as this person may run it. Operators, supervisors and administrators list city-wide; a clerk lists its own
 * unit's tickets; a coordinator its district's (a district unit is its own district) or its own unit's queue; a
 * panelist none. With no filter at all, a unit gets its own queue and the city-wide roles the open tickets.
 */
export function scopeTicketQuery(query: TicketFilter, actor: UserActor): TicketFilter {
  if (query.phone !== undefined && !CITY_WIDE.includes(actor.role)) {
    throw new ForbiddenError('tickets.phone-search', {
      zh: `phone：只有${CITY_WIDE.map((r) => roleNames[r].zh).join('、')}可以按来电号码查找工单`,
      en: `phone: only ${CITY_WIDE.join(', ')} may search by the caller's number`,
    });
  }
  const unfiltered = FILTERS.every((f) => query[f] === undefined);
  if (CITY_WIDE.includes(actor.role)) {
    if (unfiltered) return { queue: 'open' };
    // A supervisor's own inbox is the supervision office's: difficult cases and designations.
    return query.queue === 'inbox' && query.unitId === undefined && actor.unitId ? { ...query, unitId: actor.unitId } : query;
  }
  if (actor.role !== 'clerk' && actor.role !== 'coordinator') {
    throw new ForbiddenError('tickets.list-role', { zh: `${roleNames[actor.role].zh}不能查看工单列表`, en: `a ${actor.role} lists no tickets` });
  }
  const own = actor.unitId;
  if (!own) {
    throw new ForbiddenError('tickets.no-unit', { zh: `登录凭证中没有所属单位的${roleNames[actor.role].zh}不能查看工单`, en: `a ${actor.role} without a unit in their token lists no tickets` });
  }
  if (unfiltered) return { queue: 'inbox', unitId: own };
  if (actor.role === 'clerk') {
    if (query.unitId !== undefined && query.unitId !== own) {
      throw new ForbiddenError('tickets.own-unit-only', { zh: `unitId：承办人员只能查看本单位（${own}）的工单`, en: `unitId: a clerk lists only the tickets of its own unit ${own}` });
    }
    return { ...query, unitId: own };
  }
  if (query.districtId !== undefined && query.districtId !== own) {
    throw new ForbiddenError('tickets.own-district-only', { zh: `districtId：区协调员只能查看本区（${own}）的工单`, en: `districtId: a coordinator lists only the tickets of its own district ${own}` });
  }
  // Its own unit's tickets are its queue; any other unit's only within its district.
  return query.unitId === own ? query : { ...query, districtId: own };
}
