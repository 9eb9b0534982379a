import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { MaruError } from '../errors.js';
import { RateLimiter, type RateLimitOptions } from '../graphql/rate-limiter.js';
import type { RequestRateLimit } from '../http/request-front.js';

/**
 * One count per caller for every hub of a deployment: rate-limiter-flexible's `RateLimiterRedis` (an atomic
 * INCR with the window's expiry, one round trip), `max` requests per `windowMs` — a window that starts at the caller's
 * first request, as rate-limiter-flexible counts. While Redis cannot be reached (or a command fails), each hub counts
 * on its own again with the in-process `RateLimiter` — the insurance limiter, with its bounded number of counters,
 * rather than rate-limiter-flexible's `RateLimiterMemory`, which keeps a counter per caller ever seen in the window
 * whatever arrives. Refusals are the same RATE_LIMITED with `retryAfter` either way.
 */
export class SharedRateLimit implements RequestRateLimit {
  private readonly shared: RateLimiterRedis;
  private readonly insurance: RateLimiter;
  private readonly windowSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimitOptions,
    prefix: string,
    now: () => number = Date.now,
  ) {
    // Redis keeps windows in whole seconds.
    this.windowSeconds = Math.max(1, Math.ceil(options.windowMs / 1000));
    this.shared = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:rate`,
      points: options.max,
      duration: this.windowSeconds,
      // Straight to the insurance limiter while the connection is down, instead of waiting for a command to fail.
      rejectIfRedisNotReady: true,
    });
    this.insurance = new RateLimiter(options, now);
  }

  async hit(caller: string): Promise<void> {
    try {
      await this.shared.consume(caller);
    } catch (error) {
      if (error instanceof RateLimiterRes) this.refuse(error.msBeforeNext);
      this.insurance.hit(caller);
    }
  }

  async check(caller: string): Promise<void> {
    let res: RateLimiterRes | null;
    try {
      res = await this.shared.get(caller);
    } catch {
      return this.insurance.check(caller);
    }
    if (res && res.consumedPoints >= this.options.max) this.refuse(res.msBeforeNext);
  }

  /** Whether counts go through Redis now (else through the insurance limiter). */
  get sharing(): boolean {
    return this.redis.status === 'ready';
  }

  private refuse(msBeforeNext: number): never {
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    throw new MaruError(
      'RATE_LIMITED',
      `Too many requests: at most ${this.options.max} ` +
        `per ${this.options.windowMs / 1000} s. Retry in ${retryAfter} s.`,
      { retryAfter },
    );
  }
}
