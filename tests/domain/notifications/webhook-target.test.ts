// Where a webhook may point: the usual ways of reaching a cloud's metadata service or a private network, each refused.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../domain/errors.js';
import { checkAddress, checkWebhookUrl, requirePublicWebhooks, type WebhookTargetPolicy } from '../../../domain/notifications/webhook-target.js';

const production: WebhookTargetPolicy = { allowLoopback: false };
const local: WebhookTargetPolicy = { allowLoopback: true };

/** What the check says of a URL: `ok`, or the refusal in English. */
function verdict(url: string, policy: WebhookTargetPolicy): string {
  const checked = checkWebhookUrl(url, policy);
  return checked.ok ? 'ok' : checked.refusal.text.en;
}

describe('a webhook URL in production', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://2852039166/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://0xA9FEA9FE/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://0251.0376.0251.0376/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://169.254.169.254./latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://[::ffff:169.254.169.254]/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['https://[fd00:ec2::254]/latest/meta-data/', 'unique local address (fd00:ec2::254)'],
    ['https://[fe80::1]/hook', 'link-local address (fe80::1)'],
    ['https://10.0.0.5/hook', 'private address (10.0.0.5)'],
    ['https://172.16.0.1/hook', 'private address (172.16.0.1)'],
    ['https://172.31.255.254/hook', 'private address (172.31.255.254)'],
    ['https://192.168.1.10/hook', 'private address (192.168.1.10)'],
    ['https://100.64.0.1/hook', 'carrier-grade NAT address (100.64.0.1)'],
    ['https://127.0.0.1/hook', 'loopback address (127.0.0.1)'],
    ['https://127.1/hook', 'loopback address (127.0.0.1)'],
    ['https://[::1]/hook', 'loopback address (::1)'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback address (127.0.0.1)'],
    ['https://0/hook', 'unspecified address (0.0.0.0)'],
    ['https://224.0.0.1/hook', 'multicast address (224.0.0.1)'],
    ['https://255.255.255.255/hook', 'broadcast address (255.255.255.255)'],
    ['https://240.0.0.1/hook', 'reserved address (240.0.0.1)'],
    ['https://[2002:a9fe:a9fe::1]/hook', 'link-local address (169.254.169.254)'],
    ['https://[2002:0a00:0005::1]/hook', 'private address (10.0.0.5)'],
    ['https://[64:ff9b::a9fe:a9fe]/hook', 'link-local address (169.254.169.254)'],
    ['https://[2001::1]/hook', 'special-purpose address (2001::1)'],
    ['https://[::a9fe:a9fe]/hook', 'special-purpose address (::a9fe:a9fe)'],
    ['https://localhost/hook', 'this machine (localhost)'],
    ['https://hooks.localhost./hook', 'this machine (hooks.localhost.)'],
  ])('refuses %s: %s', (url, why) => {
    expect(verdict(url, production)).toContain(why);
  });

  it.each([
    ['http://user:pass@example.com/', 'must not contain a user name or password'],
    ['https://token@hooks.example.com/', 'must not contain a user name or password'],
    ['ftp://hooks.example.com/', 'must be an https URL'],
    ['http://hooks.example.com/casework', 'must be an https URL'],
    ['file:///etc/passwd', 'must be an https URL'],
    ['not a url', 'must be a URL'],
  ])('refuses %s: %s', (url, why) => {
    expect(verdict(url, production)).toBe(why);
  });

  it.each(['https://hooks.haiqiao.example/casework', 'https://93.184.215.14/hook', 'https://[2606:4700::1111]/hook', 'https://[2002:5db8:d70e::1]/hook', 'https://[64:ff9b::5db8:d70e]/hook', 'https://例子.测试/hook'])(
    'accepts the public target %s',
    (url) => {
      expect(verdict(url, production)).toBe('ok');
    },
  );

  it('says why in Chinese too', () => {
    const checked = checkWebhookUrl('http://169.254.169.254/latest/meta-data/', production);

    expect(checked.ok ? undefined : checked.refusal.text.zh).toBe('不能指向链路本地地址（169.254.169.254），只允许公网地址');
  });
});

describe('a webhook URL on the local runtime', () => {
  it.each(['http://127.0.0.1:8123/casework', 'http://[::1]:8123/casework', 'http://localhost:8123/casework', 'https://127.0.0.1/hook'])('accepts the test receiver %s', (url) => {
    expect(verdict(url, local)).toBe('ok');
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local address (169.254.169.254)'],
    ['http://2852039166/', 'link-local address (169.254.169.254)'],
    ['http://10.0.0.5/hook', 'private address (10.0.0.5)'],
    ['http://192.168.1.10/hook', 'private address (192.168.1.10)'],
    ['http://[fd00:ec2::254]/', 'unique local address (fd00:ec2::254)'],
    ['http://0.0.0.0:8123/', 'unspecified address (0.0.0.0)'],
    ['http://user:pass@127.0.0.1:8123/', 'must not contain a user name or password'],
    ['ftp://127.0.0.1/', 'must be an http(s) URL'],
  ])('still refuses %s: %s', (url, why) => {
    expect(verdict(url, local)).toContain(why);
  });
});

describe('an address a host resolved to', () => {
  it('is refused unless public; loopback only where allowed', () => {
    expect(checkAddress('93.184.215.14', production)).toBeUndefined();
    expect(checkAddress('2606:4700::1111', production)).toBeUndefined();
    expect(checkAddress('10.0.0.5', production)?.range).toBe('private');
    expect(checkAddress('::ffff:10.0.0.5', production)?.range).toBe('private');
    expect(checkAddress('fe80::1%eth0', production)?.range).toBe('linkLocal');
    expect(checkAddress('127.0.0.1', production)?.range).toBe('loopback');
    expect(checkAddress('127.0.0.1', local)).toBeUndefined();
    expect(checkAddress('::1', local)).toBeUndefined();
    expect(checkAddress('169.254.169.254', local)?.range).toBe('linkLocal');
  });

  it('is refused when it is no address at all', () => {
    expect(checkAddress('hooks.example', production)?.range).toBe('invalid');
  });
});

describe('subscribing webhooks', () => {
  it('names each refused URL in both languages, and lets the public ones through', () => {
    const webhooks = [
      { url: 'https://hooks.haiqiao.example/casework', secret: 'whsec-0123456789abcdef' },
      { url: 'http://169.254.169.254/latest/meta-data/', secret: 'whsec-0123456789abcdef' },
      { url: 'https://user:pass@hooks.haiqiao.example/', secret: 'whsec-0123456789abcdef' },
    ];

    let thrown: unknown;
    try {
      requirePublicWebhooks(webhooks, production);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(['webhooks[1].url', 'webhooks[2].url']);
    expect(error.text.en).toBe(
      'webhooks[1].url: must not point to a link-local address (169.254.169.254): only public addresses are allowed; webhooks[2].url: must not contain a user name or password',
    );
    expect(error.text.zh).toBe('webhooks[1].url: 不能指向链路本地地址（169.254.169.254），只允许公网地址；webhooks[2].url: 不能包含用户名或密码');
    expect(() => requirePublicWebhooks(webhooks.slice(0, 1), production)).not.toThrow();
  });
});
