import { z } from 'zod';
import { requireOrganization } from '../graphql/loaders.js';
import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { type EnumRefs, fromGraphQL, globalId, zodInput } from '../graphql/zod-input.js';
import { addMemberInput, role, updateMemberInput } from './member-input.js';
import { MEMBER_STATUSES, ROLES, type Member } from './model.js';
import { OrganizationRef } from './organization-schema.js';

export const RoleEnum = builder.enumType('Role', {
  description:
    'What a member may do. Agencies: AGENCY_ADMIN, CHALLENGE_MANAGER, REVIEWER, DEVELOPER. ' +
    'Companies: COMPANY_ADMIN, REVIEWER, DEVELOPER. Platform: PLATFORM_ADMIN, REVIEWER, DEVELOPER.',
  values: ROLES,
});

export const MemberStatusEnum = builder.enumType('MemberStatus', {
  description: 'INVITED: invited by e-mail, not signed in yet (cannot authenticate until the invitation is accepted).',
  values: MEMBER_STATUSES,
});

/** Members are private to their organization (and agencies above it) and to platform admins. */
const memberVisibility = (member: Member) => ({
  $all: { keyScope: 'READ' as const, $any: { platformAdmin: true, inOrganization: member.organizationId } },
});

export const MemberRef = nodeType<Member>('Member', {
  description:
    'A person in one organization, with roles. Visible to their organization, agencies above it and platform admins.',
  load: (id, ctx) => ctx.loaders.byId(ctx.services.members, id),
  authScopes: memberVisibility,
});

export const MemberConnection = connectionOf(MemberRef, 'Member');

builder.objectFields(MemberRef, (t) => ({
  name: t.exposeString('name'),
  email: t.exposeString('email'),
  roles: t.field({ type: [RoleEnum], resolve: (m) => m.roles }),
  status: t.field({ type: MemberStatusEnum, resolve: (m) => m.status }),
  version: t.exposeInt('version'),
  organization: t.field({
    type: OrganizationRef,
    resolve: (m, _args, ctx) => requireOrganization(ctx, m.organizationId),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (m) => m.updatedAt }),
}));

builder.objectField(OrganizationRef, 'members', (t) =>
  t.field({
    type: MemberConnection,
    description:
      'Members of this organization. Private: its own members (READ key), agencies above it, platform admins.',
    args: pageArgs,
    authScopes: (org) => ({ $all: { keyScope: 'READ', $any: { platformAdmin: true, inOrganization: org._id } } }),
    resolve: (org, args, ctx) => toConnection(args, (page) => ctx.services.members.listOfOrganization(org._id, page)),
  }),
);

const enums: EnumRefs = [[role, RoleEnum]];
const AddMemberInput = zodInput(
  'AddMemberInput',
  z.object({ organizationId: globalId('Organization'), ...addMemberInput.shape }),
  { enums },
);
const UpdateMemberInput = zodInput('UpdateMemberInput', updateMemberInput, { enums });

const MemberPayload = builder.objectRef<{ member: Member }>('MemberPayload').implement({
  fields: (t) => ({ member: t.field({ type: MemberRef, resolve: (p) => p.member }) }),
});

const describeMember = ({ member }: { member: Member }) => ({
  targetId: member._id,
  organizationId: member.organizationId,
});

builder.mutationFields((t) => ({
  addMember: t.field({
    type: MemberPayload,
    description: 'Add a member to an organization you administer (ADMIN key).',
    args: { input: t.arg({ type: AddMemberInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      audited(
        ctx,
        'member.add',
        { organizationId: peekId(input.organizationId) },
        async () => {
          const { organizationId, ...rest } = fromGraphQL(AddMemberInput, input);
          return { member: await ctx.services.members.add(ctx.viewer, organizationId, rest) };
        },
        describeMember,
      ),
  }),
  updateMember: t.field({
    type: MemberPayload,
    description: "Change a member's name or roles.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMemberInput.ref, required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'member.update',
        { targetId: peekId(args.id) },
        async () => ({
          member: await ctx.services.members.update(
            ctx.viewer,
            parseId(args.id, 'Member'),
            fromGraphQL(UpdateMemberInput, args.input),
          ),
        }),
        describeMember,
      ),
  }),
  disableMember: t.field({
    type: MemberPayload,
    description: 'Disable a member: their API keys stop working at once. Kept for the audit trail.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'member.disable',
        { targetId: peekId(args.id) },
        async () => ({
          member: await ctx.services.members.setStatus(ctx.viewer, parseId(args.id, 'Member'), 'DISABLED'),
        }),
        describeMember,
      ),
  }),
  enableMember: t.field({
    type: MemberPayload,
    description: 'Enable a disabled member again.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'member.enable',
        { targetId: peekId(args.id) },
        async () => ({
          member: await ctx.services.members.setStatus(ctx.viewer, parseId(args.id, 'Member'), 'ACTIVE'),
        }),
        describeMember,
      ),
  }),
}));
