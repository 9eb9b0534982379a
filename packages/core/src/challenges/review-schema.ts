import { loadOrganization } from '../graphql/loaders.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { OrganizationRef } from '../identity/index.js';
import { ChallengeRef } from './challenge-schema.js';
import type { Challenge, ConflictDeclaration, Review } from './model.js';
import { awardInput, declareNoConflictInput, scoreInput } from './review-input.js';
import type { PanelSeat, RankedSubmission, ReviewerProgress } from './review-service.js';
import { SubmissionRef } from './submission-schema.js';

const ScoreRef = builder.objectRef<Review['scores'][number]>('CriterionScore').implement({
  fields: (t) => ({
    criterionKey: t.exposeString('criterionKey'),
    score: t.exposeInt('score'),
    comment: t.exposeString('comment'),
  }),
});

const ReviewRef = builder.objectRef<Review>('Review').implement({
  description: "One reviewer's scores of one submission. Seen by the agency, and by each reviewer for their own.",
  fields: (t) => ({
    reviewerId: t.id({ resolve: (r) => encodeGlobalId('Member', r.reviewerId) }),
    reviewerName: t.string({ resolve: (r, _a, ctx) => ctx.services.reviews.reviewerName(r.reviewerId) }),
    scores: t.field({ type: [ScoreRef], resolve: (r) => r.scores }),
    publicComment: t.exposeString('publicComment', {
      nullable: true,
      description: 'Published with the results at award.',
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

builder.objectField(SubmissionRef, 'reviews', (t) =>
  t.field({
    type: [ReviewRef],
    nullable: true,
    description:
      'The agency sees every review; a reviewer sees their own; nobody ' +
      'else sees any, even after the award (the results are public instead).',
    resolve: async (s, _a, ctx) => {
      const challenge = (await ctx.loaders.byId(ctx.services.challenges, s.challengeId))!;
      return ctx.services.reviews.reviewsVisibleTo(ctx.viewer, s, challenge);
    },
  }),
);

const PanelistRef = builder.objectRef<PanelSeat>('Panelist').implement({
  description:
    'A seat on a review panel. A member whose organization has a submission to the challenge may not be seated, ' +
    'nor score; one seated before their organization entered shows `conflictOfInterest` until the agency replaces them.',
  fields: (t) => ({
    conflictOfInterest: t.exposeBoolean('conflictOfInterest', {
      description:
        "The member's organization has a submission (not withdrawn) to this challenge: they may not score, and the " +
        'scores they gave do not count in the results. Set the panel without them.',
    }),
    declaredNoConflictAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When they declared no conflict of interest (required before scoring); null until they do.',
      resolve: (p) => p.declaredNoConflictAt,
    }),
    memberId: t.id({ resolve: (p) => encodeGlobalId('Member', p.memberId) }),
    name: t.string({ resolve: (p, _a, ctx) => ctx.services.reviews.reviewerName(p.memberId) }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: async (p, _a, ctx) => {
        const member = await ctx.loaders.byId(ctx.services.members, p.memberId);
        return member ? loadOrganization(ctx, member.organizationId) : null;
      },
    }),
  }),
});

const ProgressRef = builder.objectRef<ReviewerProgress>('ReviewerProgress').implement({
  fields: (t) => ({
    reviewerId: t.id({ resolve: (p) => encodeGlobalId('Member', p.reviewerId) }),
    reviewerName: t.string({ resolve: (p, _a, ctx) => ctx.services.reviews.reviewerName(p.reviewerId) }),
    scored: t.exposeInt('scored', { description: 'Reviews of entries in play that count (none while conflicted).' }),
    of: t.exposeInt('of', { description: 'Submissions in play.' }),
    conflictOfInterest: t.exposeBoolean('conflictOfInterest', {
      description: "The reviewer's organization competes in the challenge; their scores do not count.",
    }),
  }),
});

const AverageRef = builder.objectRef<{ criterionKey: string; average: number }>('CriterionAverage').implement({
  fields: (t) => ({ criterionKey: t.exposeString('criterionKey'), average: t.exposeFloat('average') }),
});

const RankedRef = builder.objectRef<RankedSubmission & { winner: boolean }>('RankedSubmission').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    submission: t.field({ type: SubmissionRef, resolve: (r) => r.submission }),
    weightedScore: t.exposeFloat('weightedScore', {
      nullable: true,
      description: '0–100: mean score per criterion × weight, summed, / 10. Null until scored.',
    }),
    criterionAverages: t.field({ type: [AverageRef], resolve: (r) => r.criterionAverages }),
    reviewCount: t.exposeInt('reviewCount'),
    publicComments: t.exposeStringList('publicComments'),
    winner: t.exposeBoolean('winner'),
  }),
});

