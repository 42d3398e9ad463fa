// What a ticket decision needs besides the ticket: time, who acts, the rules and the city.
import type { Actor } from '../../schemas/actor.js';
import type { SlaPolicy } from '../../schemas/sla-policy.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { CityDirectory } from '../city-directory.js';

export interface DecisionContext {
  now: Date;
  actor: Actor;
  policy: SlaPolicy;
  calendar: WorkingCalendar;
  city: CityDirectory;
}
