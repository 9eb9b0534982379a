import { claimCollection } from '../store/claims.js';
import type { CollectionSpec } from '../store/port.js';
import type { OrganizationKind } from '../identity/index.js';

export const CHALLENGE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const CHALLENGE_TYPES = ['IDEA', 'PROOF_OF_CONCEPT', 'PROTOTYPE', 'PRODUCTION_SERVICE'] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

export const SUBMISSION_STATUSES = ['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'REJECTED', 'WINNER'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const FINAL_CHALLENGE_STATUSES: readonly ChallengeStatus[] = ['AWARDED', 'CANCELLED'];

export interface Criterion {
  /** Stable key within the challenge, e.g. `feasibility`. */
  key: string;
  name: string;
  description: string;
  /** Percent; the weights of a challenge sum to 100. */
  weight: number;
}

export interface Prize {
  kind: 'PRIZE' | 'CONTRACT';
  /** Whole units of `currency`. */
  amount: number;
  currency: string;
  description: string;
}

export interface Eligibility {
  organizationKinds: OrganizationKind[];
  minTeamSize: number;
  maxTeamSize: number | null;
}

export interface Phase {
  name: string;
  submissionDeadline: string;
}

export interface Challenge {
  _id: string;
  agencyId: string;
  /** The agency's ancestors and the agency itself: "this agency and everything below" is one indexed match. */
  agencyPath: string[];
  title: string;
  summary: string;
  problemStatement: string;
  tags: string[];
  type: ChallengeType;
  dataConnectionIds: string[];
  serviceIds: string[];
  criteria: Criterion[];
  prize: Prize | null;
  eligibility: Eligibility;
  terms: string;
  submissionDeadline: string;
  evaluationEnd: string;
  /** Optional later phases; phase 0 is the challenge's own timeline. */
  phases: Phase[];
  currentPhase: number;
  status: ChallengeStatus;
  cancelReason: string | null;
  reviewerIds: string[];
  /** Lower-cased title, summary and tags, for text search on every engine. */
  searchText: string;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
  awardedAt: string | null;
  awardNote: string | null;
  winnerSubmissionIds: string[];
  /** Whole days from publication to the award, set at the award: insights count challenges per value for the median. */
  awardDays?: number | null;
  version: number;
}

/** A notice the agency posts to a published challenge, for everyone following it (stored in `challenge_updates`). */
export interface Announcement {
  _id: string;
  challengeId: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: string;
}

export interface Question {
  _id: string;
  challengeId: string;
  agencyId: string;
  organizationId: string;
  askedById: string;
  question: string;
  answer: string | null;
  answeredById: string | null;
  askedAt: string;
  answeredAt: string | null;
  version: number;
}

export interface SubmissionLink {
  title: string;
  url: string;
}

export interface Submission {
  _id: string;
  challengeId: string;
  agencyId: string;
  organizationId: string;
  phase: number;
  title: string;
  summary: string;
  proposal: string;
  links: SubmissionLink[];
  pluginPackage: { name: string; version: string } | null;
  teamSize: number;
  termsAcknowledgedAt: string | null;
  status: SubmissionStatus;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** `YYYY-MM-DD` (UTC) of `submittedAt`, so insights count entries per day in the store. */
  submittedDay?: string | null;
  awardNote: string | null;
  version: number;
}

export interface CriterionScore {
  criterionKey: string;
  score: number;
  comment: string;
}

export interface Review {
  _id: string;
  challengeId: string;
  submissionId: string;
  reviewerId: string;
  reviewerOrganizationId: string;
  scores: CriterionScore[];
  /** A comment the reviewer allows to be published with the results. */
  publicComment: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A reviewer's declaration that they have no conflict of interest on a challenge; required before they score. */
export interface ConflictDeclaration {
  _id: string;
  challengeId: string;
  /** The challenge's agency: the declaration is on its audit trail. */
  agencyId: string;
  reviewerId: string;
  /** The reviewer's organization when they declared. */
  reviewerOrganizationId: string;
  statement: string | null;
  declaredAt: string;
}

export const challengeCollections: CollectionSpec[] = [
  // Transitions claimed once across hubs (challenge-service.ts).
  claimCollection('challenge_claims'),
  {
    name: 'challenges',
    // Each list index ends with `_id` in the direction of its last key, as
    // every store sort breaks ties, so the index hands out a page in order and
    // stops at the limit. Without it MongoDB sorts every match in memory (a
    // SORT stage over all open challenges) and SQLite sorts ties in a
    // temporary B-tree. The list indexes then carry what decides whether a
    // challenge is public (status, publication): SQLite checks it from the
    // index instead of parsing each stored document on the way (a public page
    // of 20 went from ~80 to ~8 µs, issue #22). New names, because `migrate`
    // creates indexes by name and would silently keep an older shape under an
    // old one.
    indexes: [
      {
        name: 'byStatusDeadlineIdPublished',
        keys: [
          ['status', 1],
          ['submissionDeadline', 1],
          ['_id', 1],
          ['publishedAt', 1],
        ],
      },
      {
        name: 'byStatusCreatedIdPublished',
        keys: [
          ['status', 1],
          ['createdAt', -1],
          ['_id', -1],
          ['publishedAt', 1],
        ],
      },
      {
        name: 'byAgencyCreatedId',
        keys: [
          ['agencyPath', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byTagCreatedId',
        keys: [
          ['tags', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byDeadlineIdVisible',
        keys: [
          ['submissionDeadline', 1],
          ['_id', 1],
          ['status', 1],
          ['publishedAt', 1],
        ],
      },
      {
        name: 'byCreatedIdVisible',
        keys: [
          ['createdAt', -1],
          ['_id', -1],
          ['status', 1],
          ['publishedAt', 1],
        ],
      },
    ],
    arrayFields: [
      'agencyPath',
      'tags',
      'reviewerIds',
      'dataConnectionIds',
      'serviceIds',
      // Matched by "challenges for you" (the eligible kinds hold an organization's kind).
      'eligibility.organizationKinds',
    ],
  },
  {
    // Announcements; the stored name is older than the word.
    name: 'challenge_updates',
    indexes: [
      {
        name: 'byChallenge',
        keys: [
          ['challengeId', 1],
          ['createdAt', -1],
        ],
      },
    ],
  },
  {
    name: 'questions',
    indexes: [
      {
        name: 'byChallenge',
        keys: [
          ['challengeId', 1],
          ['askedAt', 1],
        ],
      },
    ],
  },
  {
    name: 'submissions',
    indexes: [
      {
        name: 'oneForEachPhase',
        keys: [
          ['challengeId', 1],
          ['organizationId', 1],
          ['phase', 1],
        ],
        unique: true,
      },
      {
        name: 'byChallenge',
        keys: [
          ['challengeId', 1],
          ['createdAt', 1],
        ],
      },
      {
        name: 'byOrganization',
        keys: [
          ['organizationId', 1],
          ['createdAt', -1],
        ],
      },
      // Insights: each holds every field its count groups by, so SQLite counts from the index alone (it reads an
      // indexed expression from the index instead of parsing the document, since 3.41); docs/benchmarks.md, "Insights".
      {
        name: 'byAgencyChallengeStatus',
        keys: [
          ['agencyId', 1],
          ['challengeId', 1],
          ['status', 1],
        ],
      },
      {
        name: 'byAgencyPhaseStatus',
        keys: [
          ['agencyId', 1],
          ['phase', 1],
          ['status', 1],
        ],
      },
      {
        name: 'byAgencyDayStatus',
        keys: [
          ['agencyId', 1],
          ['submittedDay', 1],
          ['status', 1],
        ],
      },
      {
        name: 'byAgencyOrganizationStatus',
        keys: [
          ['agencyId', 1],
          ['organizationId', 1],
          ['status', 1],
        ],
      },
      {
        name: 'byDayStatus',
        keys: [
          ['submittedDay', 1],
          ['status', 1],
        ],
      },
    ],
  },
  {
    name: 'reviews',
    indexes: [
      {
        name: 'oneForEachReviewer',
        keys: [
          ['submissionId', 1],
          ['reviewerId', 1],
        ],
        unique: true,
      },
      {
        name: 'byChallenge',
        keys: [
          ['challengeId', 1],
          ['createdAt', 1],
        ],
      },
    ],
  },
  {
    name: 'conflict_declarations',
    indexes: [
      {
        name: 'oneForEachReviewer',
        keys: [
          ['challengeId', 1],
          ['reviewerId', 1],
        ],
        unique: true,
      },
    ],
  },
];
