import { describe, expect, it } from 'vitest';
import { isCacheableRequest, ResponseCache, type CacheableRequest } from './response-cache.js';

const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: Buffer.from(text) });

describe('ResponseCache', () => {
  it('serves an answer only while the version it was produced under is current', () => {
    let version = 1;
    const cache = new ResponseCache(() => String(version));
    const before = cache.version();
    cache.set('k', before, answer('{"a":1}'));
    expect(cache.get('k')?.body.toString()).toBe('{"a":1}');
    version++;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops an answer produced while a write finished: the version was taken before the run', () => {
    let version = 1;
    const cache = new ResponseCache(() => String(version));
    const taken = cache.version();
    version++; // a write lands while the request runs
    cache.set('k', taken, answer('{"stale":true}'));
    expect(cache.get('k')).toBeUndefined();
  });

  it('ends answers after the TTL', () => {
    let now = 0;
    const cache = new ResponseCache(
      () => 'v',
      { ttlMs: 1_000 },
      () => now,
    );
    cache.set('k', 'v', answer('{}'));
    now = 999;
    expect(cache.get('k')).toBeDefined();
    now = 1_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently stored, and refuses answers over maxBodyBytes', () => {
    const cache = new ResponseCache(() => 'v', { maxEntries: 2, maxBodyBytes: 10 });
    cache.set('a', 'v', answer('{}'));
    cache.set('b', 'v', answer('{}'));
    cache.set('c', 'v', answer('{}'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([false, true, true]);
    cache.set('big', 'v', answer('{"x":"0123456789"}'));
    expect(cache.get('big')).toBeUndefined();
  });

  it('keeps all answers under maxTotalBytes, dropping the oldest, and counts what it frees', () => {
    const cache = new ResponseCache(() => 'v', { maxTotalBytes: 30 });
    cache.set('a', 'v', answer('0123456789')); // 11 bytes with its key
    cache.set('b', 'v', answer('0123456789'));
    expect(cache.bytes).toBe(22);
    cache.set('c', 'v', answer('0123456789'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([false, true, true]);
    expect(cache.bytes).toBe(22);
    cache.set('b', 'v', answer('01')); // replacing an answer frees the old one
    expect(cache.bytes).toBe(14);
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
