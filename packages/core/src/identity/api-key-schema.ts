import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { fromGraphQL, zodInput } from '../graphql/zod-input.js';
import { apiKeyMode, apiKeyScope, createApiKeyInput } from './api-key-input.js';
import type { IssuedApiKey } from './api-key-service.js';
import { MemberRef } from './member-schema.js';
import { API_KEY_MODES, API_KEY_SCOPES, type ApiKey } from './model.js';
import { OrganizationRef } from './organization-schema.js';

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'READ: private reads. WRITE: changes to domain objects. ADMIN: organizations, members and keys.',
  values: API_KEY_SCOPES,
});

export const ApiKeyModeEnum = builder.enumType('ApiKeyMode', {
  description:
    'LIVE keys call shared services under grants and quotas; TEST keys call their sandbox mode without either.',
  values: API_KEY_MODES,
});

export const ApiKeyStatusEnum = builder.enumType('ApiKeyStatus', { values: ['ACTIVE', 'EXPIRED', 'REVOKED'] as const });

export const ApiKeyRef = nodeType<ApiKey>('ApiKey', {
  description:
    "An API key's metadata. The key itself is shown once, at " +
    'creation. Visible to its member and to admins of its organization.',
  load: (id, ctx) => ctx.services.apiKeys.get(id),
  authScopes: (key, ctx) =>
    ctx.viewer?.member._id === key.memberId
      ? { keyScope: 'READ' }
      : { $all: { keyScope: 'READ', administers: key.organizationId } },
});

export const ApiKeyConnection = connectionOf(ApiKeyRef, 'ApiKey');

builder.objectFields(ApiKeyRef, (t) => ({
  name: t.exposeString('name'),
  prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
  scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (k) => k.scopes }),
  mode: t.field({ type: ApiKeyModeEnum, resolve: (k) => k.mode ?? 'LIVE' }),
  status: t.field({
    type: ApiKeyStatusEnum,
    resolve: (k) =>
      k.revokedAt ? 'REVOKED' : k.expiresAt && Date.parse(k.expiresAt) <= Date.now() ? 'EXPIRED' : 'ACTIVE',
  }),
  member: t.field({
    type: MemberRef,
    resolve: async (k, _args, ctx) => (await ctx.loaders.byId(ctx.services.members, k.memberId))!,
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
  expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.expiresAt }),
  revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt }),
  lastUsedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'Recorded to the minute.',
    resolve: (k) => k.lastUsedAt,
  }),
}));

builder.objectField(OrganizationRef, 'apiKeys', (t) =>
  t.field({
    type: ApiKeyConnection,
    description: "The organization's API keys, newest first. Admins of the organization only.",
    args: pageArgs,
    authScopes: (org) => ({ $all: { keyScope: 'READ', administers: org._id } }),
    resolve: (org, args, ctx) => toConnection(args, (page) => ctx.services.apiKeys.listOfOrganization(org._id, page)),
  }),
);

builder.objectField(MemberRef, 'apiKeys', (t) =>
  t.field({
    type: ApiKeyConnection,
    description: "The member's API keys, newest first. The member and admins of their organization only.",
    args: pageArgs,
    authScopes: (member, _args, ctx) =>
      ctx.viewer?.member._id === member._id
        ? { keyScope: 'READ' }
        : { $all: { keyScope: 'READ', administers: member.organizationId } },
    resolve: (member, args, ctx) => toConnection(args, (page) => ctx.services.apiKeys.listOfMember(member._id, page)),
  }),
);

const CreateApiKeyInput = zodInput('CreateApiKeyInput', createApiKeyInput, {
  enums: [
    [apiKeyScope, ApiKeyScopeEnum],
    [apiKeyMode, ApiKeyModeEnum],
  ],
});

export const CreatedApiKeyPayload = builder.objectRef<IssuedApiKey>('CreatedApiKeyPayload').implement({
  description: 'A new API key. `secret` is shown this once; store it now.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }),
    secret: t.exposeString('secret', { description: 'Send as `Authorization: Bearer <secret>`. Never shown again.' }),
  }),
});

const ApiKeyPayload = builder.objectRef<{ apiKey: ApiKey }>('ApiKeyPayload').implement({
  fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }) }),
});

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKeyPayload,
    description: 'Create an API key (ADMIN key). The secret is returned once and stored only as a hash.',
    args: { input: t.arg({ type: CreateApiKeyInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      audited(
        ctx,
        'apiKey.create',
        {},
        () => ctx.services.apiKeys.create(ctx.viewer, fromGraphQL(CreateApiKeyInput, input)),
        ({ apiKey }) => ({ targetId: apiKey._id, organizationId: apiKey.organizationId }),
      ),
  }),
  revokeApiKey: t.field({
    type: ApiKeyPayload,
    description: 'Revoke an API key at once. Its member or an admin of its organization may.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'apiKey.revoke',
        { targetId: peekId(args.id) },
        async () => ({ apiKey: await ctx.services.apiKeys.revoke(ctx.viewer, parseId(args.id, 'ApiKey')) }),
        ({ apiKey }) => ({ targetId: apiKey._id, organizationId: apiKey.organizationId }),
      ),
  }),
}));
