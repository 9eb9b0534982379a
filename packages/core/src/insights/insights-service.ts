import { isFailure, type DailyUsage, type ServiceCatalogue, type ServiceRecord } from '../catalogue/index.js';
import type { ChallengeFigures, ChallengeService } from '../challenges/index.js';
import type { DataServices } from '../data/index.js';
import { badInput, forbidden, notFound, unauthenticated } from '../errors.js';
import {
  hasScope,
  isPlatformAdmin,
  isWithin,
  type Organization,
  type OrganizationService,
  type Viewer,
} from '../identity/index.js';
import { participationOf } from './participation.js';
import { medianOf } from './figures.js';
import type {
  AgencyTimeToAward,
  ConnectionAccess,
  InsightsScope,
  Participation,
  ServiceConsumerUsage,
  ServiceDayUsage,
  ServiceUsageInsights,
} from './model.js';

export interface InsightsDeps {
  organizations: OrganizationService;
  challenges: ChallengeService;
  challengeFigures: ChallengeFigures;
  catalogue: ServiceCatalogue;
  data: Pick<DataServices, 'figures' | 'connections'>;
  clock: () => number;
}

/** The longest window over-time figures cover. */
export const MAX_INSIGHT_DAYS = 366;

/**
 * Figures for decisions, each counted by the store in the module that owns the table (`figures` apis) and only for
 * the organization asked about: its members (and those of agencies above it) see its figures, platform admins see
 * any organization's and the whole platform's. Nothing here reads another module's tables.
 */
export class InsightsService {
  constructor(private readonly deps: InsightsDeps) {}

