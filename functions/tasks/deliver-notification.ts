// Delivery task: one attempt on one channel's target, recorded on the ticket; a failure throws so the workflow retries
// (or, for a refused target, gives up at once).
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { channelNamed } from '../../adapters/notify/channels.js';
import { publicReason } from '../../domain/notifications/failure-reason.js';
import { ticketNotice } from '../../domain/notifications/message.js';
import { DeliverPayload } from '../../schemas/workflows/notification-delivery.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, deliveries, directory, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}

// The workflow does not retry this one (its Retry names it with MaxAttempts 0): a target that points where webhooks
// may not go stays refused, so it is flagged to the supervision office at once instead of being tried for a day.
class TargetRefusedError extends Error {
  override name = 'TargetRefusedError';
}

const webBase = process.env.WEB_BASE_URL ?? 'https://casework.example';

export const handler = middy(async (input: unknown) => {
  const { delivery: d, attempt } = DeliverPayload.parse(input);
  const channel = channelNamed(d.channel);
  const [ticket, subscriptions, { city }] = await Promise.all([tickets.get(d.ticketId), directory.subscriptions(d.unitId), decisionContext(systemActor)]);
  if (!ticket) throw new DeliveryFailedError(`ticket ${d.ticketId} is gone`);
  const target = channel.targets(subscriptions)[d.target];
  if (target === undefined) return { skipped: `the unit no longer has this ${d.channel} target` };
  const at = now();
  const result = await channel.send(target, ticketNotice(d, ticket, webBase, city.category(ticket.category)?.name.zh), at);
  const { ok, status } = result;
  const error = result.error === undefined ? undefined : publicReason(result.error);
  await deliveries.recordAttempt({ ticketId: d.ticketId, deliveryId: d.deliveryId, attempt: attempt + 1, channel: d.channel, unitId: d.unitId, event: d.event, at: at.toISOString(), target: result.target, ok, status, error });
  if (result.refused) throw new TargetRefusedError(error ?? 'target refused');
  if (!ok) throw new DeliveryFailedError(`${result.target}: ${error ?? 'refused'}`);
  return { delivered: true };
}).use(withLogging());
