// Webhook targets at delivery: the policy this deployment configures, and the host resolved once with every address
// checked (domain/notifications/webhook-target.ts judges them), so the POST goes only where the check looked.
import { lookup } from 'node:dns/promises';
import { checkAddress, literalAddress, type TargetRefusal, type WebhookTargetPolicy } from '../../domain/notifications/webhook-target.js';

/** `1` on the local runtime only, whose tests' receivers listen on loopback; the CDK stack never sets it. */
export const ALLOW_LOOPBACK_ENV = 'CASEWORK_WEBHOOK_ALLOW_LOOPBACK';

/** This process's policy, read when asked: the local runtime sets its environment after modules may have loaded. */
export function webhookTargetPolicy(env: NodeJS.ProcessEnv = process.env): WebhookTargetPolicy {
  return { allowLoopback: env[ALLOW_LOOPBACK_ENV] === '1' };
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo, what a connection would use), in its own order. */
export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

export type TargetResolution = { ok: true; address: ResolvedAddress } | { ok: false; refusal: TargetRefusal };

/** Resolves the URL's host once and checks every address; the caller connects to the one answered and never looks up again. */
export async function resolveTarget(url: URL, policy: WebhookTargetPolicy, resolve: Resolver = systemResolver): Promise<TargetResolution> {
  const literal = literalAddress(url.hostname);
  const addresses = literal === undefined ? await resolve(url.hostname) : [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  // Every address, not only the one connected to: a name that answers both a public and a private address is refused.
  for (const { address } of addresses) {
    const refusal = checkAddress(address, policy);
    if (refusal) return { ok: false, refusal };
  }
  const [first] = addresses;
  if (!first) throw Object.assign(new Error(`${url.hostname} has no address`), { code: 'ENOTFOUND' });
  return { ok: true, address: first };
}
