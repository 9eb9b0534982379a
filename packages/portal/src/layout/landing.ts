import type { Viewer } from '../auth/session';

/**
 * The page of a member's own work, where they land after signing in and where "My work" leads: a platform admin's
 * dashboard, an agency team's challenges, a company's dashboard, a reviewer's assignments; the challenges otherwise.
 */
export function landingFor(viewer: Viewer): string {
  const has = (...roles: Viewer['roles']) => roles.some((role) => viewer.roles.includes(role));
  if (has('PLATFORM_ADMIN')) return '/admin';
  if (has('AGENCY_ADMIN', 'CHALLENGE_MANAGER')) return '/manage';
  if (viewer.organization.kind === 'COMPANY' && has('COMPANY_ADMIN', 'DEVELOPER')) return '/my';
  if (has('REVIEWER')) return '/reviews';
  if (viewer.organization.kind === 'COMPANY') return '/my';
  return '/';
}

/** Only paths of this site: `//elsewhere` or `https://…` would send people away after sign-in. */
export const samePath = (path: string | null | undefined): path is string =>
  !!path && path.startsWith('/') && !path.startsWith('//');

/** Where a sign-in with the OpenID Connect provider comes back to when no page asked: the member's own page. */
export const START_PATH = '/start';
