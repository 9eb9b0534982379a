import { unauthenticated } from '../errors.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import type { Session } from './session-service.js';

/** Where the hub's routes begin a sign-in with the OpenID Connect provider. */
export const OIDC_LOGIN_PATH = '/auth/login';

interface SignInOptions {
  demo: boolean;
  oidc: { providerName: string; loginPath: string } | null;
}

const OidcSignInOptionRef = builder.objectRef<NonNullable<SignInOptions['oidc']>>('OidcSignInOption').implement({
  description: "The hub's OpenID Connect provider: a sign-in button that goes to `loginPath`.",
  fields: (t) => ({
    providerName: t.exposeString('providerName', { description: 'The name to show on the button.' }),
    loginPath: t.exposeString('loginPath', {
      description: 'Where the browser goes to sign in; add `?returnTo=/path` to come back to a page of this hub.',
    }),
  }),
});

const SignInOptionsRef = builder.objectRef<SignInOptions>('SignInOptions').implement({
  description: 'How people may sign in to this hub, for a sign-in page to offer exactly that.',
  fields: (t) => ({
    demo: t.exposeBoolean('demo', {
      description: 'Demo mode: seeded demo members may be signed in as (`demoMembers`, `POST /auth/demo`).',
    }),
    oidc: t.field({
      type: OidcSignInOptionRef,
      nullable: true,
      description: 'Sign-in through the OpenID Connect provider; null when none is configured.',
      resolve: (options) => options.oidc,
    }),
  }),
});

const MemberSessionRef = builder.objectRef<Session>('MemberSession').implement({
  description: "One of a member's browser sessions, as the member sees it in their sign-in list.",
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('MemberSession', s._id) }),
    createdAt: t.field({ type: 'DateTime', description: 'When they signed in.', resolve: (s) => s.createdAt }),
    lastSeenAt: t.field({ type: 'DateTime', description: 'Recorded to the minute.', resolve: (s) => s.lastSeenAt }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the session ends unless it is used again (and at the latest).',
      resolve: (s, _args, ctx) => ctx.services.sessions.expiresAt(s),
    }),
    current: t.boolean({
      description: 'Whether this request came with this session.',
      resolve: (s, _args, ctx) => ctx.viewer?.sessionId === s._id,
    }),
    userAgent: t.string({
      nullable: true,
      description: "The browser's User-Agent at sign-in.",
      resolve: (s) => s.userAgent,
    }),
  }),
});

builder.queryFields((t) => ({
  signInOptions: t.field({
    type: SignInOptionsRef,
    description: 'How people may sign in to this hub. Public.',
    resolve: (_root, _args, ctx) => {
      const oidc = ctx.features.signIn?.oidc;
      return {
        demo: ctx.features.demoLogin,
        oidc: oidc ? { providerName: oidc.providerName, loginPath: OIDC_LOGIN_PATH } : null,
      };
    },
  }),
  mySessions: t.field({
    type: [MemberSessionRef],
    description: "The signed-in member's live browser sessions, newest first.",
    resolve: (_root, _args, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      return ctx.services.sessions.listOf(ctx.viewer);
    },
  }),
}));

builder.mutationFields((t) => ({
  revokeSession: t.field({
    type: 'Boolean',
    description:
      "End a browser session at once: one's own, or a member's of an organization one administers. True when it " +
      'was live until now.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      audited(
        ctx,
        'session.revoke',
        { targetId: peekId(args.id) },
        async () => {
          const id = parseId(args.id, 'MemberSession');
          const before = await ctx.services.sessions.get(id);
          const session = await ctx.services.sessions.revoke(ctx.viewer, id);
          return { session, ended: !before?.revokedAt };
        },
        ({ session }) => ({ targetId: session._id, organizationId: session.organizationId }),
      ).then(({ ended }) => ended),
  }),
  signOutEverywhere: t.field({
    type: 'Int',
    description: 'End every live browser session of the signed-in member, this one too; the number ended.',
    resolve: (_root, _args, ctx) =>
      audited(
        ctx,
        'session.signOutEverywhere',
        { targetId: ctx.viewer?.member._id ?? null, organizationId: ctx.viewer?.organization._id ?? null },
        () => ctx.services.sessions.revokeAll(ctx.viewer),
      ),
  }),
}));
