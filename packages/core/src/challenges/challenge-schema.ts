import { requireOrganization } from '../graphql/loaders.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { OrganizationKindEnum, OrganizationRef } from '../identity/index.js';
import { badInput } from '../errors.js';
import {
  CHALLENGE_STATUSES,
  CHALLENGE_TYPES,
  type Challenge,
  type Criterion,
  type Eligibility,
  type Phase,
  type Prize,
} from './model.js';

export const ChallengeStatusEnum = builder.enumType('ChallengeStatus', {
  description: 'DRAFT → OPEN → CLOSED → EVALUATING → AWARDED; any but AWARDED may become CANCELLED.',
  values: CHALLENGE_STATUSES,
});
export const ChallengeTypeEnum = builder.enumType('ChallengeType', { values: CHALLENGE_TYPES });
export const ChallengeSortEnum = builder.enumType('ChallengeSort', {
  values: {
    DEADLINE: { description: 'Soonest submission deadline first.' },
    NEWEST: { description: 'Newest first.' },
  } as const,
});

const CriterionRef = builder.objectRef<Criterion>('Criterion').implement({
  description: 'An evaluation criterion; the weights of a challenge sum to 100.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    weight: t.exposeInt('weight'),
  }),
});
const PrizeRef = builder.objectRef<Prize>('Prize').implement({
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'PRIZE (money) or CONTRACT (a contract to run the solution).' }),
    amount: t.exposeFloat('amount'),
    currency: t.exposeString('currency'),
    description: t.exposeString('description'),
  }),
});
const EligibilityRef = builder.objectRef<Eligibility>('Eligibility').implement({
  fields: (t) => ({
    organizationKinds: t.field({ type: [OrganizationKindEnum], resolve: (e) => e.organizationKinds }),
    minTeamSize: t.exposeInt('minTeamSize'),
    maxTeamSize: t.exposeInt('maxTeamSize', { nullable: true }),
  }),
});
const PhaseRef = builder.objectRef<Phase>('Phase').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    submissionDeadline: t.field({ type: 'DateTime', resolve: (p) => p.submissionDeadline }),
  }),
});

export const ChallengeRef = nodeType<Challenge>('Challenge', {
  description: 'A public problem posted by a government agency. Drafts are visible only to their agency.',
  load: (id, ctx) => ctx.services.challenges.visibleTo(ctx.viewer, id),
});
export const ChallengeConnection = connectionOf(ChallengeRef, 'Challenge');

builder.objectFields(ChallengeRef, (t) => ({
  title: t.exposeString('title'),
  summary: t.exposeString('summary'),
  problemStatement: t.exposeString('problemStatement', { description: 'Markdown.' }),
  tags: t.exposeStringList('tags'),
  type: t.field({ type: ChallengeTypeEnum, resolve: (c) => c.type }),
  status: t.field({ type: ChallengeStatusEnum, resolve: (c) => c.status }),
  cancelReason: t.exposeString('cancelReason', { nullable: true }),
  agency: t.field({ type: OrganizationRef, resolve: (c, _a, ctx) => requireOrganization(ctx, c.agencyId) }),
  dataConnectionIds: t.idList({
    resolve: (c) => c.dataConnectionIds.map((id) => encodeGlobalId('DataConnection', id)),
  }),
  serviceIds: t.idList({ resolve: (c) => c.serviceIds.map((id) => encodeGlobalId('Service', id)) }),
  criteria: t.field({ type: [CriterionRef], resolve: (c) => c.criteria }),
  prize: t.field({ type: PrizeRef, nullable: true, resolve: (c) => c.prize }),
  eligibility: t.field({ type: EligibilityRef, resolve: (c) => c.eligibility }),
  terms: t.exposeString('terms', { description: 'IP and licence terms a submitter accepts.' }),
  submissionDeadline: t.field({ type: 'DateTime', resolve: (c) => c.submissionDeadline }),
  evaluationEnd: t.field({ type: 'DateTime', resolve: (c) => c.evaluationEnd }),
  phases: t.field({
    type: [PhaseRef],
    description: 'Later phases; only those shortlisted in one enter the next.',
    resolve: (c) => c.phases,
  }),
  currentPhase: t.exposeInt('currentPhase', { description: '0 for the first phase.' }),
  createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
  publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.publishedAt }),
  closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.closedAt }),
  awardedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.awardedAt }),
  awardNote: t.exposeString('awardNote', { nullable: true }),
  version: t.exposeInt('version'),
}));

const ChallengeFilter = builder.inputType('ChallengeFilter', {
  fields: (t) => ({
    search: t.string({
      required: false,
      description: 'Words that must all appear in the title, summary or tags (case-insensitive).',
    }),
    agencyId: t.id({ required: false }),
    includeSubAgencies: t.boolean({
      required: false,
      description: 'With agencyId: also challenges of agencies below it. Default true.',
    }),
    tags: t.stringList({ required: false, description: 'Challenges carrying all of these tags.' }),
    type: t.field({ type: ChallengeTypeEnum, required: false }),
    statuses: t.field({ type: [ChallengeStatusEnum], required: false }),
    deadlineFrom: t.field({ type: 'DateTime', required: false, description: 'Submission deadline at or after.' }),
    deadlineTo: t.field({ type: 'DateTime', required: false, description: 'Submission deadline before.' }),
  }),
});

builder.queryFields((t) => ({
  challenge: t.field({
    type: ChallengeRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => ctx.services.challenges.visibleTo(ctx.viewer, parseId(args.id, 'Challenge')),
  }),
  challenges: t.field({
    type: ChallengeConnection,
    description: 'Browse and search challenges. Anonymous callers and other organizations never see drafts.',
    args: {
      ...pageArgs,
      filter: t.arg({ type: ChallengeFilter, required: false }),
      sort: t.arg({ type: ChallengeSortEnum, required: false }),
    },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      if ((f.search?.length ?? 0) > 200)
        throw badInput('filter.search', '`filter.search` must be at most 200 characters.');
      const query = {
        search: f.search ?? undefined,
        agencyId: f.agencyId ? parseId(f.agencyId, 'Organization', 'filter.agencyId') : undefined,
        includeSubAgencies: f.includeSubAgencies ?? true,
        tags: f.tags ?? undefined,
        type: f.type ?? undefined,
        statuses: f.statuses ?? undefined,
        deadlineFrom: f.deadlineFrom ?? undefined,
        deadlineTo: f.deadlineTo ?? undefined,
      };
      return toConnection(args, (page) =>
        ctx.services.challenges.listVisibleTo(ctx.viewer, query, args.sort ?? 'NEWEST', page),
      );
    },
  }),
}));
