// A ticket's notification log as its reader may see it: the city's staff all of it; a unit's people their own unit's
// deliveries only, without where they went (another unit's endpoint or mailbox) and with a failure said by its kind.
import type { UserActor } from '../../schemas/actor.js';
import { failureCategory } from './failure-reason.js';

// Kept by name, so a field added to the log later is not shown to units until someone decides it should be.
const shownToUnits = ['ticketId', 'deliveryId', 'attempt', 'channel', 'unitId', 'event', 'at', 'ok', 'status'] as const;

/** The entries of a ticket's notification log `actor` may read, as it may read them. */
export function deliveryLogFor(actor: UserActor, log: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  switch (actor.role) {
    case 'operator':
    case 'supervisor':
    case 'admin':
      return [...log];
    case 'clerk':
    case 'coordinator':
      // A district's coordinator reads its streets' tickets, but their endpoints and failures are the streets' own.
      return actor.unitId === undefined ? [] : log.filter((entry) => entry.unitId === actor.unitId).map(asUnitSeesIt);
    case 'panelist':
      return [];
  }
}

function asUnitSeesIt(entry: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(shownToUnits.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
  const category = failureCategory({ status: typeof entry.status === 'number' ? entry.status : undefined, error: typeof entry.error === 'string' ? entry.error : undefined });
  return category === undefined ? kept : { ...kept, error: category };
}
