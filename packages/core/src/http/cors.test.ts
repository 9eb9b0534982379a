import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { createCorsPolicy, normalizeOrigin } from './cors.js';

const ALLOWED = 'https://portal.example.go.kr';
const QUERY = JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' });

const cors = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

describe('CORS by allowlist', () => {
  let hub: TestHub;
  let open: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ corsOrigins: [ALLOWED] });
    open = await createTestHub();
  });
  afterAll(async () => {
    await hub.close();
    await open.close();
  });

  const post = (target: TestHub, origin: string | null, body = QUERY) =>
    target.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body,
    });

  it('an allowed origin gets its headers, the same on a cache miss and a hit', async () => {
    const body = JSON.stringify({ query: '{ organizations(first: 2) { totalCount } }' });
    const miss = await post(hub, ALLOWED, body);
    const hit = await post(hub, ALLOWED, body);
    expect(miss.headers.get('x-maru-cache')).toBe('MISS');
    expect(hit.headers.get('x-maru-cache')).toBe('HIT');
    expect(cors(miss)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id, x-maru-cache, retry-after',
      vary: 'Origin',
    });
    expect(cors(hit)).toEqual(cors(miss));
    // A hit first served to another origin answers the allowed one with its own headers too.
    const other = JSON.stringify({ query: '{ organizations(first: 3) { totalCount } }' });
    await post(hub, 'https://evil.example', other);
    const after = await post(hub, ALLOWED, other);
    expect(after.headers.get('x-maru-cache')).toBe('HIT');
    expect(cors(after)['access-control-allow-origin']).toBe(ALLOWED);
  });

  it('an unknown origin gets no CORS headers and no credentials, on a miss, a hit and a refusal', async () => {
    for (const target of [hub, open]) {
      const body = JSON.stringify({ query: '{ organizations(first: 4) { totalCount } }' });
      const miss = await post(target, 'https://evil.example', body);
      const hit = await post(target, 'https://evil.example', body);
      expect(hit.headers.get('x-maru-cache')).toBe('HIT');
      const refused = await target.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', authorization: 'Bearer nope' },
        body,
      });
      expect(refused.status).toBe(401);
      for (const response of [miss, hit, refused]) {
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      }
    }
    // Same-origin only by default: not even the hub's own origin is named (the browser needs none).
    expect(cors(await post(open, 'http://hub.test'))).toEqual({});
  });

  it('answers preflights: the allowed origin with methods and headers, another without CORS headers', async () => {
    const preflight = (target: TestHub, origin: string) =>
      target.fetch('http://hub.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-maru-csrf',
        },
      });
    const allowed = await preflight(hub, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(cors(allowed)).toEqual({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, x-maru-csrf',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    for (const refused of [await preflight(hub, 'https://evil.example'), await preflight(open, ALLOWED)]) {
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
    }
  });
});

describe('the CORS policy', () => {
  it('`*` lets any origin read, never with credentials; a listed origin keeps them', () => {
    const policy = createCorsPolicy(['*', ALLOWED]);
    expect(policy.headersFor('https://any.example')).toMatchObject({ 'access-control-allow-origin': '*' });
    expect(policy.headersFor('https://any.example')['access-control-allow-credentials']).toBeUndefined();
    expect(policy.headersFor(ALLOWED)['access-control-allow-credentials']).toBe('true');
    expect(policy.headersFor(null)['access-control-allow-origin']).toBeUndefined();
  });

  it('matches origins exactly, case-insensitively', () => {
    const policy = createCorsPolicy([ALLOWED]);
    expect(policy.headersFor('HTTPS://PORTAL.example.go.kr')['access-control-allow-origin']).toBeDefined();
    for (const near of ['https://portal.example.go.kr.evil.example', 'http://portal.example.go.kr', 'null'])
      expect(policy.headersFor(near)['access-control-allow-origin']).toBeUndefined();
  });

  it('takes origins only, not URLs with paths', () => {
    expect(normalizeOrigin('https://Portal.Example.go.kr/')).toBe('https://portal.example.go.kr');
    expect(normalizeOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    for (const bad of ['https://a.example/path', 'portal.example.go.kr', 'ftp://a.example', 'https://u@a.example'])
      expect(normalizeOrigin(bad)).toBeNull();
  });
});
