// A notification delivery as the delivery workflow carries it: which event, to which unit, by which channel.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const Delivery = z.object({
  deliveryId: z.string().regex(/^[\w-]{1,80}$/),
  ticketId: Id,
  seq: z.number().int().positive(),
  event: z.string(),
  occurredAt: IsoDateTime,
  unitId: Id,
  channel: z.enum(['webhook', 'email']),
  /** Which of the unit's webhooks; the secret is looked up at delivery time, never carried in the workflow. */
  webhookIndex: z.number().int().min(0).optional(),
});
export type Delivery = z.infer<typeof Delivery>;
