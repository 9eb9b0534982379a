import DataLoader from 'dataloader';
import { requireOrganization } from '../graphql/loaders.js';
import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { OrganizationRef } from '../identity/index.js';
import { ChallengeRef } from './challenge-schema.js';
import type { Challenge, Question } from './model.js';
import { answerInput, askInput } from './question-input.js';

export const QuestionRef = nodeType<Question>('Question', {
  description:
    'A clarification question. Answered questions are public; ' +
    'unanswered ones are seen by the asker and the agency only.',
  load: (id, ctx) => ctx.services.questions.visibleTo(ctx.viewer, id),
});
const QuestionConnection = connectionOf(QuestionRef, 'Question');

builder.objectFields(QuestionRef, (t) => ({
  question: t.exposeString('question'),
  answer: t.exposeString('answer', { nullable: true }),
  askedBy: t.field({
    type: OrganizationRef,
    description: 'The asking organization.',
    resolve: (q, _a, ctx) => requireOrganization(ctx, q.organizationId),
  }),
  challengeId: t.id({ resolve: (q) => encodeGlobalId('Challenge', q.challengeId) }),
  askedAt: t.field({ type: 'DateTime', resolve: (q) => q.askedAt }),
  answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (q) => q.answeredAt }),
}));

builder.objectField(ChallengeRef, 'questions', (t) =>
  t.field({
    type: QuestionConnection,
    description: 'Answered questions (public), plus your own unanswered ones; the agency sees all.',
    args: pageArgs,
    resolve: (c, args, ctx) =>
      toConnection(args, (page) => ctx.services.questions.listOfChallenge(ctx.viewer, c, page)),
  }),
);

/** One loader per request (keyed by its loaders object): the challenges of a page are counted together. */
const unansweredLoaders = new WeakMap<object, DataLoader<Challenge, number | null>>();
const unansweredLoader = (ctx: HubContext) => {
  let loader = unansweredLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<Challenge, number | null>(
      async (challenges) => {
        const counts = await ctx.services.questions.unansweredCounts(ctx.viewer, challenges);
        return challenges.map((c) => counts.get(c._id) ?? null);
      },
      { cache: false, maxBatchSize: 100 },
    );
    unansweredLoaders.set(ctx.loaders, loader);
  }
  return loader;
};

builder.objectField(ChallengeRef, 'unansweredQuestionCount', (t) =>
  t.int({
    nullable: true,
    description:
      'How many questions wait for an answer: for the owning agency (and above) and platform admins; null for ' +
      'everyone else. Counted for a whole page of challenges at once.',
    resolve: (c, _a, ctx) => unansweredLoader(ctx).load(c),
  }),
);

const AskArgs = zodArgs(askInput);
const AnswerArgs = zodArgs(answerInput);

const QuestionPayload = builder.objectRef<{ question: Question }>('QuestionPayload').implement({
  fields: (t) => ({ question: t.field({ type: QuestionRef, resolve: (p) => p.question }) }),
});

builder.mutationFields((t) => ({
  askQuestion: t.field({
    type: QuestionPayload,
    description: 'Ask the agency a clarification question about an OPEN challenge.',
    args: { challengeId: t.arg.id({ required: true }), ...AskArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'question.ask',
        { targetId: peekId(args.challengeId) },
        async () => ({
          question: await ctx.services.questions.ask(
            ctx.viewer,
            parseId(args.challengeId, 'Challenge', 'challengeId'),
            fromGraphQL(AskArgs, args, ''),
          ),
        }),
        ({ question }) => ({ targetId: question._id, organizationId: question.agencyId }),
      ),
  }),
  answerQuestion: t.field({
    type: QuestionPayload,
    description: 'Answer a question publicly (the owning agency). Every company then sees question and answer.',
    args: { id: t.arg.id({ required: true }), ...AnswerArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'question.answer',
        { targetId: peekId(args.id) },
        async () => ({
          question: await ctx.services.questions.answer(
            ctx.viewer,
            parseId(args.id, 'Question'),
            fromGraphQL(AnswerArgs, args, ''),
          ),
        }),
        ({ question }) => ({ targetId: question._id, organizationId: question.agencyId }),
      ),
  }),
}));
