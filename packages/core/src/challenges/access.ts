import { hasRole, isPlatformAdmin, type Viewer } from '../identity/index.js';
import type { Challenge } from './model.js';

/** In the owning agency or an agency above it. */
export const isOfAgency = (viewer: Viewer | null, challenge: Pick<Challenge, 'agencyPath'>): boolean =>
  !!viewer && challenge.agencyPath.includes(viewer.organization._id);

/**
 * Posts, edits, publishes, answers, assigns reviewers and awards: challenge managers and agency admins of the owning
 * agency (or above), and platform admins.
 */
export const canManage = (viewer: Viewer | null, challenge: Pick<Challenge, 'agencyPath'>): boolean =>
  isPlatformAdmin(viewer) ||
  ((hasRole(viewer, 'CHALLENGE_MANAGER') || hasRole(viewer, 'AGENCY_ADMIN')) && isOfAgency(viewer, challenge));

/** A member of the review panel of this challenge. */
export const isPanelist = (viewer: Viewer | null, challenge: Pick<Challenge, 'reviewerIds'>): boolean =>
  !!viewer && challenge.reviewerIds.includes(viewer.member._id);

/**
 * A challenge that was never published — a draft, or a draft cancelled before publication — is its agency's (and
 * above) and platform admins' only.
 */
export const canSeeChallenge = (
  viewer: Viewer | null,
  challenge: Pick<Challenge, 'status' | 'agencyPath' | 'publishedAt'>,
): boolean =>
  (challenge.status !== 'DRAFT' && challenge.publishedAt !== null) ||
  isPlatformAdmin(viewer) ||
  isOfAgency(viewer, challenge);

/** Scores before the award: the agency and the panel only. */
export const canSeeScores = (
  viewer: Viewer | null,
  challenge: Pick<Challenge, 'status' | 'agencyPath' | 'reviewerIds'>,
): boolean =>
  challenge.status === 'AWARDED' ||
  isPlatformAdmin(viewer) ||
  isOfAgency(viewer, challenge) ||
  isPanelist(viewer, challenge);
