// The notification delivery machine's contract (workflows/notification-delivery.asl.json).
import { z } from 'zod';
import { Delivery } from '../delivery.js';

/** What Step Functions puts at a Catch's ResultPath. */
export const CaughtError = z.object({ Error: z.string(), Cause: z.string().optional() });

/** The machine's input: a delivery whose first attempt (by notify-units) failed, and how. */
export const FailedDelivery = Delivery.extend({ failure: CaughtError });
export type FailedDelivery = z.infer<typeof FailedDelivery>;

/** The Deliver task's payload: the delivery (with its last failure) and how many attempts came before this one. */
export const DeliverPayload = z.object({ delivery: FailedDelivery, attempt: z.number().int().min(1) });
export type DeliverPayload = z.infer<typeof DeliverPayload>;

/** The Flag task's payload: the delivery given up on and the last error. */
export const FlagUndeliveredPayload = Delivery.extend({ failure: CaughtError.optional() });
export type FlagUndeliveredPayload = z.infer<typeof FlagUndeliveredPayload>;

export const DeliveryOutcome = z.object({ delivered: z.boolean().optional(), skipped: z.string().optional(), flagged: z.string().optional() });
