import { loadOrganization } from '../graphql/loaders.js';
import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { type EnumRefs, fromGraphQL, zodInput } from '../graphql/zod-input.js';
import { createOrganizationInput, organizationKind, updateOrganizationInput } from './organization-input.js';
import { ORGANIZATION_KINDS, type Organization } from './model.js';

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description:
    'PLATFORM runs the hub; AGENCY is a government body (agencies nest); COMPANY answers challenges and ships plugins.',
  values: ORGANIZATION_KINDS,
});

export const OrganizationRef = nodeType<Organization>('Organization', {
  description: 'An agency, a company or the platform itself. Public: anyone may read it.',
  load: (id, ctx) => loadOrganization(ctx, id),
});

export const OrganizationConnection = connectionOf(OrganizationRef, 'Organization');

builder.objectFields(OrganizationRef, (t) => ({
  kind: t.field({ type: OrganizationKindEnum, resolve: (o) => o.kind }),
  name: t.exposeString('name'),
  slug: t.exposeString('slug', { description: 'Unique, URL-safe name.' }),
  description: t.exposeString('description'),
  version: t.exposeInt('version', {
    description: 'Increments on every change; pass as `expectedVersion` to update safely.',
  }),
  parent: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'The agency directly above, for nested agencies.',
    resolve: (o, _args, ctx) => (o.parentId ? loadOrganization(ctx, o.parentId) : null),
  }),
  ancestors: t.field({
    type: [OrganizationRef],
    description: 'The agencies above, root (ministry) first.',
    resolve: async (o, _args, ctx) =>
      (await Promise.all(o.ancestorIds.map((id) => loadOrganization(ctx, id)))).filter((x): x is Organization => !!x),
  }),
  children: t.field({
    type: OrganizationConnection,
    description: 'Agencies directly below this one.',
    args: pageArgs,
    resolve: (o, args, ctx) => toConnection(args, (page) => ctx.services.organizations.childrenOf(o._id, page)),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (o) => o.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (o) => o.updatedAt }),
}));

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadOrganization(ctx, parseId(args.id, 'Organization')),
  }),
  organizations: t.field({
    type: OrganizationConnection,
    description:
      'All organizations, oldest first. Filter by kind, by parent ' +
      'agency (optionally with every level below it) and by name.',
    args: {
      ...pageArgs,
      kind: t.arg({ type: OrganizationKindEnum, required: false }),
      parentId: t.arg.id({ required: false, description: 'Only organizations below this agency.' }),
      includeDescendants: t.arg.boolean({
        required: false,
        description: 'With `parentId`: every level below, not only direct children.',
      }),
      search: t.arg.string({ required: false, description: 'Case-insensitive part of the name.' }),
    },
    resolve: (_root, args, ctx) => {
      const query = {
        kind: args.kind ?? undefined,
        parentId: args.parentId ? parseId(args.parentId, 'Organization', 'parentId') : undefined,
        includeDescendants: args.includeDescendants ?? false,
        search: args.search?.slice(0, 200) ?? undefined,
      };
      return toConnection(args, (page) => ctx.services.organizations.list(query, page));
    },
  }),
}));

const enums: EnumRefs = [[organizationKind, OrganizationKindEnum]];
const CreateOrganizationInput = zodInput('CreateOrganizationInput', createOrganizationInput, { enums });
const UpdateOrganizationInput = zodInput('UpdateOrganizationInput', updateOrganizationInput);

const OrganizationPayload = builder.objectRef<{ organization: Organization }>('OrganizationPayload').implement({
  fields: (t) => ({ organization: t.field({ type: OrganizationRef, resolve: (p) => p.organization }) }),
});

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Platform admins create any organization; agency admins create sub-agencies of their own agency.',
    args: { input: t.arg({ type: CreateOrganizationInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      audited(
        ctx,
        'organization.create',
        {},
        async () => ({
          organization: await ctx.services.organizations.create(
            ctx.viewer,
            fromGraphQL(CreateOrganizationInput, input),
          ),
        }),
        ({ organization }) => ({ targetId: organization._id, organizationId: organization._id }),
      ),
  }),
  updateOrganization: t.field({
    type: OrganizationPayload,
    description: 'Rename or describe an organization. Its admins (and admins of agencies above it) may.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateOrganizationInput.ref, required: true }) },
    resolve: (_root, args, ctx) =>
      audited(ctx, 'organization.update', { targetId: peekId(args.id), organizationId: peekId(args.id) }, async () => ({
        organization: await ctx.services.organizations.update(
          ctx.viewer,
          parseId(args.id, 'Organization'),
          fromGraphQL(UpdateOrganizationInput, args.input),
        ),
      })),
  }),
}));
