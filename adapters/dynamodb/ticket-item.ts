// Ticket <-> DynamoDB item: the ticket as stored, plus the sparse index keys that serve each listing.
import { Ticket } from '../../schemas/ticket.js';

const inQueue = new Set(['dispatched', 'accepted', 'difficult', 'awaiting-designation', 'return-review']);
const inHand = new Set(['dispatched', 'accepted']);

export interface TicketIndexKeys {
  inboxUnitId?: string;
  inboxDueKey?: string;
  openBucket?: string;
  completeDueKey?: string;
  escalationLevel?: string;
}

/** The index keys of a ticket: absent keys keep it out of that listing. */
export function indexKeys(ticket: Ticket): TicketIndexKeys {
  const keys: TicketIndexKeys = {};
  const { accept, complete } = ticket.deadlines;
  if (inQueue.has(ticket.status) && ticket.unitId) {
    // A unit first sees what it must accept soonest, then what it must complete soonest.
    const due = (ticket.status === 'dispatched' ? accept : undefined) ?? complete ?? '9999';
    keys.inboxUnitId = ticket.unitId;
    keys.inboxDueKey = `${due}#${ticket.id}`;
  }
  if (inHand.has(ticket.status) && complete) {
    keys.openBucket = 'open';
    keys.completeDueKey = `${complete}#${ticket.id}`;
    if (ticket.level > 1) keys.escalationLevel = `L${ticket.level}`;
  }
  return keys;
}

/** The item written for a ticket. */
export function toItem(ticket: Ticket): Record<string, unknown> {
  return { ...stripUndefined(ticket), ...indexKeys(ticket) };
}

/** The ticket read back from an item (index keys dropped, shape checked). */
export function fromItem(item: Record<string, unknown>): Ticket {
  const { inboxUnitId: _a, inboxDueKey: _b, openBucket: _c, completeDueKey: _d, escalationLevel: _e, ...rest } = item;
  return Ticket.parse(rest);
}

/** DynamoDB rejects undefined attribute values; JSON round-trip drops them at any depth. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
