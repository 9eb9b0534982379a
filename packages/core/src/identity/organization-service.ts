import { conflict, forbidden, notFound, badInput } from '../errors.js';
import { newId } from '../ids.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Filter, type Store } from '../store/port.js';
import { validate } from '../validation.js';
import type { Organization } from './model.js';
import type { OrganizationProfile } from './organization-profile.js';
import {
  createOrganizationInput,
  updateOrganizationInput,
  type CreateOrganizationInput,
  type UpdateOrganizationInput,
} from './organization-input.js';
import { canAdminister, isPlatformAdmin, type Viewer } from './viewer.js';
import { requireLiveAdminScope } from './require.js';
import { ViewerCache } from './viewer-cache.js';

export interface OrganizationQuery {
  kind?: Organization['kind'];
  /** An agency and, when `includeDescendants`, everything below it. */
  parentId?: string;
  includeDescendants?: boolean;
  search?: string;
}

/** An organization a seeder puts in place as the system (no viewer): trusted input, found again by its slug. */
export interface OrganizationSeed {
  kind: Organization['kind'];
  name: string;
  slug: string;
  description?: string;
  parentId?: string | null;
  /** The profile insights group by (demo organizations have one). */
  profile?: Partial<OrganizationProfile>;
}

export class OrganizationService {
  readonly #collection: Collection<Organization>;

  constructor(
    store: Store,
    private readonly viewers: ViewerCache = new ViewerCache(),
  ) {
    this.#collection = store.collection<Organization>('organizations');
  }

  get(id: string): Promise<Organization | null> {
    return this.#collection.findOne({ _id: id });
  }

  /** Organizations by id, for a request's batch loader (organizations are public). */
  byIds(ids: readonly string[]): Promise<Organization[]> {
    return readByIds(this.#collection)(ids);
  }

  /** The ids of an agency and of every agency below it (a subject key's reach, for instance). */
  async agencyAndBelow(id: string): Promise<string[]> {
    const orgs = await this.#collection.find({ $or: [{ _id: id }, { ancestorIds: id }] });
    return orgs.map((org) => org._id);
  }

  async require(id: string): Promise<Organization> {
    const org = await this.get(id);
    if (!org) throw notFound('organization', id);
    return org;
  }

  /** A page of organizations (public), oldest first. */
  list(query: OrganizationQuery, page: PageRequest): Promise<Page<Organization>> {
    return readPage(this.#collection, this.filterFor(query), [['createdAt', 1]], page);
  }

  /** A page of the agencies directly below `id` (public), oldest first. */
  childrenOf(id: string, page: PageRequest): Promise<Page<Organization>> {
    return readPage(this.#collection, { parentId: id }, [['createdAt', 1]], page);
  }

  /** The oldest organization of a kind: the platform organization, for the bootstrap. */
  firstOfKind(kind: Organization['kind']): Promise<Organization | null> {
    return this.#collection.findOne({ kind }, { sort: [['createdAt', 1]] });
  }

  bySlug(slug: string): Promise<Organization | null> {
    return this.#collection.findOne({ slug });
  }

  /**
   * Seeding as the system: the organization with `spec.slug`, made if it does not exist yet. Idempotent without
   * transactions — when another instance makes the same slug meanwhile, theirs is returned (`created: false`).
   */
  async seed(spec: OrganizationSeed): Promise<{ organization: Organization; created: boolean }> {
    const existing = await this.bySlug(spec.slug);
    if (existing) return { organization: existing, created: false };
    const parent = spec.parentId ? await this.require(spec.parentId) : null;
    const organization = {
      ...newOrganization({ ...spec, description: spec.description ?? '' }, parent),
      ...spec.profile,
    };
    try {
      await this.#collection.insertOne(organization);
      return { organization, created: true };
    } catch (error) {
      const theirs = error instanceof StoreConflictError ? await this.bySlug(spec.slug) : null;
      if (theirs) return { organization: theirs, created: false };
      throw error;
    }
  }

  private filterFor(query: OrganizationQuery): Filter {
    const filter: Filter = {};
    if (query.kind) filter.kind = query.kind;
    if (query.parentId) {
      if (query.includeDescendants) filter.ancestorIds = query.parentId;
      else filter.parentId = query.parentId;
    }
    if (query.search) filter.name = { $regex: escapeRegex(query.search), $options: 'i' };
    return filter;
  }

  /** Platform admins create any organization; agency admins create sub-agencies below their own. */
  async create(viewer: Viewer | null, raw: CreateOrganizationInput): Promise<Organization> {
    requireLiveAdminScope(viewer, 'create organizations');
    const input = validate(createOrganizationInput, raw);
    let parent: Organization | null = null;
    if (input.parentId) {
      parent = await this.get(input.parentId);
      if (!parent)
        throw badInput('input.parentId', `\`input.parentId\`: no organization with id "${input.parentId}" exists.`);
      if (input.kind !== 'AGENCY' || parent.kind !== 'AGENCY')
        throw badInput(
          'input.parentId',
          '`input.parentId`: only an agency can have a parent, and the parent must be an agency.',
        );
    }
    const allowed =
      isPlatformAdmin(viewer) || (input.kind === 'AGENCY' && parent !== null && canAdminister(viewer, parent));
    if (!allowed) {
      throw forbidden(
        input.kind === 'AGENCY'
          ? 'Only a platform admin creates top-level agencies; an agency ' +
              'admin may create sub-agencies of its own agency (set `parentId`).'
          : `Only a platform admin creates ${input.kind.toLowerCase()} organizations.`,
      );
    }
    const org = newOrganization(input, parent);
    try {
      await this.#collection.insertOne(org);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict(`\`input.slug\`: the slug "${org.slug}" is already taken; choose another.`, 'input.slug');
      throw error;
    }
    return org;
  }

  async update(viewer: Viewer | null, id: string, raw: UpdateOrganizationInput): Promise<Organization> {
    requireLiveAdminScope(viewer, 'change organizations');
    const input = validate(updateOrganizationInput, raw);
    const org = await this.require(id);
    if (!canAdminister(viewer, org))
      throw forbidden(`Only an admin of "${org.name}" (or of an agency above it) may change it.`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== org.version) {
      throw conflict(
        `"${org.name}" changed meanwhile (version ${org.version}, ` +
          `you expected ${input.expectedVersion}); reload it and retry.`,
        'input.expectedVersion',
      );
    }
    const set: Partial<Organization> = { updatedAt: new Date().toISOString() };
    if (input.name !== undefined) set.name = input.name;
    if (input.description !== undefined) set.description = input.description;
    for (const field of ['sizeBand', 'region', 'industry'] as const)
      if (input[field] !== undefined) Object.assign(set, { [field]: input[field] });
    const updated = await this.#collection.findOneAndUpdate(
      { _id: id, version: org.version },
      { $set: set, $inc: { version: 1 } },
    );
    // Its members' viewers carry the organization: rebuilt on every hub.
    await this.viewers.forget({ organizationId: id });
    if (!updated) throw conflict(`"${org.name}" changed meanwhile; reload it and retry.`);
    return updated;
  }
}

export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An organization document not stored yet, placed under `parent`: the one shape seeding and creating make. */
function newOrganization(
  fields: Pick<Organization, 'kind' | 'name' | 'slug' | 'description'>,
  parent: Organization | null,
): Organization {
  const now = new Date().toISOString();
  return {
    _id: newId(),
    kind: fields.kind,
    name: fields.name,
    slug: fields.slug,
    description: fields.description,
    parentId: parent?._id ?? null,
    ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
