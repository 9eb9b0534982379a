/** One window's anonymous refused mutations, as the trail's `request.refusedAnonymous` event summarises them. */
export interface AnonymousRefusalSummary {
  /** The window, ISO 8601: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** How many mutations were refused in the window. */
  count: number;
  /** How many by code. */
  codes: Record<string, number>;
  /** How many distinct addresses (those past the counter's bound counted together as one). */
  addresses: number;
  /** The addresses that were refused most, most first, with their counts (at most `TOP_ADDRESSES`). */
  top: Array<{ address: string; count: number }>;
}

/** How many addresses one window tells apart; the rest are counted together, so memory stays bounded. */
export const MAX_ADDRESSES = 10_000;
const OTHER_ADDRESSES = '(other addresses)';
const TOP_ADDRESSES = 20;
/** Addresses and codes come from the wire: kept short. */
const MAX_NAME = 64;

/**
 * Counts mutations refused to callers nobody could identify (no key, a wrong or expired one, a rate limit before
 * authentication), per address and window, instead of appending one event each: otherwise anyone could grow the trail
 * at the rate limit's pace. `close` hands back one window's summary, which the trail appends as one event.
 */
export class AnonymousRefusals {
  #windowStart: number;
  #byAddress = new Map<string, number>();
  #codes = new Map<string, number>();
  #count = 0;

  constructor(
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {
    this.#windowStart = clock();
  }

  /** Counts one refusal of `code` to `address`. */
  count(address: string, code: string): void {
    let key = address.slice(0, MAX_NAME);
    if (!this.#byAddress.has(key) && this.#byAddress.size >= MAX_ADDRESSES) key = OTHER_ADDRESSES;
    this.#byAddress.set(key, (this.#byAddress.get(key) ?? 0) + 1);
    const c = code.slice(0, MAX_NAME);
    if (this.#codes.has(c) || this.#codes.size < 50) this.#codes.set(c, (this.#codes.get(c) ?? 0) + 1);
    this.#count++;
  }

  /** How many refusals the open window holds. */
  get pending(): number {
    return this.#count;
  }

  /**
   * Closes the window when it has ended (or now, with `force`) and returns its summary, or null when it has not
   * ended or held no refusal. A new window starts either way.
   */
  close(force = false): AnonymousRefusalSummary | null {
    const now = this.clock();
    if (!force && now - this.#windowStart < this.windowMs) return null;
    const from = this.#windowStart;
    this.#windowStart = now;
    if (this.#count === 0) return null;
    const summary: AnonymousRefusalSummary = {
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      count: this.#count,
      codes: Object.fromEntries(this.#codes),
      addresses: this.#byAddress.size,
      top: [...this.#byAddress]
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP_ADDRESSES)
        .map(([address, count]) => ({ address, count })),
    };
    this.#byAddress = new Map();
    this.#codes = new Map();
    this.#count = 0;
    return summary;
  }
}
