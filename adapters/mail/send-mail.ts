// Email: in AWS through the SES API with the function's own role (MAIL_TRANSPORT=ses, set by the stack), so there is
// no credential to keep; locally over SMTP to the runtime's mailbox.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createTransport } from 'nodemailer';

type Send = (from: string, to: string[], subject: string, text: string) => Promise<void>;

/** SES wants a non-ASCII display name ("12345 工单系统 <…>") as a MIME encoded-word; nodemailer does this for SMTP. */
export function encodeFrom(from: string): string {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(from);
  if (!named?.[1] || /^[\x20-\x7e]*$/.test(named[1])) return from;
  return `=?UTF-8?B?${Buffer.from(named[1], 'utf8').toString('base64')}?= <${named[2]}>`;
}

function viaSes(): Send {
  const ses = new SESv2Client({});
  return async (from, to, subject, text) => {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: encodeFrom(from),
        Destination: { ToAddresses: to },
        Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Text: { Data: text, Charset: 'UTF-8' } } } },
      }),
    );
  };
}

function viaSmtp(): Send {
  // The local mailbox listens on loopback without TLS or authentication.
  const transport = createTransport({ host: process.env.SMTP_HOST ?? '127.0.0.1', port: Number(process.env.SMTP_PORT ?? 2525), secure: false, ignoreTLS: true });
  return async (from, to, subject, text) => {
    await transport.sendMail({ from, to, subject, text });
  };
}

const send = process.env.MAIL_TRANSPORT === 'ses' ? viaSes() : viaSmtp();
const from = process.env.MAIL_FROM ?? '12345 工单系统 <casework@haiqiao.example>';

/** Sends one message; throws when the server refuses it (the delivery workflow retries). */
export async function sendMail(to: string[], subject: string, text: string): Promise<void> {
  await send(from, to, subject, text);
}
