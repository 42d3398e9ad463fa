// Who hears about a ticket event: the units that must act on it or lose it, and the supervision office where it decides.
import type { TicketEvent } from '../../schemas/ticket-events.js';

/** Event types delivered to subscribers, as named in webhooks (`Casework-Event`). */
export const notifiedTypes = [
  'ticket.dispatched',
  'ticket.warning',
  'ticket.escalated',
  'ticket.whistled',
  'ticket.reported-in',
  'ticket.participant-replied',
  'ticket.report-in-missed',
  'ticket.returned',
  'ticket.return-reviewed',
  'ticket.marked-difficult',
  'ticket.extension-requested',
  'ticket.resolved',
  'ticket.reopened',
  'ticket.closed',
  'ticket.panel-convened',
  'ticket.panel-reminded',
  'ticket.panel-decided',
  'zeroing.assigned',
  'zeroing.cleared',
] as const;

/** Events told to joint-review panel members: they read the case, never the caller's details. */
export const panelTypes = new Set<string>(['ticket.panel-convened', 'ticket.panel-reminded', 'ticket.panel-decided']);
export type NotifiedType = (typeof notifiedTypes)[number];

const notified = new Set<string>(notifiedTypes);
/** True for the event types units are notified of. */
export const isNotifiedType = (type: string): type is NotifiedType => notified.has(type);

/** The units to notify of an event, given the unit holding the ticket before it and the supervision office. */
export function recipientsOf(event: TicketEvent, previousUnitId: string | undefined, supervisionUnitId: string): string[] {
  const units = (() => {
    switch (event.type) {
      case 'ticket.dispatched':
      case 'ticket.warning':
      case 'ticket.reopened':
        return [event.unitId];
      case 'ticket.escalated':
        // The new level must act, and the old one learns the ticket has left it.
        return [event.toUnitId, event.fromUnitId];
      case 'ticket.returned':
      case 'ticket.extension-requested':
      case 'ticket.marked-difficult':
        return [supervisionUnitId];
      case 'ticket.resolved':
        return [event.unitId];
      case 'ticket.whistled':
        // The units called in; old whistles (no districtId) escalated and told the district that way.
        return event.districtId ? [event.districtId, ...event.departmentIds] : [];
      case 'ticket.reported-in':
      case 'ticket.participant-replied':
        return [event.leadUnitId];
      case 'ticket.report-in-missed':
        return [event.districtId, event.supervisionUnitId];
      case 'ticket.return-reviewed':
        // The returning unit learns whether the ticket left it or is back with it.
        return [event.returningUnitId];
      case 'ticket.closed':
        return previousUnitId ? [previousUnitId] : [];
      // Panel members are recipients with subscriptions of their own, by member id.
      case 'ticket.panel-convened':
        return event.memberIds;
      case 'ticket.panel-reminded':
        return [event.memberId];
      case 'ticket.panel-decided':
        return [...event.memberIds, event.supervisionUnitId];
      case 'zeroing.assigned':
      case 'zeroing.cleared':
        return [event.unitId];
      default:
        return [];
    }
  })();
  return [...new Set(units)];
}
