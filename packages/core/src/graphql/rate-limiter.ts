import { MaruError } from '../errors.js';

export interface RateLimitOptions {
  /** Length of one window in milliseconds. */
  windowMs: number;
  /** Requests allowed per caller in one window. */
  max: number;
  /**
   * Most callers counted at once; past it the caller counted longest ago is forgotten, so memory stays bounded
   * whatever arrives. Default 100,000 (a few MB).
   */
  maxBuckets?: number;
}

/** One caller's count in the window that began at `start`. */
interface Bucket {
  start: number;
  count: number;
}

/**
 * A fixed-window request counter per caller — a short name the request front builds (`key:<key id>`,
 * `addr:<address>`), never a raw header — kept in this process. Several hub instances each count their own share; a
 * shared counter belongs with the Redis deployment (issue #19).
 *
 * Buckets are kept in the order their windows began (a caller entering a new window moves to the end), so the
 * oldest windows are at the front: those of past windows are dropped as new requests come, and past `maxBuckets`
 * the oldest one is dropped.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxBuckets: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.maxBuckets = Math.max(1, options.maxBuckets ?? 100_000);
  }

  /** How many callers are counted now (tests check it stays bounded). */
  get size(): number {
    return this.buckets.size;
  }

  /** Counts one request for `caller`; throws RATE_LIMITED when over the limit. */
  hit(caller: string): void {
    const start = this.windowStart();
    let bucket = this.buckets.get(caller);
    if (!bucket || bucket.start !== start) {
      this.buckets.delete(caller);
      this.forgetPast(start);
      if (this.buckets.size >= this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { start, count: 0 };
      this.buckets.set(caller, bucket);
    }
    bucket.count += 1;
    if (bucket.count > this.options.max) this.refuse(start);
  }

  /** Throws RATE_LIMITED if `caller` has used up this window, without counting a request. */
  check(caller: string): void {
    const start = this.windowStart();
    const bucket = this.buckets.get(caller);
    if (bucket && bucket.start === start && bucket.count >= this.options.max) this.refuse(start);
  }

  private windowStart(): number {
    const now = this.now();
    return now - (now % this.options.windowMs);
  }

  /** Drops the buckets of windows before `start`: they sit at the front. */
  private forgetPast(start: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (bucket.start >= start) return;
      this.buckets.delete(caller);
    }
  }

  private refuse(start: number): never {
    const retryAfter = Math.max(1, Math.ceil((start + this.options.windowMs - this.now()) / 1000));
    throw new MaruError(
      'RATE_LIMITED',
      `Too many requests: at most ${this.options.max} ` +
        `per ${this.options.windowMs / 1000} s. Retry in ${retryAfter} s.`,
      { retryAfter },
    );
  }
}
