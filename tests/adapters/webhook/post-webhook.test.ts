// One webhook POST against real receivers on loopback, with the host's DNS answers given by the test: a target that is
// not public is refused before anything is sent, and the connection goes to the address that was checked.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookTargetPolicy } from '../../../domain/notifications/webhook-target.js';
import { postWebhook } from '../../../adapters/webhook/post-webhook.js';
import { type Resolver, resolveTarget } from '../../../adapters/webhook/target-policy.js';
import { freePort } from '../../../local/runtime/free-port.js';

const production: WebhookTargetPolicy = { allowLoopback: false };
const local: WebhookTargetPolicy = { allowLoopback: true };
const secret = 'whsec-dongmen-0123456789';
const at = new Date('2026-11-23T02:00:05Z');
const headers = { event: 'ticket.dispatched', delivery: 'T20261123-4K7Q2X-2-s-haibin-dongmen-webhook0' };
const body = JSON.stringify({ id: headers.delivery, type: 'ticket.dispatched' });

/** A resolver answering from a list, one answer per lookup (the last one repeated), counting lookups. */
function dns(...answers: string[][]): Resolver & { lookups: string[] } {
  const lookups: string[] = [];
  const resolve = async (host: string) => {
    lookups.push(host);
    const answer = answers[Math.min(lookups.length - 1, answers.length - 1)] ?? [];
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { lookups });
}

/** A receiver on 127.0.0.1 that counts every connection made to it and answers with `respond`. */
async function receiver(respond: (res: ServerResponse) => void = (res) => res.writeHead(204).end()) {
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  let connections = 0;
  let hungUp: () => void = () => undefined;
  const clientHungUp = new Promise<void>((r) => (hungUp = r));
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: text });
      res.on('close', hungUp);
      respond(res);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    get connections() {
      return connections;
    },
    /** Settles once the client has closed the connection to an answer (resolved by the server seeing it go). */
    clientHungUp,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('a webhook whose host resolves to an address that is not public', () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(() => hook.close());

  it('is refused when the host resolves to a private address, and says why', async () => {
    const resolver = dns(['10.0.0.5']);

    const result = await postWebhook('https://hooks.haiqiao.example/casework', secret, body, headers, at, { policy: production, resolve: resolver });

    expect(result).toEqual({ ok: false, refused: true, error: 'target refused: must not point to a private address (10.0.0.5): only public addresses are allowed' });
    expect(resolver.lookups).toEqual(['hooks.haiqiao.example']);
  });

  it('is refused when any one of its addresses is not public', async () => {
    const result = await postWebhook('https://hooks.haiqiao.example/casework', secret, body, headers, at, { policy: production, resolve: dns(['93.184.215.14', '169.254.169.254']) });

    expect(result).toMatchObject({ ok: false, refused: true, error: expect.stringContaining('link-local address (169.254.169.254)') as string });
  });

  it('sends nothing to a host that resolves to this machine when loopback is not allowed', async () => {
    const result = await postWebhook(`https://hooks.haiqiao.example:${hook.port}/casework`, secret, body, headers, at, { policy: production, resolve: dns(['127.0.0.1']) });

    expect(result).toMatchObject({ ok: false, refused: true, error: expect.stringContaining('loopback address (127.0.0.1)') as string });
    expect(hook.connections).toBe(0);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'https://2852039166/latest/meta-data/', 'https://0xA9FEA9FE/', 'https://[::ffff:169.254.169.254]/', 'https://[fd00:ec2::254]/', 'https://user:pass@hooks.haiqiao.example/'])(
    'refuses %s as written, before any lookup',
    async (url) => {
      const resolver = dns(['93.184.215.14']);

      const result = await postWebhook(url, secret, body, headers, at, { policy: production, resolve: resolver });

      expect(result).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/^target refused: /) as string });
      expect(resolver.lookups).toEqual([]);
    },
  );

  it('is refused after a real lookup of localhost, which resolves to loopback', async () => {
    const refused = await resolveTarget(new URL('https://localhost/casework'), production);
    const allowed = await resolveTarget(new URL('http://localhost/casework'), local);

    expect(refused).toMatchObject({ ok: false, refusal: { range: 'loopback' } });
    expect(allowed).toMatchObject({ ok: true, address: { address: expect.stringMatching(/^(127\.|::1$)/) as string } });
  });
});

describe('a webhook whose host resolves to an allowed address', () => {
  it('is sent to the address that was checked, never to a second answer (DNS rebinding), with the host name kept', async () => {
    const hook = await receiver();
    const resolver = dns(['127.0.0.1'], ['10.0.0.5']);

    const result = await postWebhook(`http://hooks.haiqiao.example:${hook.port}/casework`, secret, body, headers, at, { policy: local, resolve: resolver });

    expect(result).toEqual({ ok: true, status: 204 });
    expect(resolver.lookups).toHaveLength(1);
    expect(hook.requests.map((r) => [r.headers.host, r.headers['casework-delivery'], r.body])).toEqual([[`hooks.haiqiao.example:${hook.port}`, headers.delivery, body]]);
    await hook.close();
  });

  it('reads no more than a few kilobytes of an answer that never ends', async () => {
    let written = 0;
    const hook = await receiver((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!res.destroyed && written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', more);
      more();
    });

    const result = await postWebhook(`http://127.0.0.1:${hook.port}/casework`, secret, body, headers, at, { policy: local });

    expect(result).toEqual({ ok: true, status: 200 });
    await hook.clientHungUp;
    expect(written).toBeLessThan(512 * 1024 * 1024);
    await hook.close();
  });

  it('reports a receiver that is not listening by the kind of failure, without its address', async () => {
    const port = await freePort();

    expect(await postWebhook(`http://127.0.0.1:${port}/casework`, secret, body, headers, at, { policy: local })).toEqual({ ok: false, error: 'network: ECONNREFUSED' });
  });

  it('does not follow a redirect to the metadata service', async () => {
    const hook = await receiver((res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());

    expect(await postWebhook(`http://127.0.0.1:${hook.port}/casework`, secret, body, headers, at, { policy: local })).toEqual({ ok: false, status: 302, error: 'HTTP 302' });
    expect(hook.requests).toHaveLength(1);
    await hook.close();
  });
});
