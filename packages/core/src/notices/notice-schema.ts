import { ChallengeConnection, ChallengeRef, ChallengeTypeEnum } from '../challenges/index.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { loadOrganization } from '../graphql/loaders.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, zodArgs, zodInput } from '../graphql/zod-input.js';
import { OrganizationRef, requireScope } from '../identity/index.js';
import {
  CHANNELS,
  DELIVERY_STATUSES,
  NOTICE_KINDS,
  type ChannelSettings,
  type Interests,
  type Notice,
  type NoticeDelivery,
} from './model.js';
import { challengeTypeInput, channelsInput, interestsInput, markReadInput } from './notice-input.js';

const NoticeKindEnum = builder.enumType('NoticeKind', {
  description: 'What a notice tells of.',
  values: NOTICE_KINDS,
});
const NoticeReasonEnum = builder.enumType('NoticeReason', {
  description:
    'CONCERNED: your organization was party to it. INTERESTED: it matched interests your organization declared.',
  values: ['CONCERNED', 'INTERESTED'] as const,
});
const NoticeChannelEnum = builder.enumType('NoticeChannel', { values: CHANNELS });
const NoticeDeliveryStatusEnum = builder.enumType('NoticeDeliveryStatus', { values: DELIVERY_STATUSES });

const NoticeDeliveryRef = builder.objectRef<NoticeDelivery>('NoticeDelivery').implement({
  description: 'A notice sent to one of your external channels through the notify service, retried until delivered.',
  fields: (t) => ({
    channel: t.field({ type: NoticeChannelEnum, resolve: (d) => d.channel }),
    target: t.exposeString('target', { description: 'The webhook URL or e-mail address it went to.' }),
    status: t.field({ type: NoticeDeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.deliveredAt }),
  }),
});

export const NoticeRef = nodeType<Notice>('Notice', {
  description: "A notice in a member's inbox: seen by that member only.",
  load: (id, ctx) => ctx.services.notices.inbox.visibleTo(ctx.viewer, id),
  authScopes: (notice, ctx) => ctx.viewer?.member._id === notice.memberId,
});
const NoticeConnection = connectionOf(NoticeRef, 'Notice');

builder.objectFields(NoticeRef, (t) => ({
  kind: t.field({ type: NoticeKindEnum, resolve: (n) => n.kind }),
  reason: t.field({ type: NoticeReasonEnum, resolve: (n) => n.reason }),
  title: t.exposeString('title', { description: 'The challenge, dataset or service the notice is about.' }),
  outcome: t.exposeString('outcome', {
    nullable: true,
    description: 'For decisions and awards: APPROVED, REJECTED, ACTIVE, REVOKED, WINNER or NOT_SELECTED.',
  }),
  subjectId: t.id({
    description:
      'The global id of what it is about (a Challenge, Question, DataAccessRequest, ServiceGrant or DataConnection).',
    resolve: (n) => encodeGlobalId(n.subjectType, n.subjectId),
  }),
  challenge: t.field({
    type: ChallengeRef,
    nullable: true,
    description: 'The challenge, for notices about one (published, answered question, award).',
    resolve: async (n, _a, ctx) => {
      if (n.subjectType === 'Challenge') return ctx.services.challenges.visibleTo(ctx.viewer, n.subjectId);
      if (n.subjectType === 'Question') {
        const question = await ctx.services.questions.visibleTo(ctx.viewer, n.subjectId);
        return question ? ctx.services.challenges.visibleTo(ctx.viewer, question.challengeId) : null;
      }
      return null;
    },
  }),
  read: t.boolean({ resolve: (n) => n.readAt !== null }),
  createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
  readAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.readAt }),
  deliveries: t.field({
    type: [NoticeDeliveryRef],
    description: 'How it fared on your webhook and e-mail, if you chose them.',
    resolve: (n, _a, ctx) => ctx.services.notices.deliveries.ofNotice(n._id),
  }),
}));

const InterestsRef = builder.objectRef<Interests>('Interests').implement({
  description:
    "What an organization wants to hear about: challenges with these tags, of these types or from these agencies (and those below them), and these datasets once available. Seen and changed by the organization's own members (changed by its admins).",
  fields: (t) => ({
    tags: t.exposeStringList('tags'),
    challengeTypes: t.field({ type: [ChallengeTypeEnum], resolve: (i) => i.challengeTypes as never }),
    agencies: t.field({
      type: [OrganizationRef],
      resolve: async (i, _a, ctx) =>
        (await Promise.all(i.agencyIds.map((id) => loadOrganization(ctx, id)))).filter((o) => o !== null),
    }),
    datasetIds: t.idList({ resolve: (i) => i.datasetIds.map((id) => encodeGlobalId('DataConnection', id)) }),
    version: t.exposeInt('version'),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => (i.version ? i.updatedAt : null) }),
  }),
});

