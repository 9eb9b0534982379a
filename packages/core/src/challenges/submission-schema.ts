import { z } from 'zod';
import type { HubContext } from '../context.js';
import { requireOrganization } from '../graphql/loaders.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, globalId, zodInput } from '../graphql/zod-input.js';
import { OrganizationRef } from '../identity/index.js';
import { ChallengeRef } from './challenge-schema.js';
import { createSubmissionInput, updateSubmissionInput } from './submission-service.js';
import { SUBMISSION_STATUSES, type Submission } from './model.js';

export const SubmissionStatusEnum = builder.enumType('SubmissionStatus', {
  description: 'DRAFT → SUBMITTED → (WITHDRAWN | SHORTLISTED | REJECTED | WINNER).',
  values: SUBMISSION_STATUSES,
});

export const SubmissionRef = nodeType<Submission>('Submission', {
  description:
    "A company's answer to a challenge. Drafts are seen only by their company; the agency " +
    'and panel see submitted ones; everyone sees them once the challenge is awarded.',
  load: (id, ctx) => ctx.services.submissions.visibleTo(ctx.viewer, id),
});
const SubmissionConnection = connectionOf(SubmissionRef, 'Submission');

const LinkRef = builder.objectRef<{ title: string; url: string }>('SubmissionLink').implement({
  fields: (t) => ({ title: t.exposeString('title'), url: t.exposeString('url') }),
});
const PluginPackageRef = builder.objectRef<{ name: string; version: string }>('PluginPackageReference').implement({
  description:
    'The npm package (exact version) offered as the solution; ' +
    'kept at award so it can go live as a shared service in pilot.',
  fields: (t) => ({ name: t.exposeString('name'), version: t.exposeString('version') }),
});

builder.objectFields(SubmissionRef, (t) => ({
  title: t.exposeString('title'),
  summary: t.exposeString('summary'),
  proposal: t.exposeString('proposal', { description: 'Markdown.' }),
  links: t.field({ type: [LinkRef], resolve: (s) => s.links }),
  pluginPackage: t.field({ type: PluginPackageRef, nullable: true, resolve: (s) => s.pluginPackage }),
  teamSize: t.exposeInt('teamSize'),
  status: t.field({ type: SubmissionStatusEnum, resolve: (s) => s.status }),
  phase: t.exposeInt('phase'),
  organization: t.field({ type: OrganizationRef, resolve: (s, _a, ctx) => requireOrganization(ctx, s.organizationId) }),
  challenge: t.field({
    type: ChallengeRef,
    resolve: async (s, _a, ctx) => (await ctx.loaders.byId(ctx.services.challenges, s.challengeId))!,
  }),
  challengeId: t.id({ resolve: (s) => encodeGlobalId('Challenge', s.challengeId) }),
  termsAcknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.termsAcknowledgedAt }),
  submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.submittedAt }),
  awardNote: t.exposeString('awardNote', { nullable: true }),
  createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (s) => s.updatedAt }),
  version: t.exposeInt('version'),
}));

builder.objectField(ChallengeRef, 'submissions', (t) =>
  t.field({
    type: SubmissionConnection,
    description:
      "Your organization's submissions (drafts included); for the agency and panel, " +
      'every submitted one; after the award, everyone sees the submitted ones.',
    args: pageArgs,
    resolve: (c, args, ctx) =>
      toConnection(args, (page) => ctx.services.submissions.listOfChallenge(ctx.viewer, c, page)),
  }),
);

const CreateSubmissionInput = zodInput(
  'CreateSubmissionInput',
  z.object({ challengeId: globalId('Challenge'), ...createSubmissionInput.shape }),
);
const UpdateSubmissionInput = zodInput('UpdateSubmissionInput', updateSubmissionInput);

const SubmissionPayload = builder.objectRef<{ submission: Submission }>('SubmissionPayload').implement({
  fields: (t) => ({ submission: t.field({ type: SubmissionRef, resolve: (p) => p.submission }) }),
});
const describe = ({ submission }: { submission: Submission }) => ({
  targetId: submission._id,
  organizationId: submission.organizationId,
});

/** A mutation of one submission, by its id, with no other argument. */
const byId = (
  name: string,
  action: string,
  description: string,
  run: (ctx: HubContext, id: string) => Promise<Submission>,
) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: SubmissionPayload,
      description,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) =>
        audited(
          ctx,
          action,
          { targetId: peekId(args.id) },
          async () => ({ submission: await run(ctx, parseId(args.id, 'Submission')) }),
          describe,
        ),
    }),
  );

builder.mutationField('createSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description:
      'Start a draft submission for an OPEN challenge (company admins and developers of an eligible organization).',
    args: { input: t.arg({ type: CreateSubmissionInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'submission.create',
        { targetId: peekId(input.challengeId) },
        async () => {
          const { challengeId, ...rest } = fromGraphQL(CreateSubmissionInput, input);
          return { submission: await ctx.services.submissions.create(ctx.viewer, challengeId, rest) };
        },
        describe,
      ),
  }),
);
builder.mutationFields((t) => ({
  updateSubmission: t.field({
    type: SubmissionPayload,
    description: 'Edit your draft.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSubmissionInput.ref, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'submission.update',
        { targetId: peekId(args.id) },
        async () => ({
          submission: await ctx.services.submissions.update(
            ctx.viewer,
            parseId(args.id, 'Submission'),
            fromGraphQL(UpdateSubmissionInput, args.input),
          ),
        }),
        describe,
      ),
  }),
  submitSubmission: t.field({
    type: SubmissionPayload,
    description: "Submit your draft before the deadline, accepting the challenge's terms.",
    args: {
      id: t.arg.id({ required: true }),
      acknowledgeTerms: t.arg.boolean({
        required: true,
        description: "Must be true: you accept the challenge's IP and licence terms.",
      }),
    },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'submission.submit',
        { targetId: peekId(args.id) },
        async () => ({
          submission: await ctx.services.submissions.submit(
            ctx.viewer,
            parseId(args.id, 'Submission'),
            args.acknowledgeTerms,
          ),
        }),
        describe,
      ),
  }),
}));
byId('withdrawSubmission', 'submission.withdraw', 'Withdraw your submission while the challenge is OPEN.', (ctx, id) =>
  ctx.services.submissions.withdraw(ctx.viewer, id),
);
byId(
  'shortlistSubmission',
  'submission.shortlist',
  'Shortlist a submitted entry (the owning agency, once submissions closed).',
  (ctx, id) => ctx.services.submissions.decide(ctx.viewer, id, 'SHORTLISTED'),
);
byId(
  'rejectSubmission',
  'submission.reject',
  'Reject a submitted entry (the owning agency, once submissions closed).',
  (ctx, id) => ctx.services.submissions.decide(ctx.viewer, id, 'REJECTED'),
);
