// Where a webhook may point: checked when a unit subscribes (the URL as written) and again at every delivery (each
// address its host resolves to), so a target can never reach the cloud's metadata service or a private network.
import ipaddr from 'ipaddr.js';
import { type Text, ValidationError } from '../errors.js';
import type { FieldIssue } from '../../schemas/validation-error.js';

/** What a deployment allows: loopback (and so plain http) only on the local runtime, whose tests listen on 127.0.0.1. */
export interface WebhookTargetPolicy {
  allowLoopback: boolean;
}

/** Why a target is refused; `range` names the kind of address when an address was the reason. */
export interface TargetRefusal {
  reason: 'not-a-url' | 'scheme' | 'credentials' | 'this-machine' | 'address';
  range?: string;
  text: Text;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; refusal: TargetRefusal };

// Each kind of address as a sentence names it: "must not point to a link-local address".
const rangeNames: Record<string, Text> = {
  private: { zh: '内网', en: 'a private' },
  loopback: { zh: '本机回环', en: 'a loopback' },
  linkLocal: { zh: '链路本地', en: 'a link-local' },
  uniqueLocal: { zh: '内网（IPv6 唯一本地）', en: 'a unique local' },
  carrierGradeNat: { zh: '运营商级 NAT', en: 'a carrier-grade NAT' },
  multicast: { zh: '组播', en: 'a multicast' },
  broadcast: { zh: '广播', en: 'a broadcast' },
  unspecified: { zh: '未指定', en: 'an unspecified' },
  reserved: { zh: '保留', en: 'a reserved' },
};
const specialPurpose: Text = { zh: '特殊用途', en: 'a special-purpose' };

const refusals = {
  notUrl: { reason: 'not-a-url', text: { zh: '应为网址', en: 'must be a URL' } },
  https: { reason: 'scheme', text: { zh: '应为 https 网址', en: 'must be an https URL' } },
  http: { reason: 'scheme', text: { zh: '应为 http 或 https 网址', en: 'must be an http(s) URL' } },
  credentials: { reason: 'credentials', text: { zh: '不能包含用户名或密码', en: 'must not contain a user name or password' } },
} satisfies Record<string, TargetRefusal>;

/** Checks a webhook URL as written: https (http too where loopback is allowed), no credentials, and a literal address public. */
export function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, refusal: refusals.notUrl };
  }
  const scheme = policy.allowLoopback ? refusals.http : refusals.https;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, refusal: scheme };
  if (url.username !== '' || url.password !== '') return { ok: false, refusal: refusals.credentials };
  // The host before plain http: "not the metadata service" is what someone pasting http://169.254.169.254 needs to hear.
  const refusal = hostRefusal(url.hostname, policy);
  if (refusal) return { ok: false, refusal };
  // Plain http is for the local runtime's receivers; in AWS a delivery must not be read or changed on its way.
  if (url.protocol === 'http:' && !policy.allowLoopback) return { ok: false, refusal: scheme };
  return { ok: true, url };
}

function hostRefusal(hostname: string, policy: WebhookTargetPolicy): TargetRefusal | undefined {
  // The URL parser has already turned decimal, hex and octal spellings of an IPv4 address into dotted form.
  const literal = literalAddress(hostname);
  if (literal !== undefined) return checkAddress(literal, policy);
  // RFC 6761: these names are this machine whatever DNS says; other names are resolved and checked at delivery.
  if (policy.allowLoopback || !/(^|\.)localhost\.?$/.test(hostname)) return undefined;
  return {
    reason: 'this-machine',
    range: 'loopback',
    text: { zh: `不能指向本机（${hostname}），只允许公网主机`, en: `must not point to this machine (${hostname}): only public hosts are allowed` },
  };
}

/** The IP address a URL's host spells, if it is one (an IPv6 literal without its brackets). */
export function literalAddress(hostname: string): string | undefined {
  if (hostname.startsWith('[') && hostname.endsWith(']')) return hostname.slice(1, -1);
  return ipaddr.IPv4.isValidFourPartDecimal(hostname) ? hostname : undefined;
}

/** Refuses an address unless it is public unicast; loopback passes only where the policy allows it. */
export function checkAddress(address: string, policy: WebhookTargetPolicy): TargetRefusal | undefined {
  if (!ipaddr.isValid(address)) return refusedAddress('invalid', address);
  // process() turns an IPv4-mapped IPv6 address (::ffff:a9fe:a9fe) into the IPv4 address it is.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'unicast' && (ip.kind() === 'ipv4' || isGlobalIpv6(ip as ipaddr.IPv6))) return undefined;
  if (range === 'loopback' && policy.allowLoopback) return undefined;
  // An IPv6 address that carries an IPv4 one reaches that one: 6to4 (2002:a9fe:a9fe::) and NAT64 (64:ff9b::a9fe:a9fe).
  const embedded = ip.kind() === 'ipv6' ? embeddedIpv4(ip as ipaddr.IPv6, range) : undefined;
  if (embedded) return checkAddress(embedded, { allowLoopback: false });
  return refusedAddress(range, ip.toString());
}

// Only 2000::/3 is allocated for global unicast: an address outside it that ipaddr.js calls unicast (the deprecated
// IPv4-compatible ::a9fe:a9fe, say) may be routed somewhere no one meant.
function isGlobalIpv6(ip: ipaddr.IPv6): boolean {
  return ((ip.parts[0] ?? 0) & 0xe000) === 0x2000;
}

function embeddedIpv4(ip: ipaddr.IPv6, range: string): string | undefined {
  const p = ip.parts;
  const v4 = (high: number | undefined, low: number | undefined) => `${(high ?? 0) >> 8}.${(high ?? 0) & 0xff}.${(low ?? 0) >> 8}.${(low ?? 0) & 0xff}`;
  if (range === '6to4') return v4(p[1], p[2]);
  // The well-known NAT64 prefix 64:ff9b::/96 only; the local-use 64:ff9b:1::/48 places the address by its own rules.
  if (range === 'rfc6052' && p.slice(2, 6).every((part) => part === 0)) return v4(p[6], p[7]);
  return undefined;
}

function refusedAddress(range: string, address: string): TargetRefusal {
  const name = rangeNames[range] ?? specialPurpose;
  return {
    reason: 'address',
    range,
    text: range === 'invalid'
      ? { zh: `“${address}”不是 IP 地址`, en: `"${address}" is not an IP address` }
      : { zh: `不能指向${name.zh}地址（${address}），只允许公网地址`, en: `must not point to ${name.en} address (${address}): only public addresses are allowed` },
  };
}

/** Refuses a subscription whose webhook URLs are not allowed as written, each named as `webhooks[i].url` (400). */
export function requirePublicWebhooks(webhooks: readonly { url: string }[], policy: WebhookTargetPolicy): void {
  const issues: FieldIssue[] = webhooks.flatMap((hook, i) => {
    const checked = checkWebhookUrl(hook.url, policy);
    return checked.ok ? [] : [{ path: `webhooks[${i}].url`, message: checked.refusal.text.en, zh: checked.refusal.text.zh }];
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
