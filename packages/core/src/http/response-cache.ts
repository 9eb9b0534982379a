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
   * How long an answer may be served, in milliseconds. Writes on this instance end it sooner; this bounds what other
   * instances' writes leave stale. Default 5,000.
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

interface Entry extends CachedResponse {
  version: string;
  expiresAt: number;
  /** Body and key, in bytes (near enough for ASCII keys). */
  size: number;
}

/**
 * Whole GraphQL answers for anonymous callers, who all see the same public
 * data, keyed by the exact request. An entry is served only while the
 * version it was produced under is current: the version changes after every
 * store write this instance makes (except to logs no anonymous query shows)
 * and whenever the plugin schema changes, so a mutation is never followed by
 * a stale read here; the TTL bounds staleness from other instances' writes.
 */
export class ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBodyBytes: number;
  readonly maxTotalBytes: number;
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor(
    private readonly currentVersion: () => string,
    options: ResponseCacheOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 16 * 1024 * 1024;
  }

  /**
   * The version to produce an answer under: take it before running the request, so a write during the run makes the
   * answer stale at once.
   */
  version(): string {
    return this.currentVersion();
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.currentVersion() || entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, version: string, response: CachedResponse): void {
    const size = response.body.length + key.length;
    if (response.body.length > this.maxBodyBytes || size > this.maxTotalBytes) return;
    this.remove(key);
    this.entries.set(key, { ...response, version, expiresAt: this.now() + this.ttlMs, size });
    this.totalBytes += size;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxTotalBytes)
      this.remove(this.entries.keys().next().value!);
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
