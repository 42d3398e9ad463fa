// The channel list: the one place a new channel (an SMS gateway, a WeCom or DingTalk group robot) is added.
import type { NotificationChannel, Notice, SendResult } from '../../domain/notifications/channel.js';
import type { Subscriptions } from '../../schemas/unit.js';
import { emailChannel } from './email-channel.js';
import { webhookChannel } from './webhook-channel.js';

export const channels: readonly NotificationChannel[] = [webhookChannel, emailChannel] as NotificationChannel[];

/** The channel a delivery names; throws for a name no channel has (a delivery from a removed channel). */
export function channelNamed(name: string): NotificationChannel {
  const channel = channels.find((c) => c.name === name);
  if (!channel) throw new Error(`no notification channel is named "${name}"`);
  return channel;
}

/** Sends a notice at once on every channel and target a unit subscribed (no retries: for the supervision office's own alerts). */
export async function sendToAll(subscriptions: Subscriptions, notice: Notice, at: Date): Promise<SendResult[]> {
  const sends = channels.flatMap((channel) => channel.targets(subscriptions).map((target) => channel.send(target, notice, at)));
  return Promise.all(sends);
}
