import { MaruError } from '../errors.js';

export interface RateLimitOptions {
  /** Length of one window in milliseconds. */
  windowMs: number;
  /** Requests allowed per caller in one window. */
  max: number;
}

/**
 * A fixed-window request counter per caller (API key, else client address),
 * kept in this process. Several hub instances each count their own share;
 * a shared counter belongs with the Redis deployment.
 */
export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `caller`; throws RATE_LIMITED when over the limit. */
  hit(caller: string): void {
    const now = this.now();
    if (now - this.windowStart >= this.options.windowMs) {
      this.windowStart = now - (now % this.options.windowMs);
      this.counts.clear();
    }
    const count = (this.counts.get(caller) ?? 0) + 1;
    this.counts.set(caller, count);
    if (count > this.options.max) {
      const retryAfter = Math.max(1, Math.ceil((this.windowStart + this.options.windowMs - now) / 1000));
      throw new MaruError(
        'RATE_LIMITED',
        `Too many requests: at most ${this.options.max} ` +
          `per ${this.options.windowMs / 1000} s. Retry in ${retryAfter} s.`,
        { retryAfter },
      );
    }
  }
}