builder.objectFields(ChallengeRef, (t) => ({
  panel: t.field({
    type: [PanelistRef],
    nullable: true,
    description:
      'The assigned reviewers, each with any conflict of interest and declaration. The agency and the panel only.',
    resolve: (c, _a, ctx) => ctx.services.reviews.panelOf(ctx.viewer, c),
  }),
  myPanelSeat: t.field({
    type: PanelistRef,
    nullable: true,
    description:
      "The viewer's own seat on the panel — whether they declared no conflict and whether they are conflicted — or " +
      'null when they are not on it.',
    resolve: (c, _a, ctx) => ctx.services.reviews.seatOf(ctx.viewer, c),
  }),
  reviewProgress: t.field({
    type: [ProgressRef],
    nullable: true,
    description: 'Who has scored how many submissions. The owning agency only.',
    resolve: (c, _a, ctx) => ctx.services.reviews.progressFor(ctx.viewer, c),
  }),
  results: t.field({
    type: [RankedRef],
    nullable: true,
    description:
      'The weighted ranking of the current phase. Public once AWARDED; before ' +
      'that the agency and panel only, and for everyone else a FORBIDDEN error.',
    resolve: (c, _a, ctx) => ctx.services.reviews.resultsFor(ctx.viewer, c),
  }),
  winners: t.field({
    type: [SubmissionRef],
    description: 'The awarded submissions (empty until AWARDED); their plugin references go on to pilot.',
    resolve: async (c, _a, ctx) =>
      (await Promise.all(c.winnerSubmissionIds.map((id) => ctx.loaders.byId(ctx.services.submissions, id)))).filter(
        (s) => s !== null,
      ),
  }),
}));

const ScoreArgs = zodArgs(scoreInput);
const DeclareArgs = zodArgs(declareNoConflictInput);

const DeclarationRef = builder.objectRef<ConflictDeclaration>('ConflictDeclaration').implement({
  description: "A reviewer's declaration that they have no conflict of interest on a challenge.",
  fields: (t) => ({
    reviewerId: t.id({ resolve: (d) => encodeGlobalId('Member', d.reviewerId) }),
    reviewerName: t.string({ resolve: (d, _a, ctx) => ctx.services.reviews.reviewerName(d.reviewerId) }),
    statement: t.exposeString('statement', { nullable: true }),
    declaredAt: t.field({ type: 'DateTime', resolve: (d) => d.declaredAt }),
  }),
});
const DeclarePayload = builder.objectRef<{ declaration: ConflictDeclaration }>('DeclareNoConflictPayload').implement({
  fields: (t) => ({ declaration: t.field({ type: DeclarationRef, resolve: (p) => p.declaration }) }),
});
const AwardArgs = zodArgs(awardInput);

const ReviewPayload = builder.objectRef<{ review: Review }>('ReviewPayload').implement({
  fields: (t) => ({ review: t.field({ type: ReviewRef, resolve: (p) => p.review }) }),
});
const AwardPayload = builder.objectRef<{ challenge: Challenge }>('AwardPayload').implement({
  fields: (t) => ({ challenge: t.field({ type: ChallengeRef, resolve: (p) => p.challenge }) }),
});

builder.mutationFields((t) => ({
  declareNoConflict: t.field({
    type: DeclarePayload,
    description:
      'As a reviewer seated on the panel, declare that you have no conflict of interest on this challenge — required ' +
      'before you score, and recorded on the audit trail. Refused (CONFLICT_OF_INTEREST) when your organization has a ' +
      'submission to it. Declaring again answers the first declaration.',
    args: { challengeId: t.arg.id({ required: true }), ...DeclareArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'review.declareNoConflict',
        { targetId: peekId(args.challengeId) },
        async () => ({
          declaration: await ctx.services.reviews.declareNoConflict(
            ctx.viewer,
            parseId(args.challengeId, 'Challenge', 'challengeId'),
            fromGraphQL(DeclareArgs, args, ''),
          ),
        }),
        ({ declaration }) => ({ targetId: declaration.challengeId, organizationId: declaration.agencyId }),
      ),
  }),
  scoreSubmission: t.field({
    type: ReviewPayload,
    description:
      'Score every criterion of a submission 0–10 (assigned reviewers, while EVALUATING). ' +
      'Scoring again replaces your review. Declare no conflict of interest first (declareNoConflict); refused for ' +
      'every entry while your organization has a submission to the challenge (CONFLICT_OF_INTEREST).',
    args: { submissionId: t.arg.id({ required: true }), ...ScoreArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'review.score',
        { targetId: peekId(args.submissionId) },
        async () => ({
          review: await ctx.services.reviews.score(
            ctx.viewer,
            parseId(args.submissionId, 'Submission', 'submissionId'),
            fromGraphQL(ScoreArgs, args, ''),
          ),
        }),
        ({ review }) => ({ targetId: review._id, organizationId: null }),
      ),
  }),
  awardChallenge: t.field({
    type: AwardPayload,
    description: 'EVALUATING → AWARDED: name the winners. Results become public; the other entries are rejected.',
    args: { id: t.arg.id({ required: true }), ...AwardArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.award',
        { targetId: peekId(args.id) },
        async () => ({
          challenge: await ctx.services.reviews.award(
            ctx.viewer,
            parseId(args.id, 'Challenge'),
            fromGraphQL(AwardArgs, args, ''),
          ),
        }),
        ({ challenge }) => ({ targetId: challenge._id, organizationId: challenge.agencyId }),
      ),
  }),
}));
