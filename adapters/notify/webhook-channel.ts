// Webhook channel: a signed JSON POST to each of a unit's endpoints; the secret is read at send time, never carried.
import type { NotificationChannel } from '../../domain/notifications/channel.js';
import type { WebhookSubscription } from '../../schemas/unit.js';
import { postWebhook } from '../webhook/post-webhook.js';

export const webhookChannel: NotificationChannel<WebhookSubscription> = {
  name: 'webhook',
  targets: (subscriptions) => subscriptions.webhooks,
  async send(hook, notice, at) {
    const body = JSON.stringify({ id: notice.id, type: notice.type, occurredAt: notice.occurredAt, ...notice.data });
    const result = await postWebhook(hook.url, hook.secret, body, { event: notice.type, delivery: notice.id }, at);
    return { ...result, target: hook.url };
  },
};
