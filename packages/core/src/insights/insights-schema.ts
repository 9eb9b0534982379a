import type { HubContext } from '../context.js';
import { isMaruError } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { loadOrganization } from '../graphql/loaders.js';
import { OrganizationRef, RegionEnum, SizeBandEnum } from '../identity/index.js';
import type {
  AgencyTimeToAward,
  BandParticipation,
  ChallengeParticipation,
  ConnectionAccess,
  InsightsScope,
  Participation,
  PhaseParticipation,
  RegionParticipation,
  ServiceConsumerUsage,
  ServiceDayUsage,
  ServiceUsageInsights,
  StatusCount,
  WeekParticipation,
} from './model.js';

/** An opened scope and the window it was opened with. */
interface InsightsRoot {
  scope: InsightsScope;
  days: number;
}

const StatusCountRef = builder.objectRef<StatusCount>('InsightStatusCount').implement({
  fields: (t) => ({ status: t.exposeString('status'), count: t.exposeInt('count') }),
});

const ChallengeParticipationRef = builder.objectRef<ChallengeParticipation>('ChallengeParticipation').implement({
  description: 'Entries to one challenge.',
  fields: (t) => ({
    challengeId: t.id({ resolve: (c) => encodeGlobalId('Challenge', c.challengeId) }),
    title: t.exposeString('title'),
    entries: t.exposeInt('entries', {
      description: 'Entries that were submitted (drafts excluded), whatever their status now.',
    }),
    byStatus: t.field({
      type: [StatusCountRef],
      description: 'Every entry, drafts included, by status now.',
      resolve: (c) => c.byStatus,
    }),
  }),
});

const PhaseParticipationRef = builder.objectRef<PhaseParticipation>('PhaseParticipation').implement({
  fields: (t) => ({
    phase: t.exposeInt('phase', { description: "0 is the challenge's own timeline; later phases count up." }),
    entries: t.exposeInt('entries'),
    drafts: t.exposeInt('drafts'),
  }),
});

const WeekParticipationRef = builder.objectRef<WeekParticipation>('WeekParticipation').implement({
  fields: (t) => ({
    week: t.exposeString('week', { description: 'The Monday (UTC) starting the week, YYYY-MM-DD.' }),
    submitted: t.exposeInt('submitted', { description: 'Entries submitted that week.' }),
    byStatus: t.field({
      type: [StatusCountRef],
      description: 'Those entries by status now.',
      resolve: (w) => w.byStatus,
    }),
  }),
});

const BandParticipationRef = builder.objectRef<BandParticipation>('SizeBandParticipation').implement({
  fields: (t) => ({
    sizeBand: t.field({
      type: SizeBandEnum,
      nullable: true,
      description: 'Null: not set by the company.',
      resolve: (b) => b.sizeBand,
    }),
    entries: t.exposeInt('entries'),
    organizations: t.exposeInt('organizations', { description: 'Distinct organizations that entered.' }),
  }),
});

const RegionParticipationRef = builder.objectRef<RegionParticipation>('RegionParticipation').implement({
  fields: (t) => ({
    region: t.field({
      type: RegionEnum,
      nullable: true,
      description: 'Null: not set by the organization.',
      resolve: (r) => r.region,
    }),
    entries: t.exposeInt('entries'),
    organizations: t.exposeInt('organizations'),
  }),
});

const ParticipationRef = builder.objectRef<Participation>('Participation').implement({
  description: "Entries to the scope's challenges, counted by the store.",
  fields: (t) => ({
    challenges: t.field({
      type: [ChallengeParticipationRef],
      description: 'The most entered challenges first.',
      resolve: (p) => p.challenges,
    }),
    phases: t.field({ type: [PhaseParticipationRef], resolve: (p) => p.phases }),
    weeks: t.field({
      type: [WeekParticipationRef],
      description: 'Entries submitted per week within the window.',
      resolve: (p) => p.weeks,
    }),
    sizeBands: t.field({
      type: [BandParticipationRef],
      description: 'Submitted entries by the size band of the entering company.',
      resolve: (p) => p.sizeBands,
    }),
    regions: t.field({
      type: [RegionParticipationRef],
      description: 'Submitted entries by the region of the entering organization.',
      resolve: (p) => p.regions,
    }),
  }),
});

const TimeToAwardRef = builder.objectRef<AgencyTimeToAward>('AgencyTimeToAward').implement({
  description: "Whole days from a challenge's publication to its award, per agency.",
  fields: (t) => ({
    agency: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (a, _args, ctx) => loadOrganization(ctx, a.agencyId),
    }),
    awarded: t.exposeInt('awarded', { description: 'Awarded challenges.' }),
    medianDays: t.float({ nullable: true, resolve: (a) => a.medianDays }),
    minDays: t.int({ nullable: true, resolve: (a) => a.minDays }),
    maxDays: t.int({ nullable: true, resolve: (a) => a.maxDays }),
  }),
});

const ServiceDayUsageRef = builder.objectRef<ServiceDayUsage>('ServiceDayUsage').implement({
  fields: (t) => ({
    serviceKey: t.exposeString('serviceKey'),
    day: t.exposeString('day', { description: 'YYYY-MM-DD, UTC.' }),
    calls: t.exposeInt('calls'),
    failures: t.exposeInt('failures'),
  }),
});

