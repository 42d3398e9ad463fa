// Waits on a task token: the payload of the task that keeps a token server-side, and the keys of what waits.
import { z } from 'zod';
import { Id } from '../common.js';

/**
 * What waits, as the key its task token is kept under: `ticket/<ticketId>` for a ticket's lifecycle,
 * `panel/<panelId>/<memberId>` for one member's vote. Several waits can be open at once, each under its own key.
 */
export const WaitKey = z.string().regex(/^[a-z]+(\/[A-Za-z0-9._-]{1,64}){1,3}$/, 'must be like ticket/<id> or panel/<id>/<member>');
export type WaitKey = z.infer<typeof WaitKey>;

/** The key a ticket's lifecycle waits under (the machine builds the same with States.Format('ticket/{}', $.ticketId)). */
export const ticketWait = (ticketId: string): WaitKey => `ticket/${ticketId}`;

/** The key one member's vote waits under (the machine builds the same with States.Format('panel/{}/{}', …)). */
export const panelWait = (panelId: string, memberId: string): WaitKey => `panel/${panelId}/${memberId}`;

/**
 * Payload of the `.waitForTaskToken` task that keeps the token of a wait. `seen` is the ticket version the wait was
 * decided on: a person's action between that read and the token being kept found no token to wake, so the keeper
 * looks once more and wakes the wait itself.
 */
export const KeepTaskTokenPayload = z.object({
  waitFor: WaitKey,
  token: z.string().min(1),
  seen: z.object({ ticketId: Id, version: z.number().int().min(0) }).optional(),
  /** A vote wait: a vote cast before the token was kept wakes it at once. */
  seat: z.object({ panelId: Id, memberId: Id }).optional(),
});

/** What a vote wait is woken with. */
export const VoteWaitResult = z.object({ voted: z.literal(true) });
export type KeepTaskTokenPayload = z.infer<typeof KeepTaskTokenPayload>;
