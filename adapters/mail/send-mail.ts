// Email: SMTP locally (the runtime's mailbox); in AWS the same transport points at SES's SMTP interface.
import { createTransport } from 'nodemailer';

const transport = createTransport({
  host: process.env.SMTP_HOST ?? '127.0.0.1',
  port: Number(process.env.SMTP_PORT ?? 2525),
  secure: process.env.SMTP_SECURE === 'true',
  ignoreTLS: process.env.SMTP_SECURE !== 'true' && !process.env.SMTP_USER,
  auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
});

const from = process.env.MAIL_FROM ?? '12345 工单系统 <casework@haiqiao.example>';

/** Sends one message; throws when the server refuses it (the delivery workflow retries). */
export async function sendMail(to: string[], subject: string, text: string): Promise<void> {
  await transport.sendMail({ from, to, subject, text });
}
