/** What a request needs for the cache to hold a response for it. */
export interface RequestCaching {
  /**
   * Set by resolvers whose reads are logged or metered (data records, service calls): such a response must be produced
   * every time.
   */
  sideEffects: boolean;
  /** Set once the operation ran: an anonymous query, answered without errors and without side effects. */
  storable: boolean;
}

export interface ResponseCacheOptions {
  /**
   * How long an answer may be served, in milliseconds. Writes to what it read end it sooner (on any hub sharing Redis);
   * this bounds what a hub cut off from the others leaves stale. Default 5,000.
   */
  ttlMs?: number;
  /** Answers kept, least recently used dropped first. Default 1,000. */
  maxEntries?: number;
  /** Larger answers are not kept. Default 256 KiB. */
  maxBodyBytes?: number;
  /** All answers together stay under this, least recently stored dropped first. Default 16 MiB. */
  maxTotalBytes?: number;
}

export interface CachedResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * Whether kept answers are still current: the port the cache asks (`coordination/cache-generations.ts` implements
 * it with per-collection generations, kept locally and, with several hubs, in Redis).
 */
export interface CacheFreshness<Begun = unknown, Stamp = unknown> {
  /**
   * Before an answer is produced: what its stamp will be made from (taken first, so a write during the run makes the
   * answer stale at once). `null`: freshness cannot be told now — the answer is neither served from nor kept.
   */
  begin(): Begun | null | Promise<Begun | null>;
  /** Runs the producing request and names the collections it read (the answer depends on those only). */
  recordReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: ReadonlySet<string> }>;
  /** After the run: the stamp kept with the answer, or `null` when it must not be kept. */
  stamp(begun: Begun, reads: ReadonlySet<string>): Stamp | null;
  /** At a lookup: whether an answer with this stamp may be served; `null`: cannot tell now (the cache is bypassed). */
  isCurrent(stamp: Stamp): boolean | null | Promise<boolean | null>;
}

/** One version for everything: an answer is current while `currentVersion()` returns what it did before the run. */
export function versionFreshness(currentVersion: () => string): CacheFreshness<string, string> {
  return {
    begin: currentVersion,
    recordReads: async (work) => ({ result: await work(), reads: new Set<string>() }),
    stamp: (begun) => begun,
    isCurrent: (stamp) => stamp === currentVersion(),
  };
}

/** What a lookup found: an answer to serve, nothing (`miss`: produce and keep one), or `unavailable` (bypass). */
export type CacheLookup = CachedResponse | 'miss' | 'unavailable';

interface Entry extends CachedResponse {
  stamp: unknown;
  expiresAt: number;
  /** Body and key, in bytes (near enough for ASCII keys). */
  size: number;
}

/**
 * Whole GraphQL answers for anonymous callers, who all see the same public
 * data, keyed by the exact request. An entry is served only while its
 * freshness stamp is current: with the hub's generations, until a write to a
 * collection the answer read (on this hub, or on another one sharing Redis) or
 * a change of the plugin schema, so a mutation is never followed by a stale
 * read; the TTL bounds what cannot be seen (writes of a hub cut off from Redis).
 */
export class ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBodyBytes: number;
  readonly maxTotalBytes: number;
  readonly freshness: CacheFreshness;
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor(
    freshness: CacheFreshness<any, any> | (() => string),
    options: ResponseCacheOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.freshness = typeof freshness === 'function' ? versionFreshness(freshness) : freshness;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 16 * 1024 * 1024;
  }

  /** What a new answer's stamp is made from; `null` when the cache cannot be used now. Take it before the run. */
  begin(): unknown {
    return this.freshness.begin();
  }

  /** The answer kept for `key` if it is current; a stale or expired one is dropped. */
  async lookup(key: string): Promise<CacheLookup> {
    const entry = this.entries.get(key);
    if (!entry) return 'miss';
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return 'miss';
    }
    const current = await this.freshness.isCurrent(entry.stamp);
    if (current === null) return 'unavailable';
    if (!current) {
      this.remove(key);
      return 'miss';
    }
    return entry;
  }

  /** Keeps an answer produced after `begin()` gave `begun`, having read `reads`. */
  set(key: string, begun: unknown, reads: ReadonlySet<string>, response: CachedResponse): void {
    const size = response.body.length + key.length;
    if (response.body.length > this.maxBodyBytes || size > this.maxTotalBytes) return;
    const stamp = this.freshness.stamp(begun, reads);
    if (stamp === null) return;
    this.remove(key);
    this.entries.set(key, { ...response, stamp, expiresAt: this.now() + this.ttlMs, size });
    this.totalBytes += size;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxTotalBytes)
      this.remove(this.entries.keys().next().value!);
  }

  /** Forgets every answer (their stamps can no longer be checked, e.g. Redis came back after an outage). */
  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  /** Bytes held (answers and keys). */
  get bytes(): number {
    return this.totalBytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.size;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Request bodies larger than this are never looked up (and never read ahead of yoga). */
export const MAX_CACHED_REQUEST_BYTES = 64 * 1024;

export interface CacheableRequest {
  method: string;
  /** Path and query string. */
  url: string;
  authorization: string | null;
  contentType: string | null;
  accept: string | null;
  contentLength: number | null;
}

/**
 * Whether a request may be answered from the cache: anonymous, a GraphQL
 * request at the endpoint (POST of JSON with a known, small length, or GET
 * with a query string), asking for JSON — not GraphiQL, not an event stream.
 */
export function isCacheableRequest(request: CacheableRequest, endpoint: string): boolean {
  if (request.authorization !== null) return false;
  const accept = request.accept ?? '';
  if (accept.includes('text/event-stream') || accept.includes('multipart/mixed') || accept.includes('text/html'))
    return false;
  const [path, search] = splitUrl(request.url);
  if (path !== endpoint) return false;
  if (request.method === 'GET') return search.length > 0;
  if (request.method !== 'POST') return false;
  if (!request.contentType?.startsWith('application/json')) return false;
  return request.contentLength !== null && request.contentLength <= MAX_CACHED_REQUEST_BYTES;
}

export function cacheKey(request: CacheableRequest, body: string): string {
  return `${request.method}\n${request.url}\n${request.contentType ?? ''}\n${request.accept ?? ''}\n${body}`;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}
