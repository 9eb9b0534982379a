import type { Member, Role } from './model.js';
import type { MemberService } from './member-service.js';
import type { OrganizationService } from './organization-service.js';

/** How many members the sign-in page of a demo hub lists at most. */
export const DEMO_MEMBER_LIMIT = 50;

/**
 * The order a demo hub's sign-in page walks through the roles: a challenge's story, from posting it to
 * running the hub.
 */
const ROLE_ORDER: readonly Role[] = [
  'CHALLENGE_MANAGER',
  'COMPANY_ADMIN',
  'REVIEWER',
  'PLATFORM_ADMIN',
  'AGENCY_ADMIN',
  'DEVELOPER',
];

/** A member someone may sign in as on a demo hub, with the name of their organization. */
export interface DemoMember {
  email: string;
  name: string;
  organizationName: string;
  roles: Role[];
}

const roleRank = (member: Member) => {
  const rank = ROLE_ORDER.indexOf(member.roles[0]!);
  return rank === -1 ? ROLE_ORDER.length : rank;
};

/**
 * The active members, by their first role in {@link ROLE_ORDER}, then in the order they were
 * added (ids sort by creation time) — so each role's leading demo persona, seeded first, comes first.
 */
export async function listDemoMembers(
  members: MemberService,
  organizations: OrganizationService,
): Promise<DemoMember[]> {
  const active = await members.firstActive(DEMO_MEMBER_LIMIT);
  const ids = [...new Set(active.map((member) => member.organizationId))];
  const orgs = await organizations.byIds(ids);
  const orgName = new Map(orgs.map((org) => [org._id, org.name]));
  // Array#sort is stable: within a role, members keep the order they were added in.
  return active
    .sort((a, b) => roleRank(a) - roleRank(b))
    .map((member) => ({
      email: member.email,
      name: member.name,
      organizationName: orgName.get(member.organizationId) ?? '',
      roles: member.roles,
    }));
}
