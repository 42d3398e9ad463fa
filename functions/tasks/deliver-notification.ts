// Delivery task: one attempt to a webhook or mailbox, recorded on the ticket; a failure throws so the workflow retries.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { sendMail } from '../../adapters/mail/send-mail.js';
import { postWebhook } from '../../adapters/webhook/post-webhook.js';
import { mailFor } from '../../domain/notifications/message.js';
import type { NotifiedType } from '../../domain/notifications/recipients.js';
import { Delivery } from '../../schemas/delivery.js';
import { deliveries, directory, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}

const webBase = process.env.WEB_BASE_URL ?? 'https://casework.example';

export const handler = middy(async (input: { delivery: unknown; attempt: number }) => {
  const d = Delivery.parse(input.delivery);
  const [ticket, subscriptions] = await Promise.all([tickets.get(d.ticketId), directory.subscriptions(d.unitId)]);
  if (!ticket) throw new DeliveryFailedError(`ticket ${d.ticketId} is gone`);
  const at = now();
  const record = { ticketId: d.ticketId, deliveryId: d.deliveryId, attempt: input.attempt + 1, channel: d.channel, unitId: d.unitId, event: d.event, at: at.toISOString() };
  if (d.channel === 'webhook') {
    const hook = subscriptions.webhooks[d.webhookIndex ?? 0];
    if (!hook) return { skipped: 'the unit removed this webhook' };
    const body = JSON.stringify({ id: d.deliveryId, type: d.event, occurredAt: d.occurredAt, ticket });
    const result = await postWebhook(hook.url, hook.secret, body, { event: d.event, delivery: d.deliveryId }, at);
    await deliveries.recordAttempt({ ...record, target: hook.url, ...result });
    if (!result.ok) throw new DeliveryFailedError(`${hook.url}: ${result.error}`);
    return { delivered: true };
  }
  const mail = mailFor(d.event as NotifiedType, ticket, webBase);
  try {
    await sendMail(subscriptions.emails, mail.subject, mail.text);
  } catch (error) {
    await deliveries.recordAttempt({ ...record, target: subscriptions.emails.join(', '), ok: false, error: String(error) });
    throw new DeliveryFailedError(String(error));
  }
  await deliveries.recordAttempt({ ...record, target: subscriptions.emails.join(', '), ok: true });
  return { delivered: true };
}).use(withLogging());
