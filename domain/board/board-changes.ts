// Tickets stream record -> the supervision board's counters: each write of a ticket (its image before and after) moves it
// between the open-ticket gauges and adds to its district's series of the Beijing day. A counter is the size of a set of
// members, and every change names its member, so a replayed record finds each member already where it would put it.
import type { EscalationLevel } from '../../schemas/common.js';
import type { Ticket } from '../../schemas/ticket.js';
import { beijingDate } from '../time/beijing-time.js';

/** What the board counts per Beijing day. */
export const daySeries = ['created', 'overdue', 'closed'] as const;
export type DaySeries = (typeof daySeries)[number];

/** The open tickets of one district at one level. */
export interface GaugeCounter {
  kind: 'open';
  districtId: string;
  level: EscalationLevel;
}

/** One district's series on one Beijing day. */
export interface DayCounter {
  kind: 'day';
  date: string;
  districtId: string;
  series: DaySeries;
}

export type BoardCounter = GaugeCounter | DayCounter;

/** A member entering (+1) or leaving (-1) a counter's set. */
export interface BoardChange {
  counter: BoardCounter;
  member: string;
  delta: 1 | -1;
}

/** The gauge a ticket counts in: its district and level until it is closed; none once closed, or before it exists. */
export function openGauge(ticket: Ticket | undefined): GaugeCounter | undefined {
  if (!ticket || ticket.status === 'closed') return undefined;
  return { kind: 'open', districtId: ticket.location.districtId, level: ticket.level };
}

/** What one write of a ticket changes on the board, from its image before (none for a new ticket) and after (none when removed). */
export function boardChanges(before: Ticket | undefined, after: Ticket | undefined): BoardChange[] {
  const changes: BoardChange[] = [];
  const id = after?.id ?? before?.id;
  const from = openGauge(before);
  const to = openGauge(after);
  if (id !== undefined && (from?.districtId !== to?.districtId || from?.level !== to?.level)) {
    if (from) changes.push({ counter: from, member: id, delta: -1 });
    if (to) changes.push({ counter: to, member: id, delta: 1 });
  }
  if (!after) return changes;
  const add = (series: DaySeries, at: string, member: string): BoardChange => ({
    counter: { kind: 'day', date: beijingDate(at), districtId: after.location.districtId, series },
    member,
    delta: 1,
  });
  if (!before) changes.push(add('created', after.createdAt, after.id));
  // Escalations only ever grow, so the count after this one names it apart from the ticket's other escalations.
  if (before && missedDeadline(before, after)) changes.push(add('overdue', after.updatedAt, `${after.id}#${after.counters.escalations}`));
  // A reopened and again closed ticket closes at another version: each closing counts on its own day.
  if (after.status === 'closed' && before?.status !== 'closed') changes.push(add('closed', after.closedAt ?? after.updatedAt, `${after.id}#${after.version}`));
  return changes;
}

/** The write escalated the ticket for a missed deadline: up a level by an escalation, not by a whistle for help. */
export function missedDeadline(before: Ticket, after: Ticket): boolean {
  const escalated = after.level > before.level && after.counters.escalations > before.counters.escalations;
  // Whistles recorded before report-in existed escalated too, in the same write as the whistle itself.
  const whistled = after.whistle?.at !== before.whistle?.at || after.whistledDepartmentIds.length > before.whistledDepartmentIds.length;
  return escalated && !whistled;
}