const ChannelsRef = builder.objectRef<ChannelSettings>('NoticeChannels').implement({
  description: "Where a member's notices go besides the portal inbox, which is always on.",
  fields: (t) => ({
    inbox: t.boolean({ description: 'Always true.', resolve: () => true }),
    webhookUrl: t.exposeString('webhookUrl', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  interests: t.field({
    type: InterestsRef,
    description: "Your organization's interests (another organization's are FORBIDDEN).",
    args: { organizationId: t.arg.id({ required: false, description: 'Default: your organization.' }) },
    resolve: (_r, args, ctx) => {
      requireScope(ctx.viewer, 'READ');
      const id = args.organizationId
        ? parseId(args.organizationId, 'Organization', 'organizationId')
        : ctx.viewer.organization._id;
      return ctx.services.notices.interests.of(ctx.viewer, id);
    },
  }),
  noticeChannels: t.field({
    type: ChannelsRef,
    description: 'Your own channels.',
    resolve: (_r, _a, ctx) => ctx.services.notices.channels.mine(ctx.viewer),
  }),
  notices: t.field({
    type: NoticeConnection,
    description: 'Your inbox, newest first.',
    args: { ...pageArgs, unreadOnly: t.arg.boolean({ required: false }) },
    resolve: (_r, args, ctx) =>
      toConnection(args, (page) => ctx.services.notices.inbox.mine(ctx.viewer, args.unreadOnly ?? false, page)),
  }),
  unreadNoticeCount: t.int({
    description: 'How many notices in your inbox are unread.',
    resolve: (_r, _a, ctx) => ctx.services.notices.inbox.unreadCount(ctx.viewer),
  }),
  challengesForYou: t.field({
    type: ChallengeConnection,
    description:
      "OPEN challenges matching your organization's interests (a tag, a type or an agency) that it is eligible for, soonest deadline first.",
    args: pageArgs,
    resolve: (_r, args, ctx) => toConnection(args, (page) => ctx.services.notices.challengesForYou(ctx.viewer, page)),
  }),
}));

const InterestsInput = zodInput('InterestsInput', interestsInput, { enums: [[challengeTypeInput, ChallengeTypeEnum]] });
const ChannelsInput = zodInput('NoticeChannelsInput', channelsInput);
const MarkReadArgs = zodArgs(markReadInput);

const InterestsPayload = builder.objectRef<{ interests: Interests }>('InterestsPayload').implement({
  fields: (t) => ({ interests: t.field({ type: InterestsRef, resolve: (p) => p.interests }) }),
});
const ChannelsPayload = builder.objectRef<{ channels: ChannelSettings }>('NoticeChannelsPayload').implement({
  fields: (t) => ({ channels: t.field({ type: ChannelsRef, resolve: (p) => p.channels }) }),
});
const MarkReadPayload = builder
  .objectRef<{ notices: Notice[]; unreadCount: number }>('MarkNoticesReadPayload')
  .implement({
    fields: (t) => ({
      notices: t.field({ type: [NoticeRef], resolve: (p) => p.notices }),
      unreadCount: t.exposeInt('unreadCount'),
    }),
  });

builder.mutationFields((t) => ({
  setInterests: t.field({
    type: InterestsPayload,
    description: 'Declare what your organization wants to hear about (its admins). Replaces the declaration before.',
    args: { organizationId: t.arg.id({ required: true }), input: t.arg({ type: InterestsInput.ref, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'notices.setInterests',
        { targetId: peekId(args.organizationId), organizationId: peekId(args.organizationId) },
        async () => ({
          interests: await ctx.services.notices.interests.set(
            ctx.viewer,
            parseId(args.organizationId, 'Organization', 'organizationId'),
            fromGraphQL(InterestsInput, args.input),
          ),
        }),
      ),
  }),
  setNoticeChannels: t.field({
    type: ChannelsPayload,
    description: 'Choose where your notices go besides the inbox: a webhook, an e-mail address (null turns one off).',
    args: { input: t.arg({ type: ChannelsInput.ref, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'notices.setChannels',
        { targetId: ctx.viewer?.member._id ?? null, organizationId: ctx.viewer?.organization._id ?? null },
        async () => ({
          channels: await ctx.services.notices.channels.set(ctx.viewer, fromGraphQL(ChannelsInput, args.input)),
        }),
      ),
  }),
  markNoticesRead: t.field({
    type: MarkReadPayload,
    description: 'Mark notices of your own inbox read. Any id that is not a notice of yours refuses the whole call.',
    args: MarkReadArgs.args,
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'notices.markRead',
        {
          targetId: args.ids.length === 1 ? peekId(args.ids[0]!) : null,
          organizationId: ctx.viewer?.organization._id ?? null,
        },
        async () => {
          const { ids } = fromGraphQL(MarkReadArgs, args, '');
          const notices = await ctx.services.notices.inbox.markRead(ctx.viewer, ids);
          return { notices, unreadCount: await ctx.services.notices.inbox.unreadCount(ctx.viewer) };
        },
      ),
  }),
}));
