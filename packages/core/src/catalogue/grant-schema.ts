import { requireOrganization } from '../graphql/loaders.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { OrganizationRef, requireScope } from '../identity/index.js';
import { accessRequestInput, approvalInput } from './grant-input.js';
import type { ServiceGrant } from './model.js';
import { ServiceRef } from './service-schema.js';

const GrantStatusEnum = builder.enumType('ServiceGrantStatus', {
  values: ['REQUESTED', 'ACTIVE', 'REJECTED', 'REVOKED'] as const,
});

export const ServiceGrantRef = nodeType<ServiceGrant>('ServiceGrant', {
  description:
    "A consumer organization's access to a shared service. Visible to that organization and platform admins.",
  load: (id, ctx) => ctx.services.catalogue.grant(id),
  authScopes: (grant) => ({
    $all: { keyScope: 'READ', $any: { platformAdmin: true, inOrganization: grant.consumerOrganizationId } },
  }),
});
const GrantConnection = connectionOf(ServiceGrantRef, 'ServiceGrant');

builder.objectFields(ServiceGrantRef, (t) => ({
  service: t.field({
    type: ServiceRef,
    nullable: true,
    resolve: (g, _a, ctx) => ctx.loaders.byId(ctx.services.catalogue, g.serviceKey),
  }),
  consumer: t.field({
    type: OrganizationRef,
    resolve: (g, _a, ctx) => requireOrganization(ctx, g.consumerOrganizationId),
  }),
  purpose: t.exposeString('purpose'),
  status: t.field({ type: GrantStatusEnum, resolve: (g) => g.status }),
  operations: t.exposeStringList('operations', { description: 'Operations allowed; empty means all.' }),
  dailyQuota: t.exposeInt('dailyQuota', {
    nullable: true,
    description: 'Live calls per UTC day; null means no quota.',
  }),
  usedToday: t.int({
    description: 'Live calls made today (UTC).',
    resolve: (g, _a, ctx) => ctx.services.catalogue.usedToday(g),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (g) => g.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (g) => g.updatedAt }),
}));

builder.queryField('serviceGrants', (t) =>
  t.field({
    type: GrantConnection,
    description: "Access grants: platform admins see every one; others see their own organization's.",
    args: { ...pageArgs, status: t.arg({ type: GrantStatusEnum, required: false }) },
    resolve: (_r, args, ctx) => {
      requireScope(ctx.viewer, 'READ');
      const viewer = ctx.viewer;
      return toConnection(args, (page) => ctx.services.catalogue.grantsVisibleTo(viewer, args.status ?? null, page));
    },
  }),
);

const GrantPayload = builder.objectRef<{ grant: ServiceGrant }>('ServiceGrantPayload').implement({
  fields: (t) => ({ grant: t.field({ type: ServiceGrantRef, resolve: (p) => p.grant }) }),
});
const describe = ({ grant }: { grant: ServiceGrant }) => ({
  targetId: grant._id,
  organizationId: grant.consumerOrganizationId,
});

const AccessRequestArgs = zodArgs(accessRequestInput);
const ApprovalArgs = zodArgs(approvalInput);

builder.mutationFields((t) => ({
  requestServiceAccess: t.field({
    type: GrantPayload,
    description: "Ask for your organization's access to a shared service (organization admins).",
    args: { service: t.arg.string({ required: true }), ...AccessRequestArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'serviceAccess.request',
        { targetId: args.service.slice(0, 64) },
        async () => ({
          grant: await ctx.services.catalogue.requestAccess(
            ctx.viewer,
            args.service.slice(0, 64),
            fromGraphQL(AccessRequestArgs, args, ''),
          ),
        }),
        describe,
      ),
  }),
  approveServiceAccess: t.field({
    type: GrantPayload,
    description: 'Approve (or change) access with the operations allowed and a daily quota (platform admins).',
    args: { id: t.arg.id({ required: true }), ...ApprovalArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'serviceAccess.approve',
        { targetId: peekId(args.id) },
        async () => ({
          grant: await ctx.services.catalogue.decideAccess(ctx.viewer, parseId(args.id, 'ServiceGrant'), {
            status: 'ACTIVE',
            ...fromGraphQL(ApprovalArgs, args, ''),
          }),
        }),
        describe,
      ),
  }),
  rejectServiceAccess: t.field({
    type: GrantPayload,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'serviceAccess.reject',
        { targetId: peekId(args.id) },
        async () => ({
          grant: await ctx.services.catalogue.decideAccess(ctx.viewer, parseId(args.id, 'ServiceGrant'), {
            status: 'REJECTED',
          }),
        }),
        describe,
      ),
  }),
  revokeServiceAccess: t.field({
    type: GrantPayload,
    description: 'Revoke access: calls stop at once.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'serviceAccess.revoke',
        { targetId: peekId(args.id) },
        async () => ({
          grant: await ctx.services.catalogue.decideAccess(ctx.viewer, parseId(args.id, 'ServiceGrant'), {
            status: 'REVOKED',
          }),
        }),
        describe,
      ),
  }),
  setServiceStatus: t.field({
    type: ServiceRef,
    description:
      'Move a service between PILOT, ACTIVE, DEPRECATED and SUSPENDED ' +
      '(platform admins). SUSPENDED refuses every call at once.',
    args: {
      service: t.arg.string({ required: true }),
      status: t.arg.string({ required: true, description: 'PILOT, ACTIVE, DEPRECATED or SUSPENDED.' }),
    },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'service.setStatus', { targetId: args.service.slice(0, 64) }, () =>
        ctx.services.catalogue.setStatus(ctx.viewer, args.service.slice(0, 64), args.status),
      ),
  }),
}));
