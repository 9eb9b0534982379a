import { loadOrganization } from '../graphql/loaders.js';
import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { type EnumRefs, fromGraphQL, zodInput } from '../graphql/zod-input.js';
import {
  createOrganizationInput,
  industry,
  organizationKind,
  region,
  sizeBand,
  updateOrganizationInput,
} from './organization-input.js';
import { INDUSTRIES, INDUSTRY_CODES, REGIONS, SIZE_BANDS } from './organization-profile.js';
import { ORGANIZATION_KINDS, type Organization } from './model.js';

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description:
    'PLATFORM runs the hub; AGENCY is a government body (agencies nest); COMPANY answers challenges and ships plugins.',
  values: ORGANIZATION_KINDS,
});

export const SizeBandEnum = builder.enumType('SizeBand', {
  description:
    'Company size after the Korean SME categories: MICRO 소상공인, SMALL 소기업, MEDIUM 중기업, LARGE 중견·대기업.',
  values: SIZE_BANDS,
});

export const RegionEnum = builder.enumType('Region', {
  description: 'One of the 17 first-level divisions of Korea (시·도), e.g. SEOUL 서울특별시, GYEONGGI 경기도.',
  values: REGIONS,
});

export const IndustryEnum = builder.enumType('Industry', {
  description: 'A section (A–U) of the Korean Standard Industrial Classification (KSIC).',
  values: Object.fromEntries(INDUSTRY_CODES.map((code) => [code, { description: INDUSTRIES[code] }])),
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
  sizeBand: t.field({
    type: SizeBandEnum,
    nullable: true,
    description: 'Optional; set by its admins. Insights count entries per band.',
    resolve: (o) => o.sizeBand ?? null,
  }),
  region: t.field({
    type: RegionEnum,
    nullable: true,
    description: 'Optional; set by its admins. Insights count entries per region.',
    resolve: (o) => o.region ?? null,
  }),
  industry: t.field({
    type: IndustryEnum,
    nullable: true,
    description: 'Optional KSIC section; set by its admins.',
    resolve: (o) => o.industry ?? null,
  }),
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
const profileEnums: EnumRefs = [
  [sizeBand, SizeBandEnum],
  [region, RegionEnum],
  [industry, IndustryEnum],
];
const UpdateOrganizationInput = zodInput('UpdateOrganizationInput', updateOrganizationInput, { enums: profileEnums });

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
