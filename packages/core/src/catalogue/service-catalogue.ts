import type { ServiceManifest } from '@maru/sdk';
import { badInput, forbidden, notFound, unauthenticated } from '../errors.js';
import { newId } from '../ids.js';
import { isPlatformAdmin, requireLiveKey, type Viewer } from '../identity/index.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, CountByGroup, Store } from '../store/port.js';
import { GrantService } from './grant-service.js';
import {
  SERVICE_STATUSES,
  type DailyUsage,
  type GrantStatus,
  type ServiceCall,
  type ServiceGrant,
  type ServiceRecord,
  type ServiceStatus,
} from './model.js';
import { ServiceUsage, type UsageScope } from './service-usage.js';

/**
 * The catalogue of shared services: the services plugins offer (public: anyone may browse them), the grants that let
 * consumer organizations call them, and the metering of those calls. The plugins module registers a plugin's services
 * here and asks here before and after each call; it never reads these tables.
 */
export class ServiceCatalogue {
  readonly #services: Collection<ServiceRecord>;
  readonly #usage: ServiceUsage;
  readonly #grants: GrantService;

  constructor(
    store: Store,
    private readonly clock: () => number,
    /** Tells the notices module a decision was made (the consumer hears), from the hub whose write won. */
    private readonly onAccessDecided?: (grant: ServiceGrant) => Promise<void>,
  ) {
    this.#services = store.collection<ServiceRecord>('services');
    this.#usage = new ServiceUsage(store, clock);
    this.#grants = new GrantService(store, async (key) => (await this.get(key)) !== null, this.#usage, clock);
  }

  /** The catalogue by name, a page at a time. */
  list(page: PageRequest): Promise<Page<ServiceRecord>> {
    return readPage(this.#services, {}, [['name', 1]], page);
  }

  get(key: string): Promise<ServiceRecord | null> {
    return this.#services.findOne({ _id: key });
  }

  /** Services by key, for a request's batch loader. */
  byIds(keys: readonly string[]): Promise<ServiceRecord[]> {
    return readByIds(this.#services)(keys);
  }

  /** The services launched as pilots from a challenge, by name (at most 50). */
  pilotsOf(challengeId: string): Promise<ServiceRecord[]> {
    return this.#services.find({ challengeId }, { sort: [['name', 1]], limit: 50 });
  }

  /** The plugin that registered a service key, or null when none did. */
  async ownerOf(key: string): Promise<string | null> {
    return (await this.get(key))?.pluginName ?? null;
  }

  /** Lists (or refreshes) a plugin's services. A new one starts in PILOT; an operator's later status survives. */
  async registerPluginServices(pluginName: string, services: readonly ServiceManifest[]): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    for (const service of services) {
      await this.#services.findOneAndUpdate(
        { _id: service.key },
        {
          $set: {
            name: service.name,
            description: service.description ?? '',
            i18n: service.i18n ?? {},
            category: service.category ?? 'general',
            source: 'PLUGIN',
            pluginName,
            operationsJson: JSON.stringify(service.operations),
            updatedAt: now,
          },
          $setOnInsert: { status: 'PILOT', createdAt: now },
        },
        { upsert: true },
      );
    }
  }

  /** Removes a plugin's services from the catalogue; their metering and grants stay. Returns the keys removed. */
  async removePluginServices(pluginName: string): Promise<string[]> {
    const removed: string[] = [];
    for (const service of await this.#services.find({ pluginName }, { limit: 500 })) {
      await this.#services.deleteOne({ _id: service._id });
      removed.push(service._id);
    }
    return removed;
  }

  /** Marks a service as a PILOT launched from a challenge's award; null when the service is not listed. */
  launchAsPilot(key: string, challengeId: string): Promise<ServiceRecord | null> {
    return this.#services.findOneAndUpdate({ _id: key }, { $set: { status: 'PILOT', challengeId } });
  }

