// Which requests GET requests.json lists: a window of requested_datetime (the spec's default and limit: 90 days), then
// the status and service codes asked for.
import type { ListRequestsQuery } from '../../schemas/open311.js';
import type { Ticket } from '../../schemas/ticket.js';
import { ValidationError } from '../errors.js';
import { open311Status } from './service-request.js';

const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 90;
/** The most requests one answer lists, newest first: the spec lets an endpoint limit it, 1,000 is the common limit. */
export const MAX_REQUESTS = 1000;

export interface RequestWindow {
  /** Inclusive, ISO in UTC. */
  from: string;
  to: string;
}

/** The window asked for: both dates, one of them and 90 days beside it, or the last 90 days; never more than 90 days. */
export function requestWindow(query: Pick<ListRequestsQuery, 'start_date' | 'end_date'>, now: Date): RequestWindow {
  const start = query.start_date === undefined ? undefined : Date.parse(query.start_date);
  const end = query.end_date === undefined ? undefined : Date.parse(query.end_date);
  const to = end ?? (start === undefined ? now.getTime() : Math.min(start + WINDOW_DAYS * DAY_MS, Math.max(now.getTime(), start)));
  const from = start ?? to - WINDOW_DAYS * DAY_MS;
  if (from > to) {
    throw new ValidationError([{ path: 'end_date', message: 'is before start_date', zh: '早于 start_date' }]);
  }
  if (to - from > WINDOW_DAYS * DAY_MS) {
    throw new ValidationError([{ path: 'end_date', message: `is more than ${WINDOW_DAYS} days after start_date`, zh: `与 start_date 相隔超过 ${WINDOW_DAYS} 天` }]);
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** True when a ticket is one the query asks for, by status and service code (the window is the index's range). */
export function requestMatches(ticket: Ticket, query: Pick<ListRequestsQuery, 'status' | 'service_code'>): boolean {
  if (query.status && !query.status.includes(open311Status(ticket.status))) return false;
  return !query.service_code || query.service_code.includes(ticket.category);
}
