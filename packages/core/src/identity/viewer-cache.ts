import type { Session } from './session-service.js';
import type { Viewer } from './viewer.js';

/**
 * What changed in identity, by id: the key or session (revoked, ended), the member (roles, status) or the
 * organization. Each viewer built from that record is forgotten.
 */
export interface IdentityChange {
  keyId?: string;
  sessionId?: string;
  memberId?: string;
  organizationId?: string;
}

/**
 * How identity changes travel between the hubs of one deployment (coordination's `identity-changes.ts`, through
 * Redis). Without it (one hub) the cache needs no one's word.
 */
export interface IdentityChangeFeed {
  /**
   * Tells the other hubs; resolves once Redis has taken the message (and so queued it to every subscribed hub), never
   * rejects.
   */
  announce(change: IdentityChange): Promise<void> | void;
  /** Calls `listener` with each change another hub announces, and with `null` when some may have been missed. */
  follow(listener: (change: IdentityChange | null) => void): void;
  /** Whether this hub hears the other hubs' changes now. */
  hearing(): boolean;
}

/** One authenticated credential: the viewer, and for a session the session record its checks read. */
export interface CachedViewer {
  viewer: Viewer;
  session: Session | null;
}

export interface ViewerCacheOptions {
  feed?: IdentityChangeFeed;
  clock?: () => number;
  /**
   * How long an entry is served: the bound for a change no hub announced (a write to the store behind the hub's back,
   * or made while Redis was away from the writer). Default 30 s.
   */
  ttlMs?: number;
  /** Most credentials kept; the least recently used goes first. Default 10,000. */
  maxEntries?: number;
}

interface Entry extends CachedViewer {
  until: number;
}

/**
 * Viewers by their credential's hash (an API key's or a session token's), so that a keyed request does not read its
 * key, member and organization from the store each time. Only successes are kept: an unknown or refused credential is
 * read again each time (and counted by the rate limiter's failed authentications).
 *
 * Every identity write that can change what a viewer may do calls `forget` — the one door — which drops the viewers
 * built from that record here and announces it to the other hubs. Expiry is no change: callers check it on each hit.
 */
export class ViewerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #feed: IdentityChangeFeed | null;
  readonly #clock: () => number;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  /** Grows with every forget: a fill that began before one may hold what was just forgotten, and is not kept. */
  #epoch = 0;

  constructor(options: ViewerCacheOptions = {}) {
    this.#feed = options.feed ?? null;
    this.#clock = options.clock ?? Date.now;
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#feed?.follow((change) => (change ? this.#drop(change) : this.clear()));
  }

  /**
   * Whether entries may be served now. With several hubs, only while this hub hears their changes: when Redis is
   * configured but away, a key revoked on another hub would go on working here, so every request reads the store
   * until Redis is back (safety over speed; the feed then says `null` and everything cached before is dropped).
   */
  usable(): boolean {
    return this.#feed === null || this.#feed.hearing();
  }

  /**
   * `get` for a request: with several hubs, after the announcements already received have been handled. Redis sends
   * an announcement to this hub before it answers the announcing hub, so by the time a caller who saw that answer
   * reaches this hub the message is readable here; but it may be readable in the same turn of the event loop as the
   * caller's request, and callbacks of one turn run in any order. Waiting for the turn's end (`setImmediate`) lets the
   * announcement's callback run first.
   */
  async lookup(hash: string): Promise<CachedViewer | undefined> {
    if (this.#feed) await new Promise((resolve) => setImmediate(resolve));
    return this.get(hash);
  }

  /** The viewer of this credential hash, if one is cached, fresh and may be served. */
  get(hash: string): CachedViewer | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= this.#clock() || !this.usable()) {
      this.#entries.delete(hash);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    this.#entries.delete(hash);
    this.#entries.set(hash, entry);
    return entry;
  }

  /** Marks the start of a store read whose result may be kept (`set` with the mark). */
  mark(): number {
    return this.#epoch;
  }

  /** Keeps a viewer just read from the store, unless a forget came in since `mark` (or it may not be served now). */
  set(hash: string, value: CachedViewer, mark: number): void {
    if (mark !== this.#epoch || !this.usable()) return;
    this.#entries.delete(hash);
    this.#entries.set(hash, { ...value, until: this.#clock() + this.#ttlMs });
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Replaces a cached entry's records (a use stamped), keeping its time to live. */
  refresh(hash: string, value: CachedViewer): void {
    const entry = this.#entries.get(hash);
    if (entry) this.#entries.set(hash, { ...value, until: entry.until });
  }

  /** Drops one credential's entry (a hit that failed its checks: the store decides). */
  delete(hash: string): void {
    this.#entries.delete(hash);
  }

  /**
   * The one door for identity writes: called after the write, drops every viewer built from the changed record here
   * and tells the other hubs to do the same. The write's caller awaits it, so a mutation answers only once the other
   * hubs have been told.
   */
  async forget(change: IdentityChange): Promise<void> {
    this.#drop(change);
    await this.#feed?.announce(change);
  }

  /** Drops everything (messages from other hubs may have been missed). */
  clear(): void {
    this.#epoch++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #drop(change: IdentityChange): void {
    this.#epoch++;
    const credential = change.keyId ?? change.sessionId;
    for (const [hash, { viewer }] of this.#entries) {
      if (
        (credential !== undefined && viewer.apiKey._id === credential) ||
        (change.memberId !== undefined && viewer.member._id === change.memberId) ||
        (change.organizationId !== undefined && viewer.organization._id === change.organizationId)
      )
        this.#entries.delete(hash);
    }
  }
}
