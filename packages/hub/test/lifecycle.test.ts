import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

describe('the hub process', () => {
  let hub: HubProcess;
  let base: string;
  beforeAll(async () => {
    hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-life-') }, ['--demo']);
    base = hub.url.replace(/\/graphql$/, '');
  }, 60_000);
  afterAll(async () => {
    if (hub.child.exitCode === null) hub.child.kill('SIGKILL');
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('serves GraphiQL to browsers', async () => {
    const page = await fetch(hub.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('GraphiQL');
  });

  it('prints one demo key per seeded member, and each key works', async () => {
    const keys = [...hub.stderr().matchAll(/^\s+(\S+@\S+)\s+\S+\s+(maru_\S+)$/gm)];
    expect(keys.length).toBe(10);
    for (const [, email, key] of keys.slice(0, 3)) {
      const res = await gql(hub.url, '{ viewer { email } }', {}, key);
      expect(res.body.data.viewer.email).toBe(email);
    }
  });

  it('seeds the nested organization chart', async () => {
    const res = await gql(hub.url, '{ organizations(kind: AGENCY, first: 50) { nodes { slug ancestors { slug } } } }');
    const division = res.body.data.organizations.nodes.find((o: { slug: string }) => o.slug === 'mois-public-data');
    expect(division.ancestors).toEqual([{ slug: 'mois' }, { slug: 'mois-digital-government' }]);
  });

  it('echoes a sane x-request-id and logs it as JSON', async () => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    await new Promise((r) => setTimeout(r, 100));
    const line = hub
      .stdout()
      .split('\n')
      .find((l) => l.includes('trace-abc-123'));
    expect(JSON.parse(line!)).toMatchObject({ level: 'info', requestId: 'trace-abc-123', status: 200, msg: 'request' });
  });

  it('answers repeated anonymous queries from its cache over HTTP (POST and GET), each with its own request id; keyed requests and event streams go through', async () => {
    const query = '{ challenges(first: 5) { nodes { title agency { name } } } }';
    const post = (id: string, headers: Record<string, string> = {}) =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id, ...headers },
        body: JSON.stringify({ query }),
      });
    const first = await post('cache-1');
    const second = await post('cache-2');
    expect([first.headers.get('x-maru-cache'), second.headers.get('x-maru-cache')]).toEqual(['MISS', 'HIT']);
    expect(second.headers.get('x-request-id')).toBe('cache-2');
    expect(second.headers.get('content-type')).toContain('application/json');
    const body = await first.text();
    expect(JSON.parse(body).data.challenges.nodes.length).toBe(5);
    expect(await second.text()).toBe(body);

    const url = `${hub.url}?query=${encodeURIComponent(query)}`;
    const gets = [
      await fetch(url, { headers: { accept: 'application/json' } }),
      await fetch(url, { headers: { accept: 'application/json' } }),
    ];
    expect(gets.map((r) => r.headers.get('x-maru-cache'))).toEqual(['MISS', 'HIT']);
    expect(await gets[1]!.text()).toBe(body);

    const [, , key] = /^\s+(\S+@\S+)\s+\S+\s+(maru_\S+)$/m.exec(hub.stderr())!;
    const keyed = await post('cache-3', { authorization: `Bearer ${key}` });
    expect(keyed.headers.get('x-maru-cache')).toBeNull();
    expect((await keyed.json()).data.challenges.nodes.length).toBe(5);

    const stream = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('x-maru-cache')).toBeNull();
    expect(await stream.text()).toContain('"challenges"');
  });

  it('never leaks a key or a stack trace into logs or responses', async () => {
    const res = await gql(
      hub.url,
      '{ viewer { name } }',
      {},
      'maru_thisIsNotARealKeyButItIsLongEnoughToLookLikeOne000',
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(hub.stdout()).not.toMatch(/maru_[A-Za-z0-9_-]{40}/);
  });

  it('writes nothing but JSON log lines to a stdout that is not a terminal (no banner)', () => {
    const lines = hub.stdout().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(hub.stdout()).not.toContain('Press Ctrl+C');
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    // The request is half sent when the signal arrives, so it is truly in flight on the server.
    const body = JSON.stringify({ query: '{ organizations(first: 100) { totalCount } }' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        hub.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        hub.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.organizations.totalCount).toBeGreaterThan(0);
    expect(await hub.exited).toBe(0);
    expect(hub.stdout()).toContain('store closed; bye');
    // A new connection is refused once shutdown began.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
