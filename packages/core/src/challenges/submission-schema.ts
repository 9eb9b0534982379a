import { requireOrganization } from '../graphql/loaders.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, paginate } from '../graphql/connection.js';
import { compact, encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { OrganizationRef } from '../identity/organization-schema.js';
import { ChallengeRef } from './challenge-schema.js';
import { SUBMISSION_STATUSES, type Submission } from './model.js';

export const SubmissionStatusEnum = builder.enumType('SubmissionStatus', {
  description: 'DRAFT → SUBMITTED → (WITHDRAWN | SHORTLISTED | REJECTED | WINNER).',
  values: SUBMISSION_STATUSES,
});

export const SubmissionRef = nodeType<Submission>('Submission', {
  description:
    "A company's answer to a challenge. Drafts are seen only by their company; the agency " +
    'and panel see submitted ones; everyone sees them once the challenge is awarded.',
  load: async (id, ctx) => {
    const submission = await ctx.services.submissions.collection.findOne({ _id: id });
    const challenge = submission ? await ctx.services.challenges.get(submission.challengeId) : null;
    return submission && challenge && ctx.services.submissions.canRead(ctx.viewer, submission, challenge)
      ? submission
      : null;
  },
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
    resolve: async (s, _a, ctx) => (await ctx.loaders.byId(ctx.services.challenges.collection, s.challengeId))!,
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
      paginate(
        ctx.services.submissions.collection,
        ctx.services.submissions.visibleFilter(ctx.viewer, c),
        [['createdAt', 1]],
        args,
      ),
  }),
);

const LinkInput = builder.inputType('SubmissionLinkInput', {
  fields: (t) => ({ title: t.string({ required: true }), url: t.string({ required: true }) }),
});
const PluginPackageInput = builder.inputType('PluginPackageInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'npm package name.' }),
    version: t.string({ required: true, description: 'Exact version.' }),
  }),
});
const submissionFields = (required: boolean) => (t: any) => ({
  title: t.string({ required }),
  summary: t.string({ required: false }),
  proposal: t.string({ required: false, description: 'Markdown; required to submit.' }),
  links: t.field({ type: [LinkInput], required: false }),
  pluginPackage: t.field({ type: PluginPackageInput, required: false }),
  teamSize: t.int({ required: false }),
});
const CreateSubmissionInput = builder.inputType('CreateSubmissionInput', {
  fields: (t) => ({ challengeId: t.id({ required: true }), ...submissionFields(true)(t) }) as never,
});
const UpdateSubmissionInput = builder.inputType('UpdateSubmissionInput', {
  fields: (t) => submissionFields(false)(t) as never,
});

const SubmissionPayload = builder.objectRef<{ submission: Submission }>('SubmissionPayload').implement({
  fields: (t) => ({ submission: t.field({ type: SubmissionRef, resolve: (p) => p.submission }) }),
});
const describe = ({ submission }: { submission: Submission }) => ({
  targetId: submission._id,
  organizationId: submission.organizationId,
});

const byId = (
  name: string,
  action: string,
  description: string,
  run: (ctx: any, id: string, args: any) => Promise<Submission>,
  extraArgs: (t: any) => object = () => ({}),
) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: SubmissionPayload,
      description,
      args: { id: t.arg.id({ required: true }), ...extraArgs(t.arg) } as never,
      resolve: (_r, args: any, ctx) =>
        audited(
          ctx,
          action,
          { targetId: peekId(args.id) },
          async () => ({ submission: await run(ctx, parseId(args.id, 'Submission'), args) }),
          describe,
        ),
    }),
  );

builder.mutationField('createSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description:
      'Start a draft submission for an OPEN challenge (company admins and developers of an eligible organization).',
    args: { input: t.arg({ type: CreateSubmissionInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'submission.create',
        { targetId: peekId((input as any).challengeId) },
        async () => {
          const { challengeId, ...rest } = compact(input as Record<string, unknown>) as Record<string, unknown> & {
            challengeId: string;
          };
          return {
            submission: await ctx.services.submissions.create(
              ctx.viewer,
              parseId(challengeId, 'Challenge', 'input.challengeId'),
              rest as never,
            ),
          };
        },
        describe,
      ),
  }),
);
byId(
  'updateSubmission',
  'submission.update',
  'Edit your draft.',
  (ctx, id, args) => ctx.services.submissions.update(ctx.viewer, id, compact(args.input)),
  (arg) => ({
    input: arg({ type: UpdateSubmissionInput, required: true }),
  }),
);
byId(
  'submitSubmission',
  'submission.submit',
  "Submit your draft before the deadline, accepting the challenge's terms.",
  (ctx, id, args) => ctx.services.submissions.submit(ctx.viewer, id, args.acknowledgeTerms),
  (arg) => ({
    acknowledgeTerms: arg.boolean({
      required: true,
      description: "Must be true: you accept the challenge's IP and licence terms.",
    }),
  }),
);
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