const ServiceConsumerUsageRef = builder.objectRef<ServiceConsumerUsage>('ServiceConsumerUsage').implement({
  fields: (t) => ({
    serviceKey: t.exposeString('serviceKey'),
    consumer: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (u, _args, ctx) => (u.consumerOrganizationId ? loadOrganization(ctx, u.consumerOrganizationId) : null),
    }),
    calls: t.exposeInt('calls'),
    failures: t.exposeInt('failures'),
  }),
});

const ServiceUsageInsightsRef = builder.objectRef<ServiceUsageInsights>('ServiceUsageInsights').implement({
  description:
    'Metered calls within the window. An organization sees the calls it made and every call to the services it owns ' +
    '(pilots launched from its challenges); the whole platform sees every call.',
  fields: (t) => ({
    perDay: t.field({
      type: [ServiceDayUsageRef],
      description: 'Per service and day, oldest first.',
      resolve: (u) => u.perDay,
    }),
    perConsumer: t.field({
      type: [ServiceConsumerUsageRef],
      description: 'Per service and consumer, most calls first.',
      resolve: (u) => u.perConsumer,
    }),
  }),
});

const ConnectionAccessRef = builder.objectRef<ConnectionAccess>('ConnectionAccessFigures').implement({
  description: 'Access to one data connection of the owning agency, since the connection began.',
  fields: (t) => ({
    connectionId: t.id({ resolve: (c) => encodeGlobalId('DataConnection', c.connectionId) }),
    name: t.exposeString('name'),
    reads: t.exposeInt('reads', { description: 'Reads served (access log, SUCCESS).' }),
    refusedReads: t.exposeInt('refusedReads', { description: 'Reads refused (access log, any refusal code).' }),
    approvals: t.exposeInt('approvals', { description: 'Access requests APPROVED.' }),
    refusals: t.exposeInt('refusals', { description: 'Access requests REJECTED.' }),
    pending: t.exposeInt('pending', { description: 'Access requests awaiting a decision.' }),
    consentsInForce: t.exposeInt('consentsInForce', { description: 'Consents ACTIVE and within their validity now.' }),
  }),
});

const InsightsRef = builder.objectRef<InsightsRoot>('Insights').implement({
  description:
    "Figures for decisions about an organization's challenges, services and data, counted by the store. Every figure " +
    'is of the organization asked about (with the agencies below it) or, for platform admins, of the whole platform.',
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'Null for the whole platform.',
      resolve: (r) => r.scope.organization,
    }),
    since: t.string({
      description: 'The first day (UTC, YYYY-MM-DD) over-time figures cover.',
      resolve: (r) => r.scope.sinceDay,
    }),
    participation: t.field({
      type: ParticipationRef,
      args: {
        challengeId: t.arg.id({ required: false, description: "Only this challenge's entries." }),
        top: t.arg.int({ required: false, defaultValue: 20, description: 'How many challenges to list, 1–100.' }),
      },
      resolve: (r, args, ctx) =>
        ctx.services.insights.participation(
          r.scope,
          args.challengeId ? parseId(args.challengeId, 'Challenge', 'challengeId') : null,
          args.top ?? 20,
        ),
    }),
    timeToAward: t.field({
      type: [TimeToAwardRef],
      description: 'Per agency (the agency and those below it); empty for companies.',
      resolve: (r, _args, ctx) => ctx.services.insights.timeToAward(r.scope),
    }),
    serviceUsage: t.field({
      type: ServiceUsageInsightsRef,
      resolve: (r, _args, ctx) => ctx.services.insights.serviceUsage(r.scope, r.days),
    }),
    dataAccess: t.field({
      type: [ConnectionAccessRef],
      description: 'Per connection the agency (or those below it) owns; empty for companies.',
      resolve: (r, _args, ctx) => ctx.services.insights.dataAccess(r.scope),
    }),
  }),
});

builder.queryFields((t) => ({
  insights: t.field({
    type: InsightsRef,
    description:
      'Figures for decisions: participation in challenges, time to award, service usage and data access. Members of ' +
      'an organization (and of agencies above it) may read its insights; omit `organizationId` for the whole ' +
      "platform (platform admins). Another organization's insights are refused (FORBIDDEN) and the refusal is audited.",
    args: {
      organizationId: t.arg.id({ required: false }),
      days: t.arg.int({
        required: false,
        defaultValue: 90,
        description: 'The window of over-time figures, 1–366 days.',
      }),
    },
    resolve: (_root, args, ctx) => openInsights(ctx, args.organizationId ?? null, args.days ?? 90),
  }),
}));

/**
 * Opens the scope; a refusal goes on the audit trail as refused mutations do (`insights.read` with the refusal's
 * code), so who tried to read another organization's figures is on record. Successful reads are not recorded: a
 * dashboard reads them on every visit.
 */
async function openInsights(ctx: HubContext, organizationGlobalId: string | null, days: number): Promise<InsightsRoot> {
  try {
    const organizationId = organizationGlobalId
      ? parseId(organizationGlobalId, 'Organization', 'organizationId')
      : null;
    return { scope: await ctx.services.insights.open(ctx.viewer, organizationId, days), days };
  } catch (error) {
    if (isMaruError(error)) {
      if (!ctx.viewer) ctx.services.audit.refusedAnonymously(ctx.address ?? 'in-process', error.code);
      else {
        const target = peekId(organizationGlobalId);
        await ctx.services.audit.append({
          action: 'insights.read',
          actorMemberId: ctx.viewer.member._id,
          actorOrganizationId: ctx.viewer.organization._id,
          targetId: target,
          organizationId: target,
          requestId: ctx.requestId,
          outcome: error.code,
        });
      }
    }
    throw error;
  }
}
