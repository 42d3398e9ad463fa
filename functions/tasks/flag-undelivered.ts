// Delivery gave up after about 24 hours: flag it for the supervision office and tell the office on its own channels.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { sendToAll } from '../../adapters/notify/channels.js';
import { publicReason } from '../../domain/notifications/failure-reason.js';
import { undeliveredNotice } from '../../domain/notifications/message.js';
import { systemActor } from '../../schemas/actor.js';
import { FlagUndeliveredPayload } from '../../schemas/workflows/notification-delivery.js';
import { decisionContext, deliveries, directory } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

const webBase = process.env.WEB_BASE_URL ?? 'https://casework.example';

export const handler = middy(async (input: unknown) => {
  const { failure, ...d } = FlagUndeliveredPayload.parse(input);
  const at = now();
  await deliveries.flagUndelivered(d.ticketId, d.deliveryId, d.unitId, at.toISOString(), publicReason(failure?.Cause ?? 'no successful attempt'));
  const supervision = (await decisionContext(systemActor)).city.supervision.id;
  const sent = await sendToAll(await directory.subscriptions(supervision), undeliveredNotice(d, at, webBase), at);
  // Thrown so the workflow retries; flagging again is harmless (the same item is written).
  const failed = sent.filter((s) => !s.ok);
  if (failed.length > 0) throw new Error(`telling the supervision office failed: ${failed.map((f) => `${f.target}: ${f.error ?? f.status}`).join('; ')}`);
  return { flagged: d.deliveryId };
}).use(withLogging());
