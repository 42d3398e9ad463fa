// Ticket <-> DynamoDB item: the ticket as stored, plus the sparse index keys that serve each listing.
import { phoneKey } from '../../domain/search/phone-key.js';
import type { IndexCondition, TicketIndex } from '../../domain/search/ticket-indexes.js';
import { Ticket } from '../../schemas/ticket.js';

const inQueue = new Set(['dispatched', 'accepted', 'difficult', 'awaiting-designation', 'return-review']);
const inHand = new Set(['dispatched', 'accepted']);

export interface TicketIndexKeys {
  inboxUnitId?: string;
  inboxDueKey?: string;
  openBucket?: string;
  completeDueKey?: string;
  escalationLevel?: string;
  extensionBucket?: string;
  extensionKey?: string;
  createdKey?: string;
  phoneKey?: string;
  unitKey?: string;
  categoryKey?: string;
  districtKey?: string;
  statusKey?: string;
  levelKey?: string;
  clientKey?: string;
}

/** The key attributes of each index of the Tickets table (infra/manifest.ts declares the same). */
export const ticketIndexes: Record<TicketIndex, { partition: keyof TicketIndexKeys; sort: keyof TicketIndexKeys }> = {
  inbox: { partition: 'inboxUnitId', sort: 'inboxDueKey' },
  'open-by-deadline': { partition: 'openBucket', sort: 'completeDueKey' },
  escalated: { partition: 'escalationLevel', sort: 'completeDueKey' },
  'pending-extensions': { partition: 'extensionBucket', sort: 'extensionKey' },
  'by-phone': { partition: 'phoneKey', sort: 'createdKey' },
  'by-unit': { partition: 'unitKey', sort: 'createdKey' },
  'by-category': { partition: 'categoryKey', sort: 'createdKey' },
  'by-district': { partition: 'districtKey', sort: 'createdKey' },
  'by-status': { partition: 'statusKey', sort: 'createdKey' },
  'by-level': { partition: 'levelKey', sort: 'createdKey' },
  'by-client': { partition: 'clientKey', sort: 'createdKey' },
};

const indexKeyNames = new Set(Object.values(ticketIndexes).flatMap((i) => [i.partition, i.sort]));

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
  if (ticket.pendingExtension) {
    keys.extensionBucket = 'pending';
    keys.extensionKey = `${ticket.pendingExtension.requestedAt}#${ticket.id}`;
  }
  // The history indexes hold every ticket, newest first; a filter on them means the same whichever index serves it.
  keys.createdKey = `${ticket.createdAt}#${ticket.id}`;
  keys.phoneKey = phoneKey(ticket.citizen.phone);
  if (ticket.unitId) keys.unitKey = ticket.unitId;
  keys.categoryKey = ticket.category;
  keys.districtKey = ticket.location.districtId;
  keys.statusKey = ticket.status;
  keys.levelKey = `L${ticket.level}`;
  // Sparse: only what an Open311 client submitted, which that client reads back.
  if (ticket.client) keys.clientKey = ticket.client;
  return keys;
}

/** True when a stored item is in the partition a condition names: the same test a FilterExpression makes. */
export function inPartition(item: Record<string, unknown>, condition: IndexCondition): boolean {
  const { partition, sort } = ticketIndexes[condition.index];
  if (item[partition] !== condition.equals) return false;
  return condition.before === undefined || (typeof item[sort] === 'string' && item[sort] < condition.before);
}

/** The item written for a ticket. */
export function toItem(ticket: Ticket): Record<string, unknown> {
  return { ...stripUndefined(ticket), ...indexKeys(ticket) };
}

/** The ticket read back from an item (index keys dropped, shape checked). */
export function fromItem(item: Record<string, unknown>): Ticket {
  return Ticket.parse(Object.fromEntries(Object.entries(item).filter(([name]) => !indexKeyNames.has(name as keyof TicketIndexKeys))));
}

/** DynamoDB rejects undefined attribute values; JSON round-trip drops them at any depth. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
