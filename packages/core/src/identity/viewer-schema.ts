import { z } from 'zod';
import { forbidden, notFound } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { audited } from '../graphql/audited.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { email, validate } from '../validation.js';
import { CreatedApiKeyPayload } from './api-key-schema.js';
import { DEMO_MEMBER_LIMIT, listDemoMembers, type DemoMember } from './demo-members.js';
import { MemberRef, RoleEnum } from './member-schema.js';
import { API_KEY_SCOPES } from './model.js';

const DEMO_KEY_HOURS = 12;
const DemoLoginArgs = zodArgs(z.object({ email }));

builder.queryField('viewer', (t) =>
  t.field({
    type: MemberRef,
    nullable: true,
    description: 'The member behind the API key of this request; null when anonymous.',
    resolve: (_root, _args, ctx) => ctx.viewer?.member ?? null,
  }),
);

const DemoMemberRef = builder.objectRef<DemoMember>('DemoMember').implement({
  description: 'A seeded member one may sign in as with `demoLogin`.',
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    organizationName: t.exposeString('organizationName', { description: 'The name of their organization.' }),
    roles: t.field({ type: [RoleEnum], resolve: (member) => member.roles }),
  }),
});

builder.queryField('demoMembers', (t) =>
  t.field({
    type: [DemoMemberRef],
    description:
      `Demo mode only: the active members one may sign in as with \`demoLogin\` (at most ${DEMO_MEMBER_LIMIT}), ` +
      'by their first role (CHALLENGE_MANAGER, COMPANY_ADMIN, REVIEWER, PLATFORM_ADMIN, AGENCY_ADMIN, DEVELOPER, ' +
      'then any other), then in the order they were added. Public, so a sign-in page can list them; ' +
      'an empty list when demo login is off.',
    resolve: (_root, _args, ctx) =>
      ctx.features.demoLogin ? listDemoMembers(ctx.services.members, ctx.services.organizations) : [],
  }),
);

builder.mutationField('demoLogin', (t) =>
  t.field({
    type: CreatedApiKeyPayload,
    description:
      `Demo mode only: sign in as a seeded member by email and get a key with every scope, valid ${DEMO_KEY_HOURS} ` +
      'hours. Refused with FORBIDDEN when demo login is off.',
    args: DemoLoginArgs.args,
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'demo.login',
        {},
        async () => {
          if (!ctx.features.demoLogin)
            throw forbidden(
              'Demo login is turned off on this hub; use an API key (set MARU_DEMO=true only on a demo hub).',
            );
          const address = validate(DemoLoginArgs.schema, fromGraphQL(DemoLoginArgs, args, ''), '').email;
          const member = await ctx.services.members.activeByEmail(address);
          if (!member) throw notFound('member with email', address);
          const expiresAt = new Date(Date.now() + DEMO_KEY_HOURS * 3600_000).toISOString();
          return ctx.services.apiKeys.issue(member, 'demo login', [...API_KEY_SCOPES], expiresAt);
        },
        ({ apiKey }) => ({ targetId: apiKey._id, organizationId: apiKey.organizationId }),
      ),
  }),
);
