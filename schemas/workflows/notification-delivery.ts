// The notification delivery machine's contract (workflows/notification-delivery.asl.json).
import { z } from 'zod';
import { Delivery } from '../delivery.js';

/** The Deliver task's payload: the delivery and how many retries came before this attempt. */
export const DeliverPayload = z.object({ delivery: Delivery, attempt: z.number().int().min(0) });
export type DeliverPayload = z.infer<typeof DeliverPayload>;

/** What Step Functions puts at a Catch's ResultPath. */
export const CaughtError = z.object({ Error: z.string(), Cause: z.string().optional() });

/** The Flag task's payload: the delivery given up on and the last error. */
export const FlagUndeliveredPayload = Delivery.extend({ failure: CaughtError.optional() });
export type FlagUndeliveredPayload = z.infer<typeof FlagUndeliveredPayload>;

export const DeliveryOutcome = z.object({ delivered: z.boolean().optional(), skipped: z.string().optional(), flagged: z.string().optional() });
