import { loadOrganization } from './loaders.js';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { HubContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { ApiKeyScope } from '../identity/model.js';
import { canAdminister, hasScope, isPlatformAdmin, isWithin } from '../identity/viewer.js';

export interface SchemaTypes {
  Context: HubContext;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  AuthScopes: {
    signedIn: boolean;
    platformAdmin: boolean;
    /** The viewer belongs to this organization (by id) or to an agency above it. */
    inOrganization: string;
    /** The viewer administers this organization (by id). */
    administers: string;
    /** The viewer's API key carries this scope. */
    keyScope: ApiKeyScope;
  };
}

/**
 * The one schema builder of the core. Domain modules add their types to it
 * when they are imported by `schema.ts`; nothing else touches it.
 */
export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: !!ctx.viewer,
      platformAdmin: isPlatformAdmin(ctx.viewer),
      keyScope: (scope) => hasScope(ctx.viewer, scope),
      inOrganization: async (organizationId) => {
        if (!ctx.viewer) return false;
        if (isPlatformAdmin(ctx.viewer) || ctx.viewer.organization._id === organizationId) return true;
        const org = await loadOrganization(ctx, organizationId);
        return !!org && isWithin(ctx.viewer, org);
      },
      administers: async (organizationId) => {
        if (!ctx.viewer) return false;
        const org = await loadOrganization(ctx, organizationId);
        return !!org && canAdminister(ctx.viewer, org);
      },
    }),
    unauthorizedError: (_parent, ctx, info) => {
      const where = `${info.parentType.name}.${info.fieldName}`;
      return ctx.viewer
        ? forbidden(
            `You may not read \`${where}\`: it is visible to the owning ` +
              `organization (with a READ key) and platform admins only.`,
          )
        : unauthenticated(`\`${where}\` is not public: send \`Authorization: Bearer <api key>\`.`);
    },
  },
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time in UTC, e.g. "2026-11-27T09:30:00.000Z".',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw new TypeError('DateTime must be an ISO-8601 string such as "2027-01-31T00:00:00Z"');
    return new Date(value).toISOString();
  },
});

builder.queryType({ description: 'Read the hub: organizations, members, API keys and the audit trail.' });
builder.mutationType({
  description: 'Change the hub. Every mutation writes an audit event, whether it succeeds or is refused.',
});
