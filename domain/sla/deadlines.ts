// Deadlines from the SLA policy: acceptance, completion, return window, warnings, callback.
import type { TicketKind, Urgency } from '../../schemas/common.js';
import type { SlaPolicy, TimeLimit } from '../../schemas/sla-policy.js';
import type { Deadlines } from '../../schemas/ticket.js';
import type { CalendarInstant, WorkingCalendar } from '../calendar/working-calendar.js';

/** Where a time limit starting at `from` ends. */
export function applyLimit(limit: TimeLimit, from: Date, calendar: WorkingCalendar): CalendarInstant {
  if ('calendarMinutes' in limit) return calendar.addCalendarMinutes(from, limit.calendarMinutes);
  if ('workingHours' in limit) return calendar.addWorkingHours(from, limit.workingHours);
  return calendar.addWorkingDays(from, limit.workingDays);
}

/** The instants at which the policy's warning fractions of the allotted working time have passed. */
export function warningInstants(from: Date, deadline: Date, policy: SlaPolicy, calendar: WorkingCalendar): CalendarInstant[] {
  const allotted = calendar.workingTimeBetween(from, deadline).minutes;
  if (allotted <= 0) return [];
  return policy.warningFractions.map((fraction) => calendar.addWorkingMinutes(from, allotted * fraction));
}

export interface AllotmentInput {
  from: Date;
  /** Working days to complete; the acceptance limit applies when `urgency` is given. */
  completionDays: number;
  urgency?: Urgency;
  /** The unit may still return the ticket within the policy's window. */
  returnable: boolean;
}

/** The deadlines of one allotted period: a dispatch, an escalation, an order or a reopen. */
export function allot(input: AllotmentInput, policy: SlaPolicy, calendar: WorkingCalendar): Deadlines {
  const { from } = input;
  const complete = calendar.addWorkingDays(from, input.completionDays);
  const accept = input.urgency === undefined ? undefined : applyLimit(policy.acceptance[input.urgency], from, calendar);
  const returnBy = input.returnable ? calendar.addWorkingDays(from, policy.returnWindowWorkingDays) : undefined;
  const warnings = warningInstants(from, complete.at, policy, calendar);
  const computed = [complete, accept, returnBy, ...warnings].filter((c): c is CalendarInstant => c !== undefined);
  return {
    allottedFrom: from.toISOString(),
    accept: accept?.at.toISOString(),
    complete: complete.at.toISOString(),
    returnBy: returnBy?.at.toISOString(),
    warnings: warnings.map((w) => w.at.toISOString()),
    provisional: computed.some((c) => c.unpublishedYears.length > 0),
  };
}

/** Completion time for a ticket of this kind, in working days. */
export function completionDays(kind: TicketKind, policy: SlaPolicy): number {
  return policy.completionWorkingDays[kind];
}

/** Moves the completion deadline by an approved extension and recomputes the warnings still ahead. */
export function extend(deadlines: Deadlines, days: number, policy: SlaPolicy, calendar: WorkingCalendar): Deadlines {
  if (!deadlines.complete || !deadlines.allottedFrom) return deadlines;
  const complete = calendar.addWorkingDays(new Date(deadlines.complete), days);
  const warnings = warningInstants(new Date(deadlines.allottedFrom), complete.at, policy, calendar);
  return {
    ...deadlines,
    complete: complete.at.toISOString(),
    warnings: warnings.map((w) => w.at.toISOString()),
    provisional: deadlines.provisional || complete.unpublishedYears.length > 0,
  };
}
