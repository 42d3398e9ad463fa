// The ticket lifecycle machine's contract (workflows/ticket-lifecycle.asl.json): its input, each task's payload and result.
import { z } from 'zod';
import { Id } from '../common.js';

/**
 * Where a ticket stands, as the supervision office names it; the machine has one state per phase and a Choice routes
 * on it. at-unit: the handling unit (level 1) has it; whistled: its street blew the whistle and the units called in
 * have not all reported in yet (吹哨报到); warned: its deadline is near and the unit was told; reopened:
 * back at the unit after an unsatisfied callback; at-district / at-city: escalated (区级兜底 / 督办);
 * awaiting-designation: returned too often, the supervision office names the unit; return-review: a return waits
 * for the hotline's dispatch desk (退单审核); difficult: awaiting the
 * supervision office's decision; in-review: with a joint-review panel (a child execution); awaiting-callback: resolved, the citizen is asked (回访); closed: done.
 */
export const LifecyclePhase = z.enum([
  'at-unit',
  'whistled',
  'warned',
  'reopened',
  'at-district',
  'at-city',
  'awaiting-designation',
  'return-review',
  'difficult',
  'in-review',
  'awaiting-callback',
  'closed',
]);
export type LifecyclePhase = z.infer<typeof LifecyclePhase>;

/** What starts a ticket's lifecycle (the execution is named after the ticket). */
export const LifecycleInput = z.object({ ticketId: Id });
export type LifecycleInput = z.infer<typeof LifecycleInput>;

/** Payload of the tasks that act on a ticket: dispatch, and the deadline that came due. */
export const TicketTaskPayload = z.object({ ticketId: Id });
export type TicketTaskPayload = z.infer<typeof TicketTaskPayload>;

/** Where the ticket now stands and when the machine should look again on its own: every lifecycle task's result. */
export const LifecycleState = z.object({
  phase: LifecyclePhase,
  /** Seconds until the next deadline or reminder (at least 1): the wait's timeout. */
  waitSeconds: z.number().int().min(1),
  /** The ticket version the phase was read from: a wait that starts after the ticket moved on wakes at once. */
  version: z.number().int().min(0),
});
export type LifecycleState = z.infer<typeof LifecycleState>;
