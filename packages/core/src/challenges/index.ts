import type { AuditTrail } from '../audit/index.js';
import type { HubEvents } from '../events/index.js';
import type { HubModule } from '../hub-module.js';
import type { MemberService, OrganizationService } from '../identity/index.js';
import type { Store } from '../store/port.js';
import { ChallengeFigures } from './challenge-figures.js';
import { ChallengeService, type ChallengeEventOutbox } from './challenge-service.js';
import { challengeCollections, type Challenge, type Question } from './model.js';
import { PanelConflicts } from './panel-conflicts.js';
import type { RequiredDocuments } from './submission-service.js';
import { QuestionService } from './question-service.js';
import { ReviewService } from './review-service.js';
import { SubmissionService } from './submission-service.js';
// The module's GraphQL part: importing this index registers it on the builder.
import './challenge-schema.js';
import './challenge-mutations.js';
import './announcement-schema.js';
import './question-schema.js';
import './submission-schema.js';
import './review-schema.js';
import './subscription-schema.js';

/** Challenges and what happens on them: questions, announcements, submissions, reviews and the award. */
export interface ChallengesApi {
  challenges: ChallengeService;
  questions: QuestionService;
  submissions: SubmissionService;
  reviews: ReviewService;
  /** Counts for insights, made in the store. */
  figures: ChallengeFigures;
}

export interface ChallengesDeps {
  /** Agencies a challenge is posted by. */
  organizations: OrganizationService;
  /** Reviewers assigned to a panel, and their names. */
  members: MemberService;
  /** Records the scheduler's closings (requests are audited at the GraphQL boundary). */
  audit: AuditTrail;
  /** Public challenge events and submissions received. */
  events: HubEvents;
  clock: () => number;
  /** Where public challenge events are recorded once for the plugins that receive them. */
  outbox?: ChallengeEventOutbox;
  /** Tells the notices module a question was answered (the asker hears). */
  onQuestionAnswered?: (question: Question, challenge: Challenge) => Promise<void>;
  /** The documents a challenge requires that the submitter has not presented (the wallet); none when absent. */
  requiredDocuments?: RequiredDocuments;
}

/** The challenges module: its tables stay inside; everything else goes through `api`. */
export function createChallengesModule(store: Store, deps: ChallengesDeps): HubModule<ChallengesApi> {
  const conflicts = new PanelConflicts(store, deps.clock);
  const challenges = new ChallengeService(
    store,
    deps.organizations,
    deps.members,
    deps.audit,
    deps.events,
    deps.clock,
    conflicts,
    deps.outbox,
  );
  const questions = new QuestionService(store, challenges, deps.clock, deps.onQuestionAnswered);
  const submissions = new SubmissionService(
    store,
    challenges,
    deps.events,
    deps.clock,
    conflicts,
    deps.requiredDocuments,
  );
  const reviews = new ReviewService(store, challenges, submissions, conflicts, deps.members, deps.clock);
  return {
    name: 'challenges',
    collections: challengeCollections,
    api: { challenges, questions, submissions, reviews, figures: new ChallengeFigures(store) },
  };
}

export type { RequiredDocuments } from './submission-service.js';
export {
  CHALLENGE_SORTS,
  challengeListFilter,
  type ChallengeMatch,
  type ChallengeQuery,
  type ChallengeSort,
} from './challenge-list.js';
export type { ChallengeEventOutbox, ChallengeService, ChallengeTransition } from './challenge-service.js';
export type { QuestionService } from './question-service.js';
export {
  ENTERED_STATUSES,
  type ChallengeFigures,
  type ParticipationCounts,
  type ParticipationScope,
} from './challenge-figures.js';
export type { SubmissionService } from './submission-service.js';
export type { RankedSubmission, ReviewService, ReviewerProgress } from './review-service.js';
export { canManage, canSeeChallenge, canSeeScores, isOfAgency, isPanelist } from './access.js';
export { ChallengeConnection, ChallengeRef, ChallengeTypeEnum } from './challenge-schema.js';
export { SubmissionRef } from './submission-schema.js';
export { challengeCollections, CHALLENGE_STATUSES, CHALLENGE_TYPES, SUBMISSION_STATUSES } from './model.js';
export type {
  Announcement,
  Challenge,
  ChallengeStatus,
  ConflictDeclaration,
  ChallengeType,
  Criterion,
  Question,
  Review,
  Submission,
  SubmissionStatus,
} from './model.js';
