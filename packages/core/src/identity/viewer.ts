import type { ApiKey, ApiKeyScope, Member, Organization, Role } from './model.js';
import { ADMIN_ROLES } from './model.js';

/** The authenticated caller of one request: a member acting through one API key, or signed in in a browser. */
export interface Viewer {
  member: Member;
  organization: Organization;
  /**
   * The credential's rights. For a browser session (`via: 'SESSION'`) it stands for the session: every scope, LIVE
   * mode, and the session's id.
   */
  apiKey: ApiKey;
  /** How the member authenticated: an API key (`KEY`, also when absent) or a browser session (`SESSION`). */
  via?: 'KEY' | 'SESSION';
  /** The session of this request, when `via` is `SESSION`. */
  sessionId?: string;
}

export const hasRole = (viewer: Viewer | null, role: Role): boolean => !!viewer && viewer.member.roles.includes(role);

export const hasScope = (viewer: Viewer | null, scope: ApiKeyScope): boolean =>
  !!viewer && viewer.apiKey.scopes.includes(scope);

export const isPlatformAdmin = (viewer: Viewer | null): boolean =>
  hasRole(viewer, 'PLATFORM_ADMIN') && viewer!.organization.kind === 'PLATFORM';

/**
 * Whether the viewer belongs to `org` or to an agency above it. Ministries
 * see into their bureaus and divisions, never the other way round.
 */
export function isWithin(viewer: Viewer | null, org: Pick<Organization, '_id' | 'ancestorIds'>): boolean {
  if (!viewer) return false;
  const own = viewer.organization._id;
  return org._id === own || org.ancestorIds.includes(own);
}

/** Whether the viewer administers `org`: platform admin, or an admin of it or of an agency above it. */
export function canAdminister(viewer: Viewer | null, org: Pick<Organization, '_id' | 'ancestorIds'>): boolean {
  if (isPlatformAdmin(viewer)) return true;
  return !!viewer && viewer.member.roles.some((role) => ADMIN_ROLES.includes(role)) && isWithin(viewer, org);
}
