import { describe, expect, it } from 'vitest';
import { createTestHub, snapshotDomain } from '../testing/test-hub.js';
import { RateLimiter } from './rate-limiter.js';

describe('rate limiting', () => {
  it('refuses the request over the limit with RATE_LIMITED and retryAfter, changing nothing; other callers go on', async () => {
    const hub = await createTestHub({ rateLimit: { windowMs: 60_000, max: 3 } });
    const { keys } = hub.fixtures;
    for (let i = 0; i < 3; i++)
      expect((await hub.gql('{ viewer { name } }', {}, keys.companyAAdmin)).errors).toBeUndefined();
    const before = await snapshotDomain(hub);
    const refused = await hub.gql(
      'mutation { createOrganization(input: { kind: COMPANY, name: "Flood", slug: "flood" }) { organization { id } } }',
      {},
      keys.companyAAdmin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await snapshotDomain(hub)).toBe(before);
    expect((await hub.gql('{ viewer { name } }', {}, keys.companyBAdmin)).data.viewer.name).toBe('companyBAdmin');
    // Over HTTP the refusal is a 429 with Retry-After, so proxies see it too.
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.companyAAdmin}` },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await hub.close();
  });

  it('opens a new window when the old one has passed', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ windowMs: 1_000, max: 1 }, () => now);
    limiter.hit('a');
    expect(() => limiter.hit('a')).toThrow(/Too many requests/);
    now += 1_000;
    expect(() => limiter.hit('a')).not.toThrow();
  });
});

describe('the rate limiter’s memory', () => {
  it('stays bounded: 30,000 callers in one window keep at most maxBuckets counters, the oldest forgotten first', () => {
    const limiter = new RateLimiter({ windowMs: 60_000, max: 5, maxBuckets: 1_000 }, () => 1_000_000);
    for (let i = 0; i < 30_000; i++) limiter.hit(`addr:10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(1_000);
    // The newest are still counted; the first were forgotten.
    for (let i = 0; i < 4; i++) limiter.hit('addr:10.0.117.47');
    expect(() => limiter.hit('addr:10.0.117.47')).toThrow(/Too many requests/);
    expect(() => limiter.check('addr:10.0.0.0')).not.toThrow();
  });

  it('drops the counters of past windows as new requests come', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ windowMs: 1_000, max: 1 }, () => now);
    for (let i = 0; i < 500; i++) limiter.hit(`addr:${i}`);
    expect(limiter.size).toBe(500);
    now += 1_000;
    limiter.hit('addr:new');
    expect(limiter.size).toBe(1);
  });

  it('check refuses a caller that used up its window and counts nothing', () => {
    const limiter = new RateLimiter({ windowMs: 1_000, max: 2 }, () => 5_000);
    limiter.check('a');
    limiter.hit('a');
    limiter.check('a');
    limiter.hit('a');
    expect(() => limiter.check('a')).toThrow(/Too many requests/);
    expect(limiter.size).toBe(1);
  });
});
