import { z } from 'zod';
import { loadOrganization } from '../graphql/loaders.js';
import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, globalId, zodInput } from '../graphql/zod-input.js';
import { OrganizationRef } from '../identity/index.js';
import { accessRequestInput } from './access-request-input.js';
import { DataConnectionRef } from './connection-schema.js';
import { ACCESS_REQUEST_STATUSES, type AccessRequest } from './model.js';

const AccessRequestStatusEnum = builder.enumType('DataAccessRequestStatus', {
  description:
    'PENDING → APPROVED | REJECTED; APPROVED → REVOKED (by the owner) | ' +
    'WITHDRAWN (by the requester). An approval also ends at `expiresAt`.',
  values: ACCESS_REQUEST_STATUSES,
});

export const AccessRequestRef = nodeType<AccessRequest>('DataAccessRequest', {
  description:
    'A request to read fields of a connection for a purpose until a date, ' +
    'decided by the owning agency. Visible to both sides and platform admins.',
  load: (id, ctx) => ctx.services.data.accessRequests.visibleTo(ctx.viewer, id),
});
const AccessRequestConnection = connectionOf(AccessRequestRef, 'DataAccessRequest');

builder.objectFields(AccessRequestRef, (t) => ({
  dataConnection: t.field({
    type: DataConnectionRef,
    resolve: (r, _a, ctx) => ctx.services.data.connections.require(r.connectionId),
  }),
  requesterOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    resolve: (r, _a, ctx) => (r.requester.organizationId ? loadOrganization(ctx, r.requester.organizationId) : null),
  }),
  requesterPlugin: t.string({
    nullable: true,
    description: 'The plugin package the request is for, when a plugin reads.',
    resolve: (r) => r.requester.pluginName,
  }),
  purpose: t.exposeString('purpose'),
  fields: t.exposeStringList('fields'),
  expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
  status: t.field({ type: AccessRequestStatusEnum, resolve: (r) => r.status }),
  active: t.boolean({
    description: 'APPROVED and not expired: reads are allowed now.',
    resolve: (r, _a, ctx) => r.status === 'APPROVED' && Date.parse(r.expiresAt) > ctx.services.clock(),
  }),
  decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decidedAt }),
  decisionNote: t.exposeString('decisionNote', { nullable: true }),
  createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  version: t.exposeInt('version'),
}));

const DirectionEnum = builder.enumType('DataAccessDirection', {
  values: {
    INCOMING: { description: "Requests for your agency's connections." },
    OUTGOING: { description: 'Requests your organization made.' },
  } as const,
});

builder.queryFields((t) => ({
  dataAccessRequests: t.field({
    type: AccessRequestConnection,
    description:
      "Access requests for your agency's data (INCOMING) or made by your organization (OUTGOING), newest first.",
    args: {
      ...pageArgs,
      direction: t.arg({ type: DirectionEnum, required: true }),
      status: t.arg({ type: AccessRequestStatusEnum, required: false }),
    },
    resolve: (_r, args, ctx) =>
      toConnection(args, (page) =>
        ctx.services.data.accessRequests.ofViewer(ctx.viewer, args.direction, args.status ?? null, page),
      ),
  }),
}));

builder.objectFields(DataConnectionRef, (t) => ({
  accessRequests: t.field({
    type: AccessRequestConnection,
    description: 'Every access request for this connection. The owning agency and platform admins only.',
    args: pageArgs,
    resolve: (c, args, ctx: HubContext) =>
      toConnection(args, (page) => ctx.services.data.accessRequests.ofConnection(ctx.viewer, c, page)),
  }),
}));

const RequestDataAccessInput = zodInput(
  'RequestDataAccessInput',
  z.object({ connectionId: globalId('DataConnection'), ...accessRequestInput.shape }),
);
const AccessRequestPayload = builder.objectRef<{ accessRequest: AccessRequest }>('DataAccessRequestPayload').implement({
  fields: (t) => ({ accessRequest: t.field({ type: AccessRequestRef, resolve: (p) => p.accessRequest }) }),
});
const describe = ({ accessRequest }: { accessRequest: AccessRequest }) => ({
  targetId: accessRequest._id,
  organizationId: accessRequest.ownerAgencyId,
});

builder.mutationFields((t) => ({
  requestDataAccess: t.field({
    type: AccessRequestPayload,
    description:
      'Ask the owning agency for access to a RESTRICTED, PERSONAL (or, for non-agencies, INTERNAL) connection.',
    args: { input: t.arg({ type: RequestDataAccessInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'dataAccess.request',
        { targetId: peekId(input.connectionId) },
        async () => {
          const { connectionId, ...request } = fromGraphQL(RequestDataAccessInput, input);
          return { accessRequest: await ctx.services.data.accessRequests.request(ctx.viewer, connectionId, request) };
        },
        describe,
      ),
  }),
  decideDataAccess: t.field({
    type: AccessRequestPayload,
    description:
      'Approve or reject a pending request (agency admins of the ' +
      'owner). An approval may narrow the fields and end earlier.',
    args: {
      id: t.arg.id({ required: true }),
      approve: t.arg.boolean({ required: true }),
      note: t.arg.string({ required: false }),
      fields: t.arg.stringList({ required: false }),
      expiresAt: t.arg({ type: 'DateTime', required: false }),
    },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        args.approve ? 'dataAccess.approve' : 'dataAccess.reject',
        { targetId: peekId(args.id) },
        async () => ({
          accessRequest: await ctx.services.data.accessRequests.decide(
            ctx.viewer,
            parseId(args.id, 'DataAccessRequest'),
            args.approve,
            { note: args.note, fields: args.fields, expiresAt: args.expiresAt },
          ),
        }),
        describe,
      ),
  }),
  revokeDataAccess: t.field({
    type: AccessRequestPayload,
    description: 'End an approval (agency admins of the owner); the next read is refused.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataAccess.revoke',
        { targetId: peekId(args.id) },
        async () => ({
          accessRequest: await ctx.services.data.accessRequests.revoke(
            ctx.viewer,
            parseId(args.id, 'DataAccessRequest'),
          ),
        }),
        describe,
      ),
  }),
  withdrawDataAccess: t.field({
    type: AccessRequestPayload,
    description: 'Take back your pending request, or give up an approval.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataAccess.withdraw',
        { targetId: peekId(args.id) },
        async () => ({
          accessRequest: await ctx.services.data.accessRequests.withdraw(
            ctx.viewer,
            parseId(args.id, 'DataAccessRequest'),
          ),
        }),
        describe,
      ),
  }),
}));
