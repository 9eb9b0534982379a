import type { Collection, Store } from '../store/port.js';
import type { DailyUsage, ServiceCall } from './model.js';

/**
 * The metering of service calls (`service_calls`): each call is recorded when it is admitted — as a reservation
 * counted against the quota — and completed with its outcome and duration, whatever that outcome.
 */
export class ServiceUsage {
  readonly #calls: Collection<ServiceCall>;

  constructor(
    store: Store,
    private readonly clock: () => number,
  ) {
    this.#calls = store.collection<ServiceCall>('service_calls');
  }

  reserve(call: ServiceCall): Promise<void> {
    return this.#calls.insertOne(call);
  }

  /** Takes back a reservation the quota refused: the refused call is not metered. */
  async release(callId: string): Promise<void> {
    await this.#calls.deleteOne({ _id: callId });
  }

  async complete(callId: string, outcome: string, durationMs: number): Promise<void> {
    await this.#calls.findOneAndUpdate({ _id: callId }, { $set: { outcome, durationMs } });
  }

  /** Live calls of one consumer to one service on a UTC day (`YYYY-MM-DD`), reservations included. */
  liveCalls(serviceKey: string, consumerOrganizationId: string, day: string): Promise<number> {
    return this.#calls.count({ serviceKey, consumerOrganizationId, day, mode: 'live' });
  }

  /** Metered calls of a service, per day (UTC), newest day first. */
  async daily(serviceKey: string, days: number): Promise<DailyUsage[]> {
    const since = new Date(this.clock() - days * 86_400_000).toISOString().slice(0, 10);
    const calls = await this.#calls.find({ serviceKey, day: { $gte: since } }, { sort: [['day', -1]] });
    const totals = new Map<string, DailyUsage>();
    for (const call of calls) {
      const total = totals.get(call.day) ?? { day: call.day, calls: 0, failures: 0 };
      total.calls++;
      if (call.outcome !== 'SUCCESS') total.failures++;
      totals.set(call.day, total);
    }
    return [...totals.values()];
  }
}
