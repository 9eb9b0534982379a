import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { compact, parseId, peekId } from '../graphql/global-id.js';
import { OrganizationKindEnum } from '../identity/organization-schema.js';
import type { Challenge } from './model.js';
import type { ChallengeTransition } from './challenge-service.js';
import { ChallengeRef, ChallengeTypeEnum } from './challenge-schema.js';

const CriterionInput = builder.inputType('CriterionInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Lowercase letters, digits and "-"; unique within the challenge.' }),
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    weight: t.int({ required: true, description: 'Percent; all weights sum to 100.' }),
  }),
});
const PrizeInput = builder.inputType('PrizeInput', {
  fields: (t) => ({
    kind: t.string({ required: true, description: 'PRIZE or CONTRACT.' }),
    amount: t.float({ required: true }),
    currency: t.string({ required: true, description: 'ISO 4217, e.g. KRW.' }),
    description: t.string({ required: false }),
  }),
});
const EligibilityInput = builder.inputType('EligibilityInput', {
  fields: (t) => ({
    organizationKinds: t.field({ type: [OrganizationKindEnum], required: true }),
    minTeamSize: t.int({ required: true }),
    maxTeamSize: t.int({ required: false }),
  }),
});
const PhaseInput = builder.inputType('PhaseInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    submissionDeadline: t.field({ type: 'DateTime', required: true }),
  }),
});

const challengeFields = (required: boolean) =>
  ((t: any) => ({
    title: t.string({ required }),
    summary: t.string({ required }),
    problemStatement: t.string({ required: false, description: 'Markdown.' }),
    tags: t.stringList({ required: false }),
    type: t.field({ type: ChallengeTypeEnum, required }),
    dataConnectionIds: t.idList({
      required: false,
      description: 'Global ids of the data connections the challenge bears on.',
    }),
    serviceIds: t.idList({ required: false, description: 'Global ids of the services it bears on.' }),
    criteria: t.field({ type: [CriterionInput], required }),
    prize: t.field({ type: PrizeInput, required: false }),
    eligibility: t.field({ type: EligibilityInput, required: false }),
    terms: t.string({
      required: false,
      description:
        'IP and licence terms, e.g. a non-exclusive licence for the government to operate the winning solution.',
    }),
    submissionDeadline: t.field({ type: 'DateTime', required }),
    evaluationEnd: t.field({ type: 'DateTime', required }),
    phases: t.field({ type: [PhaseInput], required: false }),
  })) as never;

const CreateChallengeInput = builder.inputType('CreateChallengeInput', {
  fields: (t) =>
    ({ agencyId: t.id({ required: true }), ...(challengeFields(true) as (x: typeof t) => object)(t) }) as never,
});
const UpdateChallengeInput = builder.inputType('UpdateChallengeInput', {
  fields: (t) =>
    ({
      ...(challengeFields(false) as (x: typeof t) => object)(t),
      expectedVersion: t.int({ required: false }),
    }) as never,
});

const ChallengePayload = builder.objectRef<{ challenge: Challenge }>('ChallengePayload').implement({
  fields: (t) => ({ challenge: t.field({ type: ChallengeRef, resolve: (p) => p.challenge }) }),
});

const describe = ({ challenge }: { challenge: Challenge }) => ({
  targetId: challenge._id,
  organizationId: challenge.agencyId,
});

function cleanInput(input: Record<string, unknown>) {
  const clean = compact(input) as Record<string, unknown>;
  for (const nested of ['criteria', 'phases'])
    if (Array.isArray(clean[nested]))
      clean[nested] = (clean[nested] as Record<string, unknown>[]).map((x) => compact(x));
  // Links arrive as global ids and are kept as the linked objects' ids.
  if (Array.isArray(clean.dataConnectionIds))
    clean.dataConnectionIds = (clean.dataConnectionIds as string[]).map((id, i) =>
      parseId(id, 'DataConnection', `input.dataConnectionIds.${i}`),
    );
  if (Array.isArray(clean.serviceIds))
    clean.serviceIds = (clean.serviceIds as string[]).map((id, i) => parseId(id, 'Service', `input.serviceIds.${i}`));
  for (const nested of ['prize', 'eligibility'])
    if (clean[nested]) clean[nested] = compact(clean[nested] as Record<string, unknown>);
  if (clean.eligibility && !('maxTeamSize' in (clean.eligibility as object)))
    (clean.eligibility as Record<string, unknown>).maxTeamSize = null;
  return clean;
}

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
          ...(withReason
            ? { reason: t.arg.string({ required: true, description: 'Shown publicly with the challenge.' }) }
            : {}),
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
    args: { input: t.arg({ type: CreateChallengeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'challenge.create',
        { organizationId: peekId((input as unknown as { agencyId: string }).agencyId) },
        async () => {
          const { agencyId, ...rest } = input as unknown as Record<string, unknown> & { agencyId: string };
          return {
            challenge: await ctx.services.challenges.create(
              ctx.viewer,
              parseId(agencyId, 'Organization', 'input.agencyId'),
              cleanInput(rest) as never,
            ),
          };
        },
        describe,
      ),
  }),
  updateChallenge: t.field({
    type: ChallengePayload,
    description:
      'Edit a DRAFT or OPEN challenge. Criteria, type, eligibility, ' +
      'phases and terms lock at publication; a deadline only moves later.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateChallengeInput, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.update',
        { targetId: peekId(args.id) },
        async () => ({
          challenge: await ctx.services.challenges.update(
            ctx.viewer,
            parseId(args.id, 'Challenge'),
            cleanInput(args.input as Record<string, unknown>) as never,
          ),
        }),
        describe,
      ),
  }),
  announceChallengeUpdate: t.field({
    type: ChallengePayload,
    description: 'Publish an announcement to a published challenge.',
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
          await ctx.services.challenges.announce(ctx.viewer, id, { title: args.title, body: args.body });
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