  /**
   * Whose figures `viewer` may read: `organizationId`'s, or the whole platform's when null. Refuses anonymous
   * callers (UNAUTHENTICATED), keys without READ and organizations the viewer is not within (FORBIDDEN).
   */
  async open(viewer: Viewer | null, organizationId: string | null, days: number): Promise<InsightsScope> {
    if (!viewer) throw unauthenticated('Insights are not public: sign in, or send `Authorization: Bearer <api key>`.');
    if (!hasScope(viewer, 'READ')) throw forbidden('This API key lacks the READ scope; create a key with it.');
    if (!Number.isInteger(days) || days < 1 || days > MAX_INSIGHT_DAYS)
      throw badInput('days', `\`days\` must be a whole number from 1 to ${MAX_INSIGHT_DAYS}.`);
    const sinceDay = new Date(this.deps.clock() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    if (organizationId === null) {
      if (!isPlatformAdmin(viewer))
        throw forbidden('Insights of the whole platform are for platform admins; pass your `organizationId`.');
      return { organization: null, organizationIds: [], sinceDay };
    }
    const organization = await this.deps.organizations.get(organizationId);
    if (!organization) throw notFound('organization', organizationId);
    if (!isPlatformAdmin(viewer) && !isWithin(viewer, organization))
      throw forbidden(
        `Insights of "${organization.name}" are for its members, those of the agencies above it and platform admins.`,
      );
    const organizationIds =
      organization.kind === 'AGENCY'
        ? await this.deps.organizations.agencyAndBelow(organization._id)
        : [organization._id];
    return { organization, organizationIds, sinceDay };
  }

  /** Entries to the scope's challenges (all challenges for the platform), optionally of one challenge. */
  async participation(scope: InsightsScope, challengeId: string | null, top = 20): Promise<Participation> {
    if (!Number.isInteger(top) || top < 1 || top > 100)
      throw badInput('top', '`top` must be a whole number from 1 to 100.');
    const counts = await this.deps.challengeFigures.participation(
      {
        agencyIds: scope.organization ? scope.organizationIds : undefined,
        challengeId: challengeId ?? undefined,
      },
      scope.sinceDay,
    );
    return participationOf(
      counts,
      {
        challenges: (ids) => this.deps.challenges.byIds(ids),
        organizations: (ids) => this.deps.organizations.byIds(ids),
      },
      top,
    );
  }

  /** Median (and range of) whole days from publication to award, per agency of the scope. */
  async timeToAward(scope: InsightsScope): Promise<AgencyTimeToAward[]> {
    if (scope.organization && scope.organization.kind !== 'AGENCY') return [];
    const groups = await this.deps.challengeFigures.awardDays(scope.organization?._id ?? null);
    const perAgency = new Map<string, Array<[number, number]>>();
    const awarded = new Map<string, number>();
    for (const { key, count } of groups) {
      const agencyId = String(key[0]);
      awarded.set(agencyId, (awarded.get(agencyId) ?? 0) + count);
      const list = perAgency.get(agencyId) ?? [];
      if (typeof key[1] === 'number') list.push([key[1], count]);
      perAgency.set(agencyId, list);
    }
    return [...perAgency].map(([agencyId, histogram]) => ({
      agencyId,
      awarded: awarded.get(agencyId) ?? 0,
      medianDays: medianOf(histogram),
      minDays: histogram.length ? Math.min(...histogram.map(([days]) => days)) : null,
      maxDays: histogram.length ? Math.max(...histogram.map(([days]) => days)) : null,
    }));
  }

  /**
   * Service calls per day per service and per consumer. The platform sees every call; an organization sees the
   * calls it made and every call to the services it owns (pilots launched from its challenges).
   */
  async serviceUsage(scope: InsightsScope, days: number): Promise<ServiceUsageInsights> {
    const owned = scope.organization ? await this.ownedServiceKeys(scope.organizationIds) : [];
    const counts = await this.deps.catalogue.usageCounts(
      scope.organization ? { consumerOrganizationId: scope.organization._id, serviceKeys: owned } : { all: true },
      days,
    );
    const perDay = new Map<string, ServiceDayUsage>();
    for (const { key, count } of counts.perDay) {
      const [serviceKey, day] = [String(key[0]), String(key[1])];
      const row = perDay.get(`${serviceKey}\u0000${day}`) ?? { serviceKey, day, calls: 0, failures: 0 };
      row.calls += count;
      if (isFailure(key[2])) row.failures += count;
      perDay.set(`${serviceKey}\u0000${day}`, row);
    }
    const perConsumer = new Map<string, ServiceConsumerUsage>();
    for (const { key, count } of counts.perConsumer) {
      const [serviceKey, consumer] = [String(key[0]), key[1] === null ? null : String(key[1])];
      const id = `${serviceKey}\u0000${consumer}`;
      const row = perConsumer.get(id) ?? { serviceKey, consumerOrganizationId: consumer, calls: 0, failures: 0 };
      row.calls += count;
      if (isFailure(key[2])) row.failures += count;
      perConsumer.set(id, row);
    }
    return {
      perDay: [...perDay.values()].sort(
        (a, b) => a.day.localeCompare(b.day) || a.serviceKey.localeCompare(b.serviceKey),
      ),
      perConsumer: [...perConsumer.values()].sort(
        (a, b) => b.calls - a.calls || a.serviceKey.localeCompare(b.serviceKey),
      ),
    };
  }

  /** Reads, decisions on access requests and consents in force, per connection the scope owns. */
  async dataAccess(scope: InsightsScope): Promise<ConnectionAccess[]> {
    if (scope.organization && scope.organization.kind !== 'AGENCY') return [];
    const counts = await this.deps.data.figures.perConnection(scope.organization ? scope.organizationIds : null);
    const rows = new Map<string, ConnectionAccess>();
    const row = (id: unknown): ConnectionAccess => {
      const connectionId = String(id);
      let found = rows.get(connectionId);
      if (!found) {
        found = {
          connectionId,
          name: '',
          reads: 0,
          refusedReads: 0,
          approvals: 0,
          refusals: 0,
          pending: 0,
          consentsInForce: 0,
        };
        rows.set(connectionId, found);
      }
      return found;
    };
    for (const { key, count } of counts.reads) {
      if (key[1] === 'SUCCESS') row(key[0]).reads += count;
      else row(key[0]).refusedReads += count;
    }
    for (const { key, count } of counts.requests) {
      if (key[1] === 'APPROVED') row(key[0]).approvals += count;
      else if (key[1] === 'REJECTED') row(key[0]).refusals += count;
      else if (key[1] === 'PENDING') row(key[0]).pending += count;
      else row(key[0]);
    }
    for (const { key, count } of counts.consentsInForce) row(key[0]).consentsInForce += count;
    const connections = await this.deps.data.connections.byIds([...rows.keys()]);
    for (const connection of connections) rows.get(connection._id)!.name = connection.name;
    return [...rows.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.connectionId.localeCompare(b.connectionId),
    );
  }

  /**
   * `Service.dailyUsage`: platform admins and the service's owner (the agency whose challenge launched it as a
   * pilot, and the agencies above) see every consumer's calls; anyone else signed in sees the calls of their own
   * organization only.
   */
  async serviceDailyUsage(viewer: Viewer | null, service: ServiceRecord): Promise<DailyUsage[]> {
    if (!viewer) throw unauthenticated();
    if (isPlatformAdmin(viewer) || (await this.owns(viewer, service)))
      return this.deps.catalogue.usageOf(service._id, 30);
    return this.deps.catalogue.usageOf(service._id, 30, viewer.organization._id);
  }

  private async owns(viewer: Viewer, service: ServiceRecord): Promise<boolean> {
    if (!service.challengeId) return false;
    const challenge = await this.deps.challenges.get(service.challengeId);
    const agency: Organization | null = challenge ? await this.deps.organizations.get(challenge.agencyId) : null;
    return !!agency && isWithin(viewer, agency);
  }

  private async ownedServiceKeys(agencyIds: readonly string[]): Promise<string[]> {
    const pilots = await this.deps.catalogue.pilots();
    if (pilots.length === 0) return [];
    const challenges = await this.deps.challenges.byIds([...new Set(pilots.map((s) => s.challengeId!))]);
    const ours = new Set(challenges.filter((c) => agencyIds.includes(c.agencyId)).map((c) => c._id));
    return pilots.filter((s) => ours.has(s.challengeId!)).map((s) => s._id);
  }
}
