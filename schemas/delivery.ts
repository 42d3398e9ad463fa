// A notification delivery as the delivery workflow carries it: which event, to which unit, by which channel and target.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const Delivery = z.object({
  deliveryId: z.string().regex(/^[\w-]{1,80}$/),
  ticketId: Id,
  seq: z.number().int().positive(),
  event: z.string(),
  occurredAt: IsoDateTime,
  unitId: Id,
  /** A channel's name (adapters/notify/channels.ts): `webhook`, `email`. */
  channel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  /** Which of the unit's targets on that channel; the target (and a webhook's secret) is read at delivery time, never carried. */
  target: z.number().int().min(0),
});
export type Delivery = z.infer<typeof Delivery>;
