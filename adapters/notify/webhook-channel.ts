// Webhook channel: a signed JSON POST to each of a unit's endpoints; the secret is read at send time, never carried.
import type { NotificationChannel } from '../../domain/notifications/channel.js';
import type { WebhookTargetPolicy } from '../../domain/notifications/webhook-target.js';
import type { WebhookSubscription } from '../../schemas/unit.js';
import { postWebhook } from '../webhook/post-webhook.js';
import { type Resolver, webhookTargetPolicy } from '../webhook/target-policy.js';

export interface WebhookChannelOptions {
  /** Asked at each send; this process's configuration by default. */
  policy?: () => WebhookTargetPolicy;
  resolve?: Resolver;
}

/** The webhook channel under a policy (and a resolver) of the caller's choosing. */
export function createWebhookChannel(options: WebhookChannelOptions = {}): NotificationChannel<WebhookSubscription> {
  return {
    name: 'webhook',
    targets: (subscriptions) => subscriptions.webhooks,
    async send(hook, notice, at) {
      const body = JSON.stringify({ id: notice.id, type: notice.type, occurredAt: notice.occurredAt, ...notice.data });
      const policy = (options.policy ?? webhookTargetPolicy)();
      const result = await postWebhook(hook.url, hook.secret, body, { event: notice.type, delivery: notice.id }, at, { policy, resolve: options.resolve });
      return { ...result, target: withoutCredentials(hook.url) };
    },
  };
}

export const webhookChannel = createWebhookChannel();

// The log shows where a delivery went; a URL stored with a password in it (before they were refused) must not show it.
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