  /** Moves a service between PILOT, ACTIVE, DEPRECATED and SUSPENDED (platform admins with an ADMIN key). */
  async setStatus(viewer: Viewer | null, key: string, status: string): Promise<ServiceRecord> {
    if (!viewer) throw unauthenticated();
    if (!viewer.apiKey.scopes.includes('ADMIN') || !isPlatformAdmin(viewer))
      throw forbidden("Only platform admins (with an ADMIN key) change a service's status.");
    requireLiveKey(viewer, "change a service's status");
    if (!SERVICE_STATUSES.includes(status as ServiceStatus))
      throw badInput('status', `\`status\` must be one of ${SERVICE_STATUSES.join(', ')}.`);
    const updated = await this.#services.findOneAndUpdate(
      { _id: key },
      { $set: { status, updatedAt: new Date(this.clock()).toISOString() } },
    );
    if (!updated) throw notFound('service', key);
    return updated;
  }

  /**
   * Admits a call and starts metering it; returns the call's id for {@link completeCall}. Test keys reach the sandbox
   * without grant or quota; a live call needs an ACTIVE grant covering the operation and a place in today's quota.
   */
  async admitCall(viewer: Viewer, serviceKey: string, operation: string, mode: 'live' | 'test'): Promise<string> {
    const startedAt = new Date(this.clock());
    const call: ServiceCall = {
      _id: newId(),
      serviceKey,
      operation,
      consumerOrganizationId: viewer.organization._id,
      apiKeyId: viewer.apiKey._id,
      mode,
      durationMs: 0,
      outcome: 'PENDING',
      at: startedAt.toISOString(),
      day: startedAt.toISOString().slice(0, 10),
    };
    if (mode === 'live') await this.#grants.authorize(viewer, serviceKey, operation, call);
    else await this.#usage.reserve(call);
    return call._id;
  }

  /** Records an admitted call's outcome (SUCCESS or the error code) and duration. */
  completeCall(callId: string, outcome: string, durationMs: number): Promise<void> {
    return this.#usage.complete(callId, outcome, durationMs);
  }

  /**
   * Metered calls of a service per day (UTC) over the last `days` days, newest first; only `consumerOrganizationId`'s
   * calls when given. Who may see which is the insights module's rule (Service.dailyUsage).
   */
  usageOf(serviceKey: string, days = 30, consumerOrganizationId?: string): Promise<DailyUsage[]> {
    return this.#usage.daily(serviceKey, days, consumerOrganizationId);
  }

  /** Calls per service and day, and per service and consumer, since `days` ago, counted by the store, for insights. */
  usageCounts(scope: UsageScope, days: number): Promise<{ perDay: CountByGroup[]; perConsumer: CountByGroup[] }> {
    return this.#usage.counts(scope, this.#usage.sinceDay(days));
  }

  /** The services launched as pilots from any challenge (their owners are the challenges' agencies), at most 500. */
  pilots(): Promise<ServiceRecord[]> {
    return this.#services.find({ challengeId: { $exists: true, $ne: null } }, { sort: [['_id', 1]], limit: 500 });
  }

  /** A grant by id, unchecked: its GraphQL type lets only its organization and platform admins see it. */
  grant(id: string): Promise<ServiceGrant | null> {
    return this.#grants.get(id);
  }

  /** Platform admins see every grant; others their own organization's. Newest first. */
  grantsVisibleTo(viewer: Viewer, status: GrantStatus | null, page: PageRequest): Promise<Page<ServiceGrant>> {
    return this.#grants.listVisibleTo(viewer, status, page);
  }

  /** An organization's grant for a service, whatever its status (seeders act as the system). */
  accessOf(consumerOrganizationId: string, serviceKey: string): Promise<ServiceGrant | null> {
    return this.#grants.accessOf(consumerOrganizationId, serviceKey);
  }

  /** Live calls the grant's organization made today (UTC). */
  usedToday(grant: ServiceGrant): Promise<number> {
    return this.#grants.usedToday(grant);
  }

  /** An organization admin asks for the organization's access to a service. */
  requestAccess(
    viewer: Viewer | null,
    serviceKey: string,
    input: Parameters<GrantService['request']>[2],
  ): Promise<ServiceGrant> {
    return this.#grants.request(viewer, serviceKey, input);
  }

  /** A platform admin approves (or changes), rejects or revokes access. */
  async decideAccess(
    viewer: Viewer | null,
    grantId: string,
    decision: Parameters<GrantService['decide']>[2],
  ): Promise<ServiceGrant> {
    const grant = await this.#grants.decide(viewer, grantId, decision);
    await this.onAccessDecided?.(grant);
    return grant;
  }
}
