import { escapeRegex, isPlatformAdmin, type Viewer } from '../identity/index.js';
import type { Filter, Sort } from '../store/port.js';
import type { Challenge, ChallengeStatus } from './model.js';

/** What a challenge listing asks for (the `challenges` query's filter). */
export interface ChallengeQuery {
  search?: string;
  agencyId?: string;
  includeSubAgencies?: boolean;
  tags?: string[];
  type?: Challenge['type'];
  statuses?: ChallengeStatus[];
  deadlineFrom?: string;
  deadlineTo?: string;
}

/** The orders a challenge listing offers; each has an index ending in `_id` (see model.ts). */
export const CHALLENGE_SORTS: Record<'DEADLINE' | 'NEWEST', Sort> = {
  DEADLINE: [['submissionDeadline', 1]],
  NEWEST: [['createdAt', -1]],
};

export type ChallengeSort = keyof typeof CHALLENGE_SORTS;

/**
 * The store filter of a challenge listing as `viewer` may see it: `canSeeChallenge` written as a query, shaped for the
 * indexes (benchmarks time it as is).
 */
export function challengeListFilter(viewer: Viewer | null, query: ChallengeQuery): Filter {
  const and: Filter[] = [];
  const statuses = query.statuses?.length ? query.statuses : null;
  if (statuses && !isPlatformAdmin(viewer) && !(viewer && statuses.includes('DRAFT'))) {
    // Drafts are out of sight: one `$in` without them, the exact bounds of the status index on every engine.
    and.push({ status: { $in: statuses.filter((status) => status !== 'DRAFT') } });
    // A draft cancelled before publication stays out of sight too.
    and.push(
      viewer
        ? { $or: [{ publishedAt: { $ne: null } }, { agencyPath: viewer.organization._id }] }
        : { publishedAt: { $ne: null } },
    );
  } else {
    // Drafts of the viewer's own agency may show. With no status chosen this stays `$ne`, not an
    // `$in` of the five others: SQLite would read every non-draft through the status index and sort them.
    if (!isPlatformAdmin(viewer)) {
      const published = { status: { $ne: 'DRAFT' }, publishedAt: { $ne: null } };
      and.push(viewer ? { $or: [published, { agencyPath: viewer.organization._id }] } : published);
    }
    if (statuses) and.push({ status: { $in: statuses } });
  }
  if (query.agencyId)
    and.push(query.includeSubAgencies === false ? { agencyId: query.agencyId } : { agencyPath: query.agencyId });
  if (query.tags?.length) and.push({ tags: { $all: query.tags.map((t) => t.toLowerCase()) } });
  if (query.type) and.push({ type: query.type });
  if (query.deadlineFrom || query.deadlineTo) {
    and.push({
      submissionDeadline: {
        ...(query.deadlineFrom ? { $gte: query.deadlineFrom } : {}),
        ...(query.deadlineTo ? { $lt: query.deadlineTo } : {}),
      },
    });
  }
  for (const term of (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    and.push({ searchText: { $regex: escapeRegex(term) } });
  }
  return and.length ? { $and: and } : {};
}

/** What "challenges for you" matches: an organization's declared interests and its kind. */
export interface ChallengeMatch {
  organizationId: string;
  organizationKind: string;
  tags: string[];
  types: string[];
  agencyIds: string[];
}

/**
 * OPEN challenges matching any declared interest (a tag, a type, an agency or one above it) that the organization is
 * eligible for (its kind), not its own agency's. Null when nothing is declared: nothing matches.
 */
export function challengeMatchFilter(match: ChallengeMatch): Filter | null {
  const or: Filter[] = [];
  if (match.tags.length) or.push({ tags: { $in: match.tags } });
  if (match.types.length) or.push({ type: { $in: match.types } });
  if (match.agencyIds.length) or.push({ agencyPath: { $in: match.agencyIds } });
  if (!or.length) return null;
  return {
    $and: [
      { status: 'OPEN' },
      { publishedAt: { $ne: null } },
      { 'eligibility.organizationKinds': match.organizationKind },
      { agencyPath: { $ne: match.organizationId } },
      { $or: or },
    ],
  };
}
