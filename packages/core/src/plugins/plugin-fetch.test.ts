import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePluginFetch, isPrivateAddress, type PluginFetchPolicy } from './plugin-fetch.js';

describe('ctx.fetch as the hub runs it', () => {
  let declared: Server;
  let other: Server;
  let declaredHost: string;
  let otherHost: string;
  const hits = { declared: 0, other: 0 };

  beforeAll(async () => {
    other = createServer((_req, res) => {
      hits.other++;
      res.end('the undeclared server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
    declared = createServer((req, res) => {
      hits.declared++;
      if (req.url === '/away') return void res.writeHead(302, { location: `http://${otherHost}/` }).end();
      if (req.url === '/here') return void res.writeHead(303, { location: '/echo' }).end();
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        res
          .setHeader('x-seen', `${req.method} ${req.headers['x-plugin'] ?? ''}`)
          .end(Buffer.concat(chunks).toString() || 'hello'),
      );
    });
    await new Promise<void>((resolve) => declared.listen(0, '127.0.0.1', resolve));
    declaredHost = `127.0.0.1:${(declared.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    declared.close();
    other.close();
  });

  const policy = (extra: Partial<PluginFetchPolicy> = {}): PluginFetchPolicy => ({
    hosts: [declaredHost],
    allowPrivate: true,
    signal: AbortSignal.timeout(5_000),
    ...extra,
  });
  const text = (body: Uint8Array) => Buffer.from(body).toString();

  it('reaches a declared host with the method, headers and body the plugin gave', async () => {
    const answer = await executePluginFetch(
      {
        url: `http://${declaredHost}/echo`,
        method: 'POST',
        headers: [['x-plugin', 'yes']],
        body: new TextEncoder().encode('ping'),
      },
      policy(),
    );
    expect(
      answer.ok && {
        status: answer.response.status,
        body: text(answer.response.body),
        seen: answer.response.headers.find(([n]) => n === 'x-seen')?.[1],
      },
    ).toEqual({ status: 200, body: 'ping', seen: 'POST yes' });
  });

  it('refuses an undeclared host without reaching it', async () => {
    const before = hits.other;
    const answer = await executePluginFetch({ url: `http://${otherHost}/` }, policy());
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'capability', message: expect.stringContaining(`fetch to ${otherHost} is not allowed`) },
    });
    expect(hits.other).toBe(before);
  });

  it('re-checks every redirect: within the declared host it follows, to another host it refuses', async () => {
    const followed = await executePluginFetch(
      { url: `http://${declaredHost}/here`, method: 'POST', body: new TextEncoder().encode('x') },
      policy(),
    );
    // 303 continues as a GET without the body.
    expect(followed.ok && text(followed.response.body)).toBe('hello');
    const before = hits.other;
    const away = await executePluginFetch({ url: `http://${declaredHost}/away` }, policy());
    expect(away).toMatchObject({ ok: false, error: { kind: 'capability' } });
    expect(hits.other).toBe(before);
    expect(await executePluginFetch({ url: `http://${declaredHost}/loop` }, policy())).toMatchObject({
      ok: false,
      error: { kind: 'input', message: expect.stringContaining('redirected more than 5 times') },
    });
  });

  it('refuses a declared host that is (or resolves to) a loopback or private address unless the operator allows it', async () => {
    const before = hits.declared;
    expect(await executePluginFetch({ url: `http://${declaredHost}/` }, policy({ allowPrivate: false }))).toMatchObject(
      { ok: false, error: { kind: 'capability', message: expect.stringContaining('loopback, private or link-local') } },
    );
    const port = declaredHost.split(':')[1];
    // A name the plugin's publisher declared, pointing at the hub's own machine.
    expect(
      await executePluginFetch(
        { url: `http://localhost:${port}/` },
        policy({ hosts: [`localhost:${port}`], allowPrivate: false }),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'capability' } });
    expect(
      await executePluginFetch(
        { url: `http://[::1]:${port}/` },
        policy({ hosts: [`[::1]:${port}`], allowPrivate: false }),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'capability' } });
    expect(hits.declared).toBe(before);
  });

  it('knows which addresses are private', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses headers the hub sets, other schemes and credentials in the URL', async () => {
    expect(
      await executePluginFetch({ url: `http://${declaredHost}/`, headers: [['host', 'evil.example']] }, policy()),
    ).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(
      await executePluginFetch({ url: `http://${declaredHost}/`, headers: [['x-a', 'b\r\nx-b: c']] }, policy()),
    ).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await executePluginFetch({ url: 'file:///etc/passwd' }, policy())).toMatchObject({
      ok: false,
      error: { kind: 'capability' },
    });
    expect(await executePluginFetch({ url: `http://user:pw@${declaredHost}/` }, policy())).toMatchObject({
      ok: false,
      error: { kind: 'input' },
    });
  });
});
