import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { type EnumRefs, fromGraphQL, globalId, zodInput } from '../graphql/zod-input.js';
import { inviteMemberInput } from './invitation-input.js';
import type { InvitationResult } from './invitation-service.js';
import { role } from './member-input.js';
import { MemberRef, RoleEnum } from './member-schema.js';
import type { Invitation } from './model.js';
import { OrganizationRef } from './organization-schema.js';

export const InvitationStatusEnum = builder.enumType('InvitationStatus', {
  description: 'PENDING: sent, not accepted yet. EXPIRED: not accepted within 7 days. ACCEPTED, REVOKED.',
  values: ['PENDING', 'EXPIRED', 'ACCEPTED', 'REVOKED'] as const,
});

export const InvitationDeliveryEnum = builder.enumType('InvitationDelivery', {
  description:
    "SENT: the hub's mail hook took the message. NOT_CONFIGURED: the hub has no mail hook; the operator's log has " +
    'the link. FAILED: the mail hook did not take it; the log has the link.',
  values: ['SENT', 'NOT_CONFIGURED', 'FAILED'] as const,
});

export const InvitationRef = nodeType<Invitation>('Invitation', {
  description:
    'An invitation by e-mail to sign in for the first time. Its link goes to the person only, never to the inviter. ' +
    'Visible to admins of its organization.',
  load: (id, ctx) => ctx.services.invitations.get(id),
  authScopes: (invitation) => ({ $all: { keyScope: 'READ', administers: invitation.organizationId } }),
});

export const InvitationConnection = connectionOf(InvitationRef, 'Invitation');

builder.objectFields(InvitationRef, (t) => ({
  email: t.exposeString('email'),
  status: t.field({
    type: InvitationStatusEnum,
    resolve: (i, _args, ctx) => (ctx.services.invitations.isExpired(i) ? 'EXPIRED' : i.status),
  }),
  member: t.field({
    type: MemberRef,
    resolve: async (i, _args, ctx) => (await ctx.loaders.byId(ctx.services.members, i.memberId))!,
  }),
  organization: t.field({
    type: OrganizationRef,
    resolve: async (i, _args, ctx) => (await ctx.services.organizations.get(i.organizationId))!,
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
  expiresAt: t.field({ type: 'DateTime', resolve: (i) => i.expiresAt }),
  acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.acceptedAt }),
  revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.revokedAt }),
}));

builder.objectField(OrganizationRef, 'invitations', (t) =>
  t.field({
    type: InvitationConnection,
    description: "The organization's invitations, newest first. Admins of the organization only.",
    args: pageArgs,
    authScopes: (org) => ({ $all: { keyScope: 'READ', administers: org._id } }),
    resolve: (org, args, ctx) =>
      toConnection(args, (page) => ctx.services.invitations.listOfOrganization(org._id, page)),
  }),
);

const enums: EnumRefs = [[role, RoleEnum]];
const InviteMemberInput = zodInput(
  'InviteMemberInput',
  z.object({ organizationId: globalId('Organization'), ...inviteMemberInput.shape }),
  { enums },
);

const InviteMemberPayload = builder.objectRef<InvitationResult>('InviteMemberPayload').implement({
  fields: (t) => ({
    member: t.field({ type: MemberRef, description: 'The INVITED member.', resolve: (p) => p.member }),
    invitation: t.field({ type: InvitationRef, resolve: (p) => p.invitation }),
    delivery: t.field({
      type: InvitationDeliveryEnum,
      description: 'Whether the link went out by e-mail.',
      resolve: (p) => p.delivery,
    }),
  }),
});

const InvitationPayload = builder.objectRef<{ invitation: Invitation }>('InvitationPayload').implement({
  fields: (t) => ({ invitation: t.field({ type: InvitationRef, resolve: (p) => p.invitation }) }),
});

builder.mutationFields((t) => ({
  inviteMember: t.field({
    type: InviteMemberPayload,
    description:
      'Invite a person by e-mail to an organization you administer, with roles you may grant (LIVE ADMIN key). They ' +
      'become an INVITED member and get a link, valid 7 days, through the hub’s mail hook; the first sign-in with ' +
      'that verified address activates them. Inviting an INVITED member again sends a new link.',
    args: { input: t.arg({ type: InviteMemberInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      audited(
        ctx,
        'member.invite',
        { organizationId: peekId(input.organizationId) },
        async () => {
          const { organizationId, ...rest } = fromGraphQL(InviteMemberInput, input);
          return ctx.services.invitations.invite(ctx.viewer, organizationId, rest);
        },
        ({ member }) => ({ targetId: member._id, organizationId: member.organizationId }),
      ),
  }),
  revokeInvitation: t.field({
    type: InvitationPayload,
    description:
      'Revoke a pending invitation (an admin of its organization, LIVE ADMIN key). The member stays INVITED.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'member.invitationRevoke',
        { targetId: peekId(args.id) },
        async () => ({
          invitation: await ctx.services.invitations.revoke(ctx.viewer, parseId(args.id, 'Invitation')),
        }),
        ({ invitation }) => ({ targetId: invitation._id, organizationId: invitation.organizationId }),
      ),
  }),
}));
