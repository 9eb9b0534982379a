import { badInput, conflict, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { isPlatformAdmin, requireScope, type MemberService, type Viewer } from '../identity/index.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canSeeScores, isOfAgency, isPanelist } from './access.js';
import type { ChallengeService } from './challenge-service.js';
import {
  FINAL_CHALLENGE_STATUSES,
  type Challenge,
  type ConflictDeclaration,
  type Review,
  type Submission,
} from './model.js';
import type { PanelConflicts } from './panel-conflicts.js';
import {
  awardInput,
  declareNoConflictInput,
  scoreInput,
  type AwardInput,
  type DeclareNoConflictInput,
  type ScoreInput,
} from './review-input.js';
import type { SubmissionService } from './submission-service.js';

export interface RankedSubmission {
  submission: Submission;
  rank: number;
  /** 0–100: each criterion's mean score (0–10) times its weight, summed and divided by 10. */
  weightedScore: number | null;
  criterionAverages: Array<{ criterionKey: string; average: number }>;
  reviewCount: number;
  publicComments: string[];
}

export interface ReviewerProgress {
  reviewerId: string;
  /** Reviews of the entries in play that count (none, while the reviewer is conflicted). */
  scored: number;
  of: number;
  conflictOfInterest: boolean;
}

/** One seat of a review panel as the agency sees it. */
export interface PanelSeat {
  memberId: string;
  /** The member's organization competes in the challenge: they may not score, and their scores do not count. */
  conflictOfInterest: boolean;
  /** When they declared no conflict of interest on this challenge; null until they do. */
  declaredNoConflictAt: string | null;
}

export class ReviewService {
  private readonly collection: Collection<Review>;

  constructor(
    store: Store,
    private readonly challenges: ChallengeService,
    private readonly submissions: SubmissionService,
    private readonly conflicts: PanelConflicts,
    private readonly members: MemberService,
    private readonly clock: () => number,
  ) {
    this.collection = store.collection<Review>('reviews');
  }

  /**
   * A panelist declares that they have no conflict of interest on the challenge — required before they score, and on
   * the audit trail. Refused (CONFLICT_OF_INTEREST) when their organization competes in it. Declaring again answers
   * the first declaration.
   */
  async declareNoConflict(
    viewer: Viewer | null,
    challengeId: string,
    raw: DeclareNoConflictInput = {},
  ): Promise<ConflictDeclaration> {
    requireScope(viewer, 'WRITE');
    const challenge = await this.challenges.visibleTo(viewer, challengeId);
    if (!challenge) throw notFound('challenge', challengeId);
    // A declaration is the reviewer's own: there is no argument naming anyone else, and nobody off the panel has one.
    if (!isPanelist(viewer, challenge))
      throw forbidden("Only a reviewer seated on this challenge's panel declares, and only for themselves.");
    if (FINAL_CHALLENGE_STATUSES.includes(challenge.status))
      throw conflict(`The challenge is ${challenge.status}; its review is over.`);
    await this.conflicts.assertFree(challengeId, viewer.member);
    const input = validate(declareNoConflictInput, raw, '');
    return this.conflicts.record(challenge, viewer.member, input.statement ?? null);
  }

  /** The viewer's own seat on the challenge's panel, or null when they have none. */
  async seatOf(viewer: Viewer | null, challenge: Challenge): Promise<PanelSeat | null> {
    if (!viewer || !isPanelist(viewer, challenge)) return null;
    const [competing, declaration] = await Promise.all([
      this.conflicts.competes(challenge._id, viewer.member.organizationId),
      this.conflicts.declarationOf(challenge._id, viewer.member._id),
    ]);
    return {
      memberId: viewer.member._id,
      conflictOfInterest: competing,
      declaredNoConflictAt: declaration?.declaredAt ?? null,
    };
  }

  /** The panel with each seat's conflict and declaration: the owning agency (and above), the panel and admins. */
  async panelOf(viewer: Viewer | null, challenge: Challenge): Promise<PanelSeat[]> {
    const ids = this.challenges.panelOf(viewer, challenge);
    const [competing, declarations, members] = await Promise.all([
      this.conflicts.competingOrganizationIds(challenge._id),
      this.conflicts.declarationsOf(challenge._id),
      Promise.all(ids.map((id) => this.members.get(id))),
    ]);
    return ids.map((memberId, i) => ({
      memberId,
      conflictOfInterest: !!members[i] && competing.has(members[i].organizationId),
      declaredNoConflictAt: declarations.get(memberId)?.declaredAt ?? null,
    }));
  }

  /**
   * A panelist scores every criterion of one submission 0–10; scoring again replaces their review. Refused for every
   * entry while the panelist's organization competes in the challenge, and until they declared no conflict.
   */
  async score(viewer: Viewer | null, submissionId: string, raw: ScoreInput): Promise<Review> {
    requireScope(viewer, 'WRITE');
    const { submission, challenge } = await this.submissions.requireReadable(viewer, submissionId);
    if (!isPanelist(viewer, challenge))
      throw forbidden('Only reviewers assigned to this challenge may score its submissions.');
    await this.conflicts.assertFree(challenge._id, viewer.member);
    if (challenge.status !== 'EVALUATING')
      throw conflict(`Scoring happens while the challenge is EVALUATING; it is ${challenge.status}.`);
    if (submission.status !== 'SUBMITTED' && submission.status !== 'SHORTLISTED')
      throw conflict(`A ${submission.status} submission is not scored.`);
    if (!(await this.conflicts.declarationOf(challenge._id, viewer.member._id)))
      throw new MaruError(
        'CONFLICT_DECLARATION_REQUIRED',
        'Declare that you have no conflict of interest on this challenge (declareNoConflict) before you score.',
      );
    const input = validate(scoreInput, raw, '');
    const keys = challenge.criteria.map((c) => c.key);
    const given = input.scores.map((s) => s.criterionKey);
    const unknown = given.find((key) => !keys.includes(key));
    if (unknown)
      throw badInput(
        'scores',
        `\`scores\`: "${unknown}" is not a criterion of this challenge; use ${keys.join(', ')}.`,
      );
    const missing = keys.find((key) => !given.includes(key));
    if (missing || given.length !== keys.length)
      throw badInput('scores', `\`scores\`: score each criterion exactly once (${keys.join(', ')}).`);
    const now = new Date(this.clock()).toISOString();
    const existing = await this.collection.findOne({ submissionId, reviewerId: viewer.member._id });
    if (existing) {
      const updated = await this.collection.findOneAndUpdate(
        { _id: existing._id, version: existing.version },
        {
          $set: { scores: input.scores, publicComment: input.publicComment ?? null, updatedAt: now },
          $inc: { version: 1 },
        },
      );
      if (!updated) throw conflict('Your review changed meanwhile; reload it and retry.');
      return updated;
    }
    const review: Review = {
      _id: newId(),
      challengeId: challenge._id,
      submissionId,
      reviewerId: viewer.member._id,
      reviewerOrganizationId: viewer.organization._id,
      scores: input.scores,
      publicComment: input.publicComment ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      await this.collection.insertOne(review);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict('You scored this submission meanwhile; reload and retry.');
      throw error;
    }
    return review;
  }

  /** Who has scored how many of the submissions in play: the owning agency (and above) and platform admins only. */
  progressFor(viewer: Viewer | null, challenge: Challenge): Promise<ReviewerProgress[]> {
    if (!(isPlatformAdmin(viewer) || isOfAgency(viewer, challenge)))
      throw forbidden('Review progress is seen by the owning agency only.');
    return this.progress(challenge);
  }

  /**
   * The ranking with the winners marked: public once AWARDED; before that the agency and the panel only, and
   * FORBIDDEN for everyone else.
   */
  async resultsFor(
    viewer: Viewer | null,
    challenge: Challenge,
  ): Promise<Array<RankedSubmission & { winner: boolean }>> {
    if (!canSeeScores(viewer, challenge))
      throw forbidden(
        'Scores and ranking are published when the challenge is ' +
          'awarded; until then only the agency and the panel see them.',
      );
    const ranking = await this.ranking(challenge);
    return ranking.map((row) => ({ ...row, winner: challenge.winnerSubmissionIds.includes(row.submission._id) }));
  }

  /**
   * The reviews of a submission the viewer sees (to `challenge`): all for the owning agency and platform admins,
   * their own for a panelist; FORBIDDEN for anyone else, even after the award (the results are public instead).
   */
  async reviewsVisibleTo(viewer: Viewer | null, submission: Submission, challenge: Challenge): Promise<Review[]> {
    const all = await this.collection.find({ submissionId: submission._id }, { sort: [['createdAt', 1]] });
    if (isPlatformAdmin(viewer) || isOfAgency(viewer, challenge)) return all;
    if (isPanelist(viewer, challenge)) return all.filter((r) => r.reviewerId === viewer!.member._id);
    throw forbidden('Reviews are seen by the owning agency and, each their own, by the reviewers.');
  }

  private async progress(challenge: Challenge): Promise<ReviewerProgress[]> {
    const [inPlay, reviews, competing, panel] = await Promise.all([
      this.submissions.entriesInPlay(challenge),
      this.countedReviews(challenge),
      this.conflicts.competingOrganizationIds(challenge._id),
      Promise.all(challenge.reviewerIds.map((id) => this.members.get(id))),
    ]);
    // Reviews of earlier phases do not count towards this phase's progress.
    const ids = new Set(inPlay.map((s) => s._id));
    return challenge.reviewerIds.map((reviewerId, i) => ({
      reviewerId,
      scored: reviews.filter((r) => r.reviewerId === reviewerId && ids.has(r.submissionId)).length,
      of: inPlay.length,
      conflictOfInterest: !!panel[i] && competing.has(panel[i].organizationId),
    }));
  }

  /**
   * The reviews of a challenge that count: not those of a reviewer whose organization competes in it, even when they
   * were given before it entered — a score given by someone with a stake in the outcome is not evidence, and the
   * agency sees the conflict on the panel and seats someone else.
   */
  private async countedReviews(challenge: Challenge): Promise<Review[]> {
    const [reviews, competing] = await Promise.all([
      this.collection.find({ challengeId: challenge._id }, { sort: [['createdAt', 1]] }),
      this.conflicts.competingOrganizationIds(challenge._id),
    ]);
    return reviews.filter((r) => !competing.has(r.reviewerOrganizationId));
  }

  /** Submissions of the current phase by weighted score, best first; unscored ones last. */
  private async ranking(challenge: Challenge): Promise<RankedSubmission[]> {
    const [subs, reviews] = await Promise.all([
      this.submissions.submittedEntries(challenge),
      this.countedReviews(challenge),
    ]);
    const rows = subs.map((submission) => {
      const mine = reviews.filter((r) => r.submissionId === submission._id);
      const criterionAverages = challenge.criteria.map((c) => {
        const values = mine
          .map((r) => r.scores.find((s) => s.criterionKey === c.key)?.score)
          .filter((v): v is number => v !== undefined);
        return { criterionKey: c.key, average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0 };
      });
      const weightedScore = mine.length
        ? Math.round(challenge.criteria.reduce((sum, c, i) => sum + criterionAverages[i]!.average * c.weight, 0) * 10) /
          100
        : null;
      const publicComments = mine.map((r) => r.publicComment).filter((c): c is string => !!c);
      return { submission, weightedScore, criterionAverages, reviewCount: mine.length, publicComments };
    });
    rows.sort((a, b) => (b.weightedScore ?? -1) - (a.weightedScore ?? -1));
    return rows.map((row, i) => ({ ...row, rank: i + 1 }));
  }

  /**
   * Awards one or more submissions. The challenge's own transition (version-
   * guarded) is the decision and records the winners; the submissions' statuses
   * follow it. Without multi-document transactions a crash between the two
   * leaves the challenge AWARDED with its winners named, and awarding is final,
   * so `results` reads the winners from the challenge, never from statuses.
   */
  async award(viewer: Viewer | null, challengeId: string, raw: AwardInput): Promise<Challenge> {
    const challenge = await this.challenges.requireManaged(viewer, challengeId);
    // The state first: a challenge not under evaluation has no entries to name, and saying so beats blaming the
    // winners.
    if (challenge.status !== 'EVALUATING')
      throw conflict(`Cannot award a ${challenge.status} challenge: award applies to EVALUATING challenges.`);
    const input = validate(awardInput, raw, '');
    const duplicate = input.winners.findIndex(
      (w, i) => input.winners.findIndex((o) => o.submissionId === w.submissionId) !== i,
    );
    if (duplicate >= 0)
      throw badInput(
        `winners.${duplicate}.submissionId`,
        `\`winners.${duplicate}.submissionId\` names a submission already listed; name each winner once.`,
      );
    const winners: Submission[] = [];
    for (const [i, winner] of input.winners.entries()) {
      const submission = await this.submissions.entryOf(challengeId, winner.submissionId);
      if (
        !submission ||
        !['SUBMITTED', 'SHORTLISTED'].includes(submission.status) ||
        submission.phase !== challenge.currentPhase
      ) {
        throw badInput(
          `winners.${i}.submissionId`,
          `\`winners.${i}.submissionId\` must be a submitted entry of this challenge's current phase.`,
        );
      }
      winners.push(submission);
    }
    const awarded = await this.challenges.apply(challenge, 'award', {
      awardNote: input.note ?? null,
      winnerSubmissionIds: winners.map((w) => w._id),
    });
    for (const [i, submission] of winners.entries())
      await this.submissions.move(submission, 'WINNER', { awardNote: input.winners[i]!.note ?? null });
    const others = await this.submissions.entriesInPlay(challenge);
    for (const other of others) await this.submissions.move(other, 'REJECTED', {});
    return awarded;
  }

  reviewerName = async (id: string) => (await this.members.get(id))?.name ?? 'former member';
}
