import type { Collection, CountByGroup, Filter, Store } from '../store/port.js';
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

  /**
   * Metered calls of a service per day (UTC) since `days` ago, newest day first; of one consumer's calls only when
   * `consumerOrganizationId` is given. Counted by the store per day and outcome (index byServiceDay), not read call by call.
   */
  async daily(serviceKey: string, days: number, consumerOrganizationId?: string): Promise<DailyUsage[]> {
    const filter: Filter = { serviceKey, day: { $gte: this.sinceDay(days) } };
    if (consumerOrganizationId !== undefined) filter.consumerOrganizationId = consumerOrganizationId;
    const totals = new Map<string, DailyUsage>();
    for (const { key, count } of await this.#calls.countBy(filter, { by: ['day', 'outcome'] })) {
      const day = String(key[0]);
      const total = totals.get(day) ?? { day, calls: 0, failures: 0 };
      total.calls += count;
      if (isFailure(key[1])) total.failures += count;
      totals.set(day, total);
    }
    return [...totals.values()].sort((a, b) => b.day.localeCompare(a.day));
  }

  /**
   * Calls since `sinceDay` per service and day (`perDay`: key serviceKey, day, outcome) and per service and consumer
   * (`perConsumer`: key serviceKey, consumerOrganizationId, outcome), for insights. Two groupings rather than one per
   * service, consumer and day: that one has nearly as many groups as calls at a national scale. `scope` narrows to a
   * consumer's calls, to some services' calls, or (both) to either.
   */
  async counts(scope: UsageScope, sinceDay: string): Promise<{ perDay: CountByGroup[]; perConsumer: CountByGroup[] }> {
    const parts: Filter[] = [];
    if (scope.consumerOrganizationId) parts.push({ consumerOrganizationId: scope.consumerOrganizationId });
    if (scope.serviceKeys?.length) parts.push({ serviceKey: { $in: [...scope.serviceKeys] } });
    if (!scope.all && parts.length === 0) return { perDay: [], perConsumer: [] };
    const since = { day: { $gte: sinceDay } };
    const filter: Filter = scope.all
      ? since
      : parts.length === 1
        ? { ...parts[0], ...since }
        : { $or: parts, ...since };
    const [perDay, perConsumer] = await Promise.all([
      this.#calls.countBy(filter, { by: ['serviceKey', 'day', 'outcome'] }),
      this.#calls.countBy(filter, { by: ['serviceKey', 'consumerOrganizationId', 'outcome'] }),
    ]);
    return { perDay, perConsumer };
  }

  sinceDay(days: number): string {
    return new Date(this.clock() - days * 86_400_000).toISOString().slice(0, 10);
  }
}

/** A call still running (PENDING) has not failed. */
export const isFailure = (outcome: unknown): boolean => outcome !== 'SUCCESS' && outcome !== 'PENDING';

/** Whose calls {@link ServiceUsage.counts} counts. */
export interface UsageScope {
  /** Every call (platform admins). */
  all?: boolean;
  /** The calls this organization made. */
  consumerOrganizationId?: string;
  /** The calls to these services, whoever made them (the services' owner). */
  serviceKeys?: readonly string[];
}
