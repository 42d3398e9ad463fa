// A unit's webhook receiver as a unit would run one: it checks each signature and counts what arrived, by delivery id.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../adapters/webhook/signature.js';

export interface WebhookReceiver {
  url: string;
  secret: string;
  /** Deliveries received with a good signature: delivery id → times received. */
  received: Map<string, number>;
  /** When (performance.now()) each ticket's dispatch notice first arrived, by ticket id: the end of intake-to-webhook. */
  firstByTicket: Map<string, number>;
  /** Requests whose signature did not verify (answered 401, not counted as received). */
  badSignatures: number;
  close(): Promise<void>;
}

/** Listens on loopback on a port of the OS's choosing. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const receiver = { received: new Map<string, number>(), firstByTicket: new Map<string, number>(), badSignatures: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const arrived = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const delivery = String(req.headers['casework-delivery'] ?? '');
      if (!delivery || !verifyWebhook(secret, body, String(req.headers['casework-signature'] ?? ''))) {
        receiver.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      receiver.received.set(delivery, (receiver.received.get(delivery) ?? 0) + 1);
      const ticketId = dispatchedTicket(body);
      if (ticketId && !receiver.firstByTicket.has(ticketId)) receiver.firstByTicket.set(ticketId, arrived);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    secret,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

/** The ticket a `ticket.dispatched` notice is about; undefined for any other notice. */
function dispatchedTicket(body: string): string | undefined {
  try {
    const notice = JSON.parse(body) as { type?: string; ticket?: { id?: string } };
    return notice.type === 'ticket.dispatched' ? notice.ticket?.id : undefined;
  } catch {
    return undefined;
  }
}
