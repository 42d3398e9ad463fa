// Routing: category + location -> who handles the ticket (direct dispatch), or how intake closes it.
import type { Category } from '../../schemas/catalogue.js';
import type { EmergencyLine } from '../../schemas/common.js';
import type { Location, Ticket } from '../../schemas/ticket.js';
import type { SlaPolicy } from '../../schemas/sla-policy.js';
import type { CityDirectory } from '../city-directory.js';
import { RuleViolationError } from '../errors.js';

export type Route =
  | { kind: 'dispatch'; unitId: string }
  | { kind: 'answer'; answer: string }
  | { kind: 'transfer'; line: EmergencyLine };

/** Where a new ticket goes: local matters to the street, sector matters to the department. */
export function routeTicket(category: Category, location: Location): Route {
  if (category.emergency && category.transferTo) return { kind: 'transfer', line: category.transferTo };
  if (category.outOfScope && category.answer) return { kind: 'answer', answer: category.answer };
  if (category.handlerType === 'department' && category.departmentId) {
    return { kind: 'dispatch', unitId: category.departmentId };
  }
  return { kind: 'dispatch', unitId: location.streetId };
}

export type Reroute = { kind: 'dispatch'; unitId: string } | { kind: 'designation'; supervisionUnitId: string };

/**
 * Where a returned ticket goes next: after too many returns the supervision office designates the
 * unit; otherwise the unit the returner named, or the district, which coordinates as backstop.
 */
export function rerouteAfterReturn(
  ticket: Ticket,
  returnsSoFar: number,
  suggestedUnitId: string | undefined,
  city: CityDirectory,
  policy: SlaPolicy,
): Reroute {
  if (returnsSoFar >= policy.maxReturnsBeforeDesignation) {
    return { kind: 'designation', supervisionUnitId: city.supervision.id };
  }
  if (suggestedUnitId !== undefined) {
    const suggested = city.unit(suggestedUnitId);
    if (!suggested || (suggested.type !== 'street' && suggested.type !== 'department')) {
      throw new RuleViolationError(
        'return.suggested-unit',
        { zh: `suggestedUnitId：“${suggestedUnitId}”不是本市的街道或部门`, en: `suggestedUnitId: "${suggestedUnitId}" is not a street or department of this city` },
      );
    }
    if (suggested.id === ticket.unitId) {
      throw new RuleViolationError('return.suggested-unit', { zh: 'suggestedUnitId：不能把工单退给自己', en: 'suggestedUnitId: a unit cannot return a ticket to itself' });
    }
    return { kind: 'dispatch', unitId: suggested.id };
  }
  return { kind: 'dispatch', unitId: ticket.location.districtId };
}
