// The joint-review machine's contract (workflows/joint-review.asl.json): a child execution of a ticket's lifecycle
// that convenes a panel, waits for each member's vote (a Map over the seats), closes it and applies the decision.
import { z } from 'zod';
import { Id } from '../common.js';
import { LifecycleState } from './ticket-lifecycle.js';

/** What the lifecycle starts the review with: the ticket in review and which panel of the referral this is. */
export const JointReviewInput = z.object({ ticketId: Id, round: z.number().int().min(1) });
export type JointReviewInput = z.infer<typeof JointReviewInput>;

export const ConvenePanelPayload = JointReviewInput;

/** The panel seated: one vote wait per member, reminded after `remindSeconds`, abstaining `closeSeconds` later. */
export const ConvenedPanel = z.object({
  panelId: Id,
  memberIds: z.array(Id).min(1),
  remindSeconds: z.number().int().min(1),
  closeSeconds: z.number().int().min(1),
});
export type ConvenedPanel = z.infer<typeof ConvenedPanel>;

export const RemindMemberPayload = z.object({ panelId: Id, memberId: Id });
export const MemberReminded = z.object({ reminded: z.boolean() });

/** Close the panel seated; or, when none could be seated (`unseated`: why), hand the case back to the supervision office. */
export const ClosePanelPayload = z.union([z.object({ ticketId: Id, panelId: Id }), z.object({ ticketId: Id, unseated: z.string() })]);

/** The panel's outcome for the machine: reconvene with `round`, or the ticket's lifecycle state to go on from. */
export const ClosedPanel = LifecycleState.extend({
  next: z.enum(['applied', 'reconvene', 'to-supervision']),
  round: z.number().int().min(1),
});
export type ClosedPanel = z.infer<typeof ClosedPanel>;

/** The review's output: where the ticket's lifecycle goes on from. */
export const JointReviewOutput = LifecycleState;
