// Sends one webhook delivery attempt: a signed JSON POST with a stable delivery id, to a target checked as written and
// then at the address its host resolved to, which is the address connected to (a second DNS answer cannot move it);
// no redirects, a short timeout, and no more of the answer read than a few kilobytes.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, type TargetRefusal, type WebhookTargetPolicy } from '../../domain/notifications/webhook-target.js';
import { signWebhook } from './signature.js';
import { type ResolvedAddress, type Resolver, resolveTarget, systemResolver, webhookTargetPolicy } from './target-policy.js';

const TIMEOUT_MS = 10_000;
// Only the status matters: the body is read so the exchange ends cleanly, and never kept, so a receiver cannot make a
// delivery hold a large answer in memory (or keep one open for long).
const BODY_LIMIT = 4 * 1024;

export interface WebhookAttempt {
  ok: boolean;
  status?: number;
  /** Short, without addresses: `HTTP 503`, `timeout: no answer in 10 s`, `network: ECONNREFUSED`, `target refused: …`. */
  error?: string;
  /** The target is not allowed where it points: trying again cannot help. */
  refused?: true;
}

export interface PostOptions {
  /** This process's policy by default (loopback only on the local runtime). */
  policy?: WebhookTargetPolicy;
  /** The operating system's resolver by default. */
  resolve?: Resolver;
}

/** POSTs the body; a 2xx is delivered, anything else (or no answer in 10 s) is a failed attempt, a refused target one not worth retrying. */
export async function postWebhook(
  url: string,
  secret: string,
  body: string,
  headers: { event: string; delivery: string },
  at: Date,
  options: PostOptions = {},
): Promise<WebhookAttempt> {
  const policy = options.policy ?? webhookTargetPolicy();
  const checked = checkWebhookUrl(url, policy);
  if (!checked.ok) return refused(checked.refusal);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const target = await untilAborted(resolveTarget(checked.url, policy, options.resolve ?? systemResolver), signal);
    if (!target.ok) return refused(target.refusal);
    const status = await post(
      checked.url,
      target.address,
      {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Casework-Webhooks/1',
        'casework-event': headers.event,
        'casework-delivery': headers.delivery,
        'casework-signature': signWebhook(secret, body, at),
      },
      body,
      signal,
    );
    return status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` };
  } catch (error) {
    return { ok: false, error: failureText(error, signal) };
  }
}

function refused(refusal: TargetRefusal): WebhookAttempt {
  return { ok: false, refused: true, error: `target refused: ${refusal.text.en}` };
}

/** Resolves with the receiver's status once it answers; redirects are not followed (node:http never does). */
function post(url: URL, to: ResolvedAddress, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  // Node asks this for a host name (never for an IP literal, checked as written): the answer is the address checked.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [to]);
    else callback(null, to.address, to.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // agent: false, so no pooled connection made to another address for the same host:port is reused.
    const request = send(url, { method: 'POST', headers, lookup, agent: false, signal }, (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      const done = () => {
        response.destroy();
        resolve(status);
      };
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= BODY_LIMIT) done();
      });
      response.on('end', done);
      // The status is known: a body cut short (by the limit, the timeout or the receiver) does not change it.
      response.on('error', done);
      response.on('close', done);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The promise, or a rejection once the signal aborts (a DNS lookup takes no signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A failure said by its kind and code only: an error's message names addresses and ports no reader needs. */
function failureText(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `timeout: no answer in ${TIMEOUT_MS / 1000} s`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? `network: ${code}` : 'network: failed';
}
