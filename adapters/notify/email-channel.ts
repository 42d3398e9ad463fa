// Email channel: one mail to all of a unit's addresses (SES in AWS, the runtime's SMTP mailbox locally).
import type { NotificationChannel } from '../../domain/notifications/channel.js';
import { sendMail } from '../mail/send-mail.js';

export const emailChannel: NotificationChannel<string[]> = {
  name: 'email',
  // One delivery for the whole list: a unit's mailboxes get the same mail at once.
  targets: (subscriptions) => (subscriptions.emails.length > 0 ? [subscriptions.emails] : []),
  async send(to, notice) {
    const target = to.join(', ');
    try {
      await sendMail(to, notice.subject, notice.text);
      return { ok: true, target };
    } catch (error) {
      return { ok: false, target, error: error instanceof Error ? error.message : String(error) };
    }
  },
};
