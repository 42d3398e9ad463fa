// One attempt at one notification: sent on its channel's target and recorded under the ticket, whoever makes it (the
// stream handler's first attempt, or the delivery workflow's retries).
import { now } from '../../adapters/clock.js';
import { channelNamed } from '../../adapters/notify/channels.js';
import { publicReason } from '../../domain/notifications/failure-reason.js';
import { ticketNotice } from '../../domain/notifications/message.js';
import type { Delivery } from '../../schemas/delivery.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, deliveries, directory, tickets } from './services.js';

const webBase = process.env.WEB_BASE_URL ?? 'https://casework.example';

/** What an attempt came to: delivered, skipped (the target is gone), failed (worth retrying) or refused (never will be). */
export type AttemptOutcome = { outcome: 'delivered' } | { outcome: 'skipped'; reason: string } | { outcome: 'failed' | 'refused'; reason: string };

/** Makes attempt number `attempt` (1 for the first) at `d` and records it; never throws for a receiver's failure. */
export async function attemptDelivery(d: Delivery, attempt: number): Promise<AttemptOutcome> {
  const channel = channelNamed(d.channel);
  const [ticket, subscriptions, { city }] = await Promise.all([tickets.get(d.ticketId), directory.subscriptions(d.unitId), decisionContext(systemActor)]);
  if (!ticket) return { outcome: 'failed', reason: `ticket ${d.ticketId} is gone` };
  const target = channel.targets(subscriptions)[d.target];
  if (target === undefined) return { outcome: 'skipped', reason: `the unit no longer has this ${d.channel} target` };
  const at = now();
  const result = await channel.send(target, ticketNotice(d, ticket, webBase, city.category(ticket.category)?.name.zh), at);
  const { ok, status, refused } = result;
  const error = result.error === undefined ? undefined : publicReason(result.error);
  await deliveries.recordAttempt({ ticketId: d.ticketId, deliveryId: d.deliveryId, attempt, channel: d.channel, unitId: d.unitId, event: d.event, at: at.toISOString(), target: result.target, ok, status, error, refused });
  if (ok) return { outcome: 'delivered' };
  return { outcome: refused ? 'refused' : 'failed', reason: refused ? (error ?? 'target refused') : `${result.target}: ${error ?? 'refused'}` };
}
