// The local mailbox: an SMTP server on loopback that keeps every message the system sends, for /_local/mail.
import { randomUUID } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface SmtpSink {
  port: number;
  messages(): ReceivedMail[];
  /** Resolves once every message whose transfer has begun is stored. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);

/** Starts an SMTP server on 127.0.0.1 that accepts any sender and recipient and keeps the messages. */
export async function startSmtpSink(port: number, now: () => Date = () => new Date()): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const pending = new Set<Promise<void>>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'Casework local mail sink',
    logger: false,
    onData(stream, _session, callback) {
      const stored = simpleParser(stream).then((mail) => {
        received.push({
          id: randomUUID(),
          receivedAt: now().toISOString(),
          from: addresses(mail.from)[0] ?? '',
          to: addresses(mail.to),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : undefined,
        });
      });
      pending.add(stored);
      stored.then(() => callback(), callback).finally(() => pending.delete(stored));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    messages: () => [...received],
    settled: async () => {
      await Promise.allSettled([...pending]);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
