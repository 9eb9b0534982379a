import type { OrganizationKind, Role } from '../../gql/graphql';

/** The roles a member of each kind of organization may hold (the hub's ROLES_BY_KIND). */
const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  PLATFORM: ['PLATFORM_ADMIN', 'REVIEWER', 'DEVELOPER'],
  AGENCY: ['AGENCY_ADMIN', 'CHALLENGE_MANAGER', 'REVIEWER', 'DEVELOPER'],
  COMPANY: ['COMPANY_ADMIN', 'REVIEWER', 'DEVELOPER'],
};

/** What an admin may grant in an organization of `kind`: its roles, PLATFORM_ADMIN only by a platform admin. */
export function grantableRoles(kind: OrganizationKind, viewerRoles: readonly Role[]): Role[] {
  return ROLES_BY_KIND[kind].filter((role) => role !== 'PLATFORM_ADMIN' || viewerRoles.includes('PLATFORM_ADMIN'));
}
