// The escalation ladder: handler unit (1) -> district backstop (2) -> city supervision (3).
import type { EscalationLevel } from '../../schemas/common.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { CityDirectory } from '../city-directory.js';

export interface Rung {
  level: EscalationLevel;
  unitId: string;
}

/** The next rung above the ticket, or undefined when it already sits with the city. */
export function nextRung(ticket: Pick<Ticket, 'level' | 'location'>, city: CityDirectory): Rung | undefined {
  if (ticket.level === 1) return { level: 2, unitId: ticket.location.districtId };
  if (ticket.level === 2) return { level: 3, unitId: city.supervision.id };
  return undefined;
}

/** True when a unit at level 1 is a street, the only kind of unit that may blow the whistle. */
export function canWhistle(ticket: Pick<Ticket, 'level' | 'unitId'>, city: CityDirectory): boolean {
  const unit = ticket.unitId === undefined ? undefined : city.unit(ticket.unitId);
  return ticket.level === 1 && unit?.type === 'street';
}
