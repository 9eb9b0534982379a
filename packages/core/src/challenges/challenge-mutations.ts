import { z } from 'zod';
import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { type EnumRefs, fromGraphQL, globalId, zodArgs, zodInput } from '../graphql/zod-input.js';
import { OrganizationKindEnum } from '../identity/index.js';
import {
  cancelInput,
  challengeType,
  createChallengeInput,
  organizationKind,
  updateChallengeInput,
} from './challenge-input.js';
import type { Challenge } from './model.js';
import type { ChallengeTransition } from './challenge-service.js';
import { ChallengeRef, ChallengeTypeEnum } from './challenge-schema.js';

const enums: EnumRefs = [
  [challengeType, ChallengeTypeEnum],
  [organizationKind, OrganizationKindEnum],
];
const CreateChallengeInput = zodInput(
  'CreateChallengeInput',
  z.object({ agencyId: globalId('Organization'), ...createChallengeInput.shape }),
  { enums },
);
const UpdateChallengeInput = zodInput('UpdateChallengeInput', updateChallengeInput, { enums });
const CancelArgs = zodArgs(cancelInput);

const ChallengePayload = builder.objectRef<{ challenge: Challenge }>('ChallengePayload').implement({
  fields: (t) => ({ challenge: t.field({ type: ChallengeRef, resolve: (p) => p.challenge }) }),
});

const describe = ({ challenge }: { challenge: Challenge }) => ({
  targetId: challenge._id,
  organizationId: challenge.agencyId,
});

const transitionField = (action: ChallengeTransition, description: string, withReason = false) =>
  builder.mutationField(
    `${action}Challenge`
      .replace('startEvaluationChallenge', 'startChallengeEvaluation')
      .replace('advancePhaseChallenge', 'advanceChallengePhase'),
    (t) =>
      t.field({
        type: ChallengePayload,
        description,
        args: {
          id: t.arg.id({ required: true }),
          ...(withReason ? CancelArgs.args : {}),
        },
        resolve: (_r, args, ctx: HubContext) =>
          audited(
            ctx,
            `challenge.${action}`,
            { targetId: peekId(args.id as string) },
            async () => ({
              challenge: await ctx.services.challenges.transition(
                ctx.viewer,
                parseId(args.id as string, 'Challenge'),
                action,
                (args as { reason?: string }).reason,
              ),
            }),
            describe,
          ),
      }),
  );

transitionField('publish', 'DRAFT → OPEN: companies can see it, ask and submit. The deadline must be in the future.');
transitionField('close', 'OPEN → CLOSED before the deadline (the scheduler closes at the deadline).');
transitionField('startEvaluation', 'CLOSED → EVALUATING: the panel scores.');
transitionField(
  'advancePhase',
  'CLOSED or EVALUATING → OPEN for the next phase; only organizations shortlisted in this phase may submit.',
);
transitionField('cancel', 'Any status but AWARDED → CANCELLED, with a public reason.', true);

builder.mutationFields((t) => ({
  createChallenge: t.field({
    type: ChallengePayload,
    description: 'Post a challenge as a DRAFT (challenge managers and agency admins of the agency).',
    args: { input: t.arg({ type: CreateChallengeInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'challenge.create',
        { organizationId: peekId(input.agencyId) },
        async () => {
          const { agencyId, ...rest } = fromGraphQL(CreateChallengeInput, input);
          return { challenge: await ctx.services.challenges.create(ctx.viewer, agencyId, rest) };
        },
        describe,
      ),
  }),
  updateChallenge: t.field({
    type: ChallengePayload,
    description:
      'Edit a DRAFT or OPEN challenge. Criteria, type, eligibility, ' +
      'phases and terms lock at publication; a deadline only moves later.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateChallengeInput.ref, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.update',
        { targetId: peekId(args.id) },
        async () => ({
          challenge: await ctx.services.challenges.update(
            ctx.viewer,
            parseId(args.id, 'Challenge'),
            fromGraphQL(UpdateChallengeInput, args.input),
          ),
        }),
        describe,
      ),
  }),
  announceChallengeUpdate: t.field({
    type: ChallengePayload,
    description: 'Publish an announcement to a published challenge.',
    deprecationReason: 'Use postAnnouncement instead.',
    args: {
      id: t.arg.id({ required: true }),
      title: t.arg.string({ required: true }),
      body: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.announce',
        { targetId: peekId(args.id) },
        async () => {
          const id = parseId(args.id, 'Challenge');
          await ctx.services.challenges.postAnnouncement(ctx.viewer, id, { title: args.title, body: args.body });
          return { challenge: (await ctx.services.challenges.get(id))! };
        },
        describe,
      ),
  }),
  assignReviewers: t.field({
    type: ChallengePayload,
    description:
      'Set the review panel: members with the REVIEWER role, from the agency or invited from other organizations.',
    args: { id: t.arg.id({ required: true }), memberIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.assignReviewers',
        { targetId: peekId(args.id) },
        async () => ({
          challenge: await ctx.services.challenges.assignReviewers(
            ctx.viewer,
            parseId(args.id, 'Challenge'),
            args.memberIds.map((id, i) => parseId(id, 'Member', `memberIds.${i}`)),
          ),
        }),
        describe,
      ),
  }),
}));
