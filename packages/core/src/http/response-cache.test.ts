import { describe, expect, it } from 'vitest';
import { isCacheableRequest, ResponseCache, type CacheableRequest } from './response-cache.js';

const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: Buffer.from(text) });

const none = new Set<string>();
const served = async (cache: ResponseCache, key: string) => {
  const found = await cache.lookup(key);
  return typeof found === 'object' ? found.body.toString() : found;
};

describe('ResponseCache', () => {
  it('serves an answer only while the version it was produced under is current', async () => {
    let version = 1;
    const cache = new ResponseCache(() => String(version));
    const before = cache.begin();
    cache.set('k', before, none, answer('{"a":1}'));
    expect(await served(cache, 'k')).toBe('{"a":1}');
    version++;
    expect(await served(cache, 'k')).toBe('miss');
    expect(cache.size).toBe(0);
  });

  it('drops an answer produced while a write finished: the version was taken before the run', async () => {
    let version = 1;
    const cache = new ResponseCache(() => String(version));
    const taken = cache.begin();
    version++; // a write lands while the request runs
    cache.set('k', taken, none, answer('{"stale":true}'));
    expect(await served(cache, 'k')).toBe('miss');
  });

  it('ends answers after the TTL', async () => {
    let now = 0;
    const cache = new ResponseCache(
      () => 'v',
      { ttlMs: 1_000 },
      () => now,
    );
    cache.set('k', 'v', none, answer('{}'));
    now = 999;
    expect(await served(cache, 'k')).toBe('{}');
    now = 1_000;
    expect(await served(cache, 'k')).toBe('miss');
  });

  it('keeps at most maxEntries, dropping the least recently stored, and refuses answers over maxBodyBytes', async () => {
    const cache = new ResponseCache(() => 'v', { maxEntries: 2, maxBodyBytes: 10 });
    cache.set('a', 'v', none, answer('{}'));
    cache.set('b', 'v', none, answer('{}'));
    cache.set('c', 'v', none, answer('{}'));
    expect(await Promise.all(['a', 'b', 'c'].map((k) => served(cache, k)))).toEqual(['miss', '{}', '{}']);
    cache.set('big', 'v', none, answer('{"x":"0123456789"}'));
    expect(await served(cache, 'big')).toBe('miss');
  });

  it('keeps all answers under maxTotalBytes, dropping the oldest, and counts what it frees', async () => {
    const cache = new ResponseCache(() => 'v', { maxTotalBytes: 30 });
    cache.set('a', 'v', none, answer('0123456789')); // 11 bytes with its key
    cache.set('b', 'v', none, answer('0123456789'));
    expect(cache.bytes).toBe(22);
    cache.set('c', 'v', none, answer('0123456789'));
    expect((await Promise.all(['a', 'b', 'c'].map((k) => served(cache, k)))).map((x) => x !== 'miss')).toEqual([
      false,
      true,
      true,
    ]);
    expect(cache.bytes).toBe(22);
    cache.set('b', 'v', none, answer('01')); // replacing an answer frees the old one
    expect(cache.bytes).toBe(14);
  });

  it('is bypassed, neither serving nor dropping, while its freshness cannot be told', async () => {
    let reachable = true;
    const cache = new ResponseCache({
      begin: () => (reachable ? 'v' : null),
      recordReads: async (work) => ({ result: await work(), reads: none }),
      stamp: (begun) => begun,
      isCurrent: () => (reachable ? true : null),
    });
    cache.set('k', cache.begin(), none, answer('{}'));
    reachable = false;
    expect([await served(cache, 'k'), cache.begin()]).toEqual(['unavailable', null]);
    reachable = true;
    expect(await served(cache, 'k')).toBe('{}');
  });
});

describe('isCacheableRequest', () => {
  const base: CacheableRequest = {
    method: 'POST',
    url: '/graphql',
    authorization: null,
    contentType: 'application/json',
    accept: 'application/json',
    contentLength: 40,
  };
  it.each<[string, Partial<CacheableRequest>, boolean]>([
    ['an anonymous JSON POST', {}, true],
    ['a GET with a query string', { method: 'GET', contentType: null, url: '/graphql?query=%7B__typename%7D' }, true],
    ['a request with an API key', { authorization: 'Bearer mk_x' }, false],
    ['an event stream', { accept: 'text/event-stream' }, false],
    [
      'a browser asking for GraphiQL',
      { method: 'GET', url: '/graphql?query=x', accept: 'text/html,application/xhtml+xml' },
      false,
    ],
    ['a multipart upload', { contentType: 'multipart/form-data; boundary=x' }, false],
    ['a body of unknown length', { contentLength: null }, false],
    ['a body over 64 KiB', { contentLength: 64 * 1024 + 1 }, false],
    ['another path', { url: '/graphql/other' }, false],
    ['a GET without a query', { method: 'GET', url: '/graphql' }, false],
  ])('%s: %s', (_name, change, expected) => {
    expect(isCacheableRequest({ ...base, ...change }, '/graphql')).toBe(expected);
  });
});
