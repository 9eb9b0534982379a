import { badInput, conflict, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import { validate } from '../validation.js';
import { addMemberInput, updateMemberInput, type AddMemberInput, type UpdateMemberInput } from './member-input.js';
import { ADMIN_ROLES, ROLES_BY_KIND, type Member, type MemberStatus, type Organization, type Role } from './model.js';
import type { OrganizationService } from './organization-service.js';
import { requireLiveAdminScope } from './require.js';
import { canAdminister, isPlatformAdmin, type Viewer } from './viewer.js';
import { ViewerCache } from './viewer-cache.js';

/** A member a seeder puts in place as the system (no viewer): trusted input, found again by its email. */
export interface MemberSeed {
  organizationId: string;
  name: string;
  email: string;
  roles: Role[];
  /** Default ACTIVE; INVITED for a member who is to accept an invitation at first sign-in. */
  status?: 'ACTIVE' | 'INVITED';
}

export class MemberService {
  readonly #collection: Collection<Member>;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly viewers: ViewerCache = new ViewerCache(),
  ) {
    this.#collection = store.collection<Member>('members');
  }

  get(id: string): Promise<Member | null> {
    return this.#collection.findOne({ _id: id });
  }

  /** Members by id, for a request's batch loader: only for members the caller may already see. */
  byIds(ids: readonly string[]): Promise<Member[]> {
    return readByIds(this.#collection)(ids);
  }

  /** The member with this email, active or not: for seeders, acting as the system. */
  byEmail(email: string): Promise<Member | null> {
    return this.#collection.findOne({ email });
  }

  /** The active member with this email: whom a demo login signs in as. */
  activeByEmail(email: string): Promise<Member | null> {
    return this.#collection.findOne({ email, status: 'ACTIVE' });
  }

  /** The first `limit` active members in the order they were added (ids sort by creation time). */
  firstActive(limit: number): Promise<Member[]> {
    return this.#collection.find({ status: 'ACTIVE' }, { sort: [['_id', 1]], limit });
  }

  /**
   * A page of an organization's members, oldest first. Who may read it is the schema's `authScopes` on
   * `Organization.members` (its own members with a READ key, agencies above it, platform admins).
   */
  listOfOrganization(organizationId: string, page: PageRequest): Promise<Page<Member>> {
    return readPage(this.#collection, { organizationId }, [['createdAt', 1]], page);
  }

  /**
   * Seeding as the system: the member with `spec.email`, made (active) if none exists yet. Idempotent without
   * transactions — when another instance adds the same email meanwhile, theirs is returned (`created: false`).
   */
  async seed(spec: MemberSeed): Promise<{ member: Member; created: boolean }> {
    const existing = await this.byEmail(spec.email);
    if (existing) return { member: existing, created: false };
    const member = newMember(spec.organizationId, spec, spec.status ?? 'ACTIVE');
    try {
      await this.#collection.insertOne(member);
      return { member, created: true };
    } catch (error) {
      const theirs = error instanceof StoreConflictError ? await this.byEmail(spec.email) : null;
      if (theirs) return { member: theirs, created: false };
      throw error;
    }
  }

  async add(viewer: Viewer | null, organizationId: string, raw: AddMemberInput): Promise<Member> {
    requireLiveAdminScope(viewer, 'add members');
    const input = validate(addMemberInput, raw);
    const org = await this.organizations.require(organizationId);
    this.assertAdmin(viewer, org);
    this.assertRoles(viewer, org, input.roles);
    const member = newMember(org._id, input, 'ACTIVE');
    try {
      await this.#collection.insertOne(member);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict(`\`input.email\`: a member with the email "${member.email}" already exists.`, 'input.email');
      throw error;
    }
    return member;
  }

  /**
   * The INVITED member an invitation is for: made now, or the one already invited to this organization (invited
   * again). Refused when the address belongs to a member of another organization (MEMBER_EXISTS_ELSEWHERE) or to
   * one of this organization who is no longer invited (CONFLICT). The caller checked who may.
   */
  async addInvited(org: Organization, input: { name: string; email: string; roles: Role[] }): Promise<Member> {
    const existing = await this.byEmail(input.email);
    if (existing) return this.reinvitable(existing, org);
    const member = newMember(org._id, input, 'INVITED');
    try {
      await this.#collection.insertOne(member);
    } catch (error) {
      const theirs = error instanceof StoreConflictError ? await this.byEmail(input.email) : null;
      if (theirs) return this.reinvitable(theirs, org);
      throw error;
    }
    return member;
  }

  /** At first sign-in: the INVITED member becomes ACTIVE (the invitation service checked the invitation). */
  async activateInvited(member: Member): Promise<Member> {
    const current = await this.get(member._id);
    if (!current || current.status !== 'INVITED') return current ?? member;
    return this.transition(current, { status: 'ACTIVE', updatedAt: new Date().toISOString() });
  }

  /** Whether the viewer may manage `org`'s members and grant them `roles`: throws FORBIDDEN or BAD_USER_INPUT if not. */
  assertMayManage(viewer: Viewer, org: Organization, roles: Role[]): void {
    this.assertAdmin(viewer, org);
    this.assertRoles(viewer, org, roles);
  }

  private reinvitable(existing: Member, org: Organization): Member {
    if (existing.organizationId !== org._id)
      throw new MaruError(
        'MEMBER_EXISTS_ELSEWHERE',
        `\`input.email\`: ${existing.email} is already a member of another organization; a person belongs to one ` +
          'organization. Ask its admin to disable them there, or invite another address.',
        { field: 'input.email' },
      );
    if (existing.status !== 'INVITED')
      throw conflict(
        `\`input.email\`: ${existing.email} is already a member of "${org.name}"` +
          (existing.status === 'DISABLED' ? ' (disabled; enable them instead).' : '.'),
        'input.email',
      );
    return existing;
  }

  async update(viewer: Viewer | null, id: string, raw: UpdateMemberInput): Promise<Member> {
    requireLiveAdminScope(viewer, 'change members');
    const input = validate(updateMemberInput, raw);
    const { member, org } = await this.requireAdministered(viewer, id);
    if (input.roles) {
      this.assertRoles(viewer, org, input.roles);
      const isAdmin = (list: Role[]) => list.some((role) => ADMIN_ROLES.includes(role));
      if (member._id === viewer.member._id && isAdmin(member.roles) && !isAdmin(input.roles)) {
        throw badInput(
          'input.roles',
          '`input.roles`: you cannot remove your own admin role; ask another admin to do it.',
        );
      }
    }
    // Only what was given: `$set` of an undefined field erases it (SQLite drops it from the document, MongoDB stores
    // null).
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    return this.transition(member, { ...changes, updatedAt: new Date().toISOString() });
  }

  /**
   * Disabling keeps the member for the audit trail; their API keys and sessions stop working at once, on every hub
   * (the change forgets their cached viewers). The hub's last active platform admin is never disabled.
   */
  async setStatus(viewer: Viewer | null, id: string, status: Member['status']): Promise<Member> {
    requireLiveAdminScope(viewer, 'disable or enable members');
    const { member, org } = await this.requireAdministered(viewer, id);
    if (status === 'DISABLED' && (await this.isLastPlatformAdmin(member, org)))
      throw new MaruError(
        'LAST_PLATFORM_ADMIN',
        `${member.name} is the hub's last active platform admin; make another member a platform admin first.`,
      );
    if (member._id === viewer.member._id && status === 'DISABLED')
      throw badInput('id', 'You cannot disable yourself; ask another admin to do it.');
    if (member.status === status) return member;
    if (member.status === 'INVITED' && status === 'ACTIVE')
      throw badInput('id', `${member.name} is invited: they become active at their first sign-in, not before.`);
    return this.transition(member, { status, updatedAt: new Date().toISOString() });
  }

  /** How many members are active platform admins: the hub needs one at least (`maru-hub setup` makes the first). */
  countActivePlatformAdmins(): Promise<number> {
    return this.#collection.count({ roles: 'PLATFORM_ADMIN', status: 'ACTIVE' });
  }

  /** How many members are platform admins who are active or yet to accept their invitation. */
  async countPlatformAdmins(): Promise<number> {
    return (
      (await this.countActivePlatformAdmins()) +
      (await this.#collection.count({ roles: 'PLATFORM_ADMIN', status: 'INVITED' }))
    );
  }

  /** The platform admins who are active or yet to accept their invitation, oldest first (for the bootstrap). */
  async platformAdmins(): Promise<Member[]> {
    const admins = await this.#collection.find({ roles: 'PLATFORM_ADMIN' }, { sort: [['_id', 1]], limit: 1000 });
    return admins.filter((member) => member.status !== 'DISABLED');
  }

  /**
   * Undoes a member the system seeded a moment ago, before anything refers to it (a bootstrap that lost a race):
   * only while it is unchanged since (version 1).
   */
  async discardSeeded(member: Member): Promise<boolean> {
    const discarded = await this.#collection.deleteOne({ _id: member._id, version: 1 });
    await this.viewers.forget({ memberId: member._id });
    return discarded;
  }

  private async isLastPlatformAdmin(member: Member, org: Organization): Promise<boolean> {
    if (org.kind !== 'PLATFORM' || member.status !== 'ACTIVE' || !member.roles.includes('PLATFORM_ADMIN')) return false;
    return (await this.countActivePlatformAdmins()) <= 1;
  }

  private async transition(member: Member, set: Partial<Member>): Promise<Member> {
    const updated = await this.#collection.findOneAndUpdate(
      { _id: member._id, version: member.version },
      { $set: set, $inc: { version: 1 } },
    );
    // Every change of a member (roles, status, name) goes through here: their viewers on every hub are rebuilt.
    await this.viewers.forget({ memberId: member._id });
    if (!updated) throw conflict(`The member "${member.name}" changed meanwhile; reload and retry.`);
    return updated;
  }

  private async requireAdministered(viewer: Viewer, id: string): Promise<{ member: Member; org: Organization }> {
    const member = await this.get(id);
    if (!member) throw notFound('member', id);
    const org = await this.organizations.require(member.organizationId);
    this.assertAdmin(viewer, org);
    return { member, org };
  }

  private assertAdmin(viewer: Viewer, org: Organization): void {
    if (!canAdminister(viewer, org))
      throw forbidden(`Only an admin of "${org.name}" (or of an agency above it) may manage its members.`);
  }

  private assertRoles(viewer: Viewer, org: Organization, list: Role[]): void {
    const allowed = ROLES_BY_KIND[org.kind];
    const wrong = list.find((role) => !allowed.includes(role));
    if (wrong)
      throw badInput(
        'input.roles',
        `\`input.roles\`: ${wrong} is not a role in a ${org.kind.toLowerCase()}; use one of ${allowed.join(', ')}.`,
      );
    if (list.includes('PLATFORM_ADMIN') && !isPlatformAdmin(viewer))
      throw forbidden('Only a platform admin may grant PLATFORM_ADMIN.');
  }
}

/** A member document not stored yet: the one shape seeding, adding and inviting make. */
function newMember(
  organizationId: string,
  person: { name: string; email: string; roles: Role[] },
  status: MemberStatus,
): Member {
  const now = new Date().toISOString();
  return {
    _id: newId(),
    organizationId,
    name: person.name,
    email: person.email,
    roles: person.roles,
    status,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
