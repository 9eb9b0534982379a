const DAY_MS = 86_400_000;

/**
 * The hub's clock in demo mode. The demo's challenges have a history — published weeks ago, entered before their
 * deadlines, closed at them, awarded after review — seeded through the same services the API uses, which stamp each
 * step with the hub's clock. While the history is seeded the clock stands at each step's moment ({@link travelTo});
 * the rest of the time, and always once the hub listens, it is the real time. The audit trail keeps real time
 * throughout (it stamps its own entries), so its chain stays in order.
 */
export class DemoClock {
  #at: number | null = null;

  /** Milliseconds since the epoch: the step being seeded, else the real time. Bound, to hand to createHub. */
  readonly now = (): number => this.#at ?? Date.now();

  /** Stands the clock at `at` (ms since the epoch) until the next travel or {@link resume}. */
  travelTo(at: number): void {
    this.#at = at;
  }

  /** Back to the real time. */
  resume(): void {
    this.#at = null;
  }

  /**
   * Runs `seed` with `at(days)` to stand the clock at a moment `days` (fractional, negative for the past) from when
   * `history` was called; the real time comes back whatever `seed` does.
   */
  async history<T>(seed: (at: (days: number) => void, start: number) => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await seed((days) => this.travelTo(start + Math.round(days * DAY_MS)), start);
    } finally {
      this.resume();
    }
  }
}
