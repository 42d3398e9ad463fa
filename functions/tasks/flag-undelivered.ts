// Delivery gave up after about 24 hours: flag it for the supervision office and tell its mailbox.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { sendMail } from '../../adapters/mail/send-mail.js';
import { Delivery } from '../../schemas/delivery.js';
import { deliveries, directory } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (input: Delivery & { failure?: { Cause?: string } }) => {
  const d = Delivery.parse(input);
  const reason = input.failure?.Cause ?? 'no successful attempt';
  await deliveries.flagUndelivered(d.ticketId, d.deliveryId, d.unitId, now().toISOString(), reason);
  const supervision = (await directory.units()).find((u) => u.type === 'supervision');
  const emails = supervision ? (await directory.subscriptions(supervision.id)).emails : [];
  if (emails.length > 0) {
    await sendMail(
      emails,
      `【12345】通知未送达：${d.ticketId}`,
      `工单 ${d.ticketId} 的“${d.event}”通知 24 小时内未能送达 ${d.unitId}（${d.channel}），请电话联系该单位。\nA ${d.channel} notification to ${d.unitId} about ${d.ticketId} failed for 24 hours.`,
    );
  }
  return { flagged: d.deliveryId };
}).use(withLogging());
