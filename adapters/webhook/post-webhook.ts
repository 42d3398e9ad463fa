// Sends one webhook delivery attempt: signed JSON POST with a stable delivery id, a short timeout, no redirects.
import { signWebhook } from './signature.js';

export interface WebhookAttempt {
  ok: boolean;
  status?: number;
  error?: string;
}

/** POSTs the body; a 2xx is delivered, anything else (or no answer in 10 s) is a failed attempt. */
export async function postWebhook(url: string, secret: string, body: string, headers: { event: string; delivery: string }, at: Date): Promise<WebhookAttempt> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Casework-Webhooks/1',
        'casework-event': headers.event,
        'casework-delivery': headers.delivery,
        'casework-signature': signWebhook(secret, body, at),
      },
      body,
    });
    await res.arrayBuffer();
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
