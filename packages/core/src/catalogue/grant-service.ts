import type { z } from 'zod';
import { conflict, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { hasRole, isPlatformAdmin, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Filter, type Store } from '../store/port.js';
import { validate } from '../validation.js';
import { accessRequestInput, approvalInput } from './grant-input.js';
import type { GrantStatus, ServiceCall, ServiceGrant } from './model.js';
import type { ServiceUsage } from './service-usage.js';

const ADMIN_ROLES = ['AGENCY_ADMIN', 'COMPANY_ADMIN', 'PLATFORM_ADMIN'] as const;

/**
 * Access to shared services: a consumer organization requests it, platform
 * admins (the operators of plugin services) approve it with the operations
 * allowed and a daily quota, and may revoke it; `authorize` enforces it on
 * every live call.
 */
export class GrantService {
  private readonly grants: Collection<ServiceGrant>;

  constructor(
    store: Store,
    private readonly serviceExists: (key: string) => Promise<boolean>,
    private readonly usage: ServiceUsage,
    private readonly clock: () => number,
  ) {
    this.grants = store.collection<ServiceGrant>('service_grants');
  }

  /** A grant by id, unchecked: its GraphQL type lets only its organization and platform admins see it. */
  get(id: string): Promise<ServiceGrant | null> {
    return this.grants.findOne({ _id: id });
  }

  /** Platform admins see every grant; others their own organization's. Newest first. */
  listVisibleTo(viewer: Viewer, status: GrantStatus | null, page: PageRequest): Promise<Page<ServiceGrant>> {
    const filter: Filter = isPlatformAdmin(viewer) ? {} : { consumerOrganizationId: viewer.organization._id };
    if (status) filter.status = status;
    return readPage(this.grants, filter, [['_id', -1]], page);
  }

  /** The one grant of an organization for a service, whatever its status (seeders, as the system). */
  accessOf(consumerOrganizationId: string, serviceKey: string): Promise<ServiceGrant | null> {
    return this.grants.findOne({ serviceKey, consumerOrganizationId });
  }

  /** Live calls the grant's organization made today (UTC). */
  usedToday(grant: ServiceGrant): Promise<number> {
    const day = new Date(this.clock()).toISOString().slice(0, 10);
    return this.usage.liveCalls(grant.serviceKey, grant.consumerOrganizationId, day);
  }

  async request(
    viewer: Viewer | null,
    serviceKey: string,
    raw: z.input<typeof accessRequestInput>,
  ): Promise<ServiceGrant> {
    requireScope(viewer, 'ADMIN');
    if (!ADMIN_ROLES.some((role) => hasRole(viewer, role)))
      throw forbidden('Only an admin of your organization requests access to a service.');
    requireLiveKey(viewer, 'request access to a service');
    const input = validate(accessRequestInput, raw, '');
    if (!(await this.serviceExists(serviceKey))) throw notFound('service', serviceKey);
    const now = new Date(this.clock()).toISOString();
    const existing = await this.grants.findOne({ serviceKey, consumerOrganizationId: viewer.organization._id });
    if (existing) {
      if (existing.status === 'ACTIVE' || existing.status === 'REQUESTED')
        throw conflict(`Your organization's access to ${serviceKey} is already ${existing.status}.`);
      const again = await this.grants.findOneAndUpdate(
        { _id: existing._id, version: existing.version },
        {
          $set: {
            status: 'REQUESTED',
            purpose: input.purpose,
            requestedById: viewer.member._id,
            decidedById: null,
            updatedAt: now,
          },
          $inc: { version: 1 },
        },
      );
      if (!again) throw conflict('The request changed meanwhile; reload it.');
      return again;
    }
    const grant: ServiceGrant = {
      _id: newId(),
      serviceKey,
      consumerOrganizationId: viewer.organization._id,
      purpose: input.purpose,
      status: 'REQUESTED',
      operations: [],
      dailyQuota: null,
      requestedById: viewer.member._id,
      decidedById: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      await this.grants.insertOne(grant);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict('Your organization requested access meanwhile; reload it.');
      throw error;
    }
    return grant;
  }

  async decide(
    viewer: Viewer | null,
    id: string,
    decision: { status: 'ACTIVE' | 'REJECTED' | 'REVOKED' } & z.input<typeof approvalInput>,
  ): Promise<ServiceGrant> {
    requireScope(viewer, 'ADMIN');
    if (!isPlatformAdmin(viewer))
      throw forbidden('Only platform admins, who operate plugin services, decide on access.');
    requireLiveKey(viewer, 'decide on access to a service');
    const grant = await this.grants.findOne({ _id: id });
    if (!grant) throw notFound('access grant', id);
    const input = validate(approvalInput, { dailyQuota: decision.dailyQuota, operations: decision.operations }, '');
    const allowed: Record<typeof decision.status, ServiceGrant['status'][]> = {
      ACTIVE: ['REQUESTED', 'ACTIVE'],
      REJECTED: ['REQUESTED'],
      REVOKED: ['ACTIVE'],
    };
    if (!allowed[decision.status].includes(grant.status))
      throw conflict(`A ${grant.status} request cannot become ${decision.status}.`);
    const updated = await this.grants.findOneAndUpdate(
      { _id: id, version: grant.version },
      {
        $set: {
          status: decision.status,
          ...(decision.status === 'ACTIVE'
            ? { dailyQuota: input.dailyQuota ?? null, operations: input.operations }
            : {}),
          decidedById: viewer.member._id,
          updatedAt: new Date(this.clock()).toISOString(),
        },
        $inc: { version: 1 },
      },
    );
    if (!updated) throw conflict('The grant changed meanwhile; reload it.');
    return updated;
  }

  /**
   * Refuses a live call without an ACTIVE grant covering the operation, or
   * over today's quota. The call's metering record is inserted first, as a
   * reservation, and counted with the others: concurrent calls cannot all slip
   * under the quota (in a close race, both may be refused; never both let
   * through). Returns the reservation for the host to complete.
   */
  async authorize(viewer: Viewer, serviceKey: string, operation: string, reservation: ServiceCall): Promise<void> {
    const grant = await this.grants.findOne({
      serviceKey,
      consumerOrganizationId: viewer.organization._id,
      status: 'ACTIVE',
    });
    if (!grant)
      throw forbidden(
        `Your organization has no access to ${serviceKey}: an admin requests ` +
          `it (requestServiceAccess), or call its sandbox with a TEST key.`,
      );
    if (grant.operations.length && !grant.operations.includes(operation))
      throw forbidden(`Your access to ${serviceKey} covers ${grant.operations.join(', ')}, not ${operation}.`);
    await this.usage.reserve(reservation);
    if (grant.dailyQuota === null) return;
    const used = await this.usage.liveCalls(serviceKey, viewer.organization._id, reservation.day);
    if (used > grant.dailyQuota) {
      await this.usage.release(reservation._id);
      const now = this.clock();
      const retryAfter = Math.max(1, Math.ceil((Date.parse(`${reservation.day}T00:00:00Z`) + 86_400_000 - now) / 1000));
      throw new MaruError(
        'RATE_LIMITED',
        `Your organization used its ${grant.dailyQuota} calls of ${serviceKey} ` +
          `for today (UTC); retry in ${retryAfter} s or ask for a higher quota.`,
        { retryAfter },
      );
    }
  }
}
