/**
 * The first start of a production hub: the platform organization and its first platform admin, made by the
 * operator at the hub's command line (`maru-hub setup`), acting as the system. Grafana and Strapi create their first
 * administrator the same way; there is no way in before it.
 */
import { z } from 'zod';
import { MaruError } from '../errors.js';
import { email, text, validate } from '../validation.js';
import type { ApiKeyService } from './api-key-service.js';
import type { IdentityAudit, InvitationService } from './invitation-service.js';
import type { MemberService } from './member-service.js';
import type { Member, Organization } from './model.js';
import type { OrganizationService } from './organization-service.js';

export const bootstrapInput = z.object({
  email,
  name: text('a name', 200),
  organizationName: text('an organization name', 200).default('Maru platform'),
  /** Add this admin although a platform admin exists (audited `platform.adminAdded`). */
  addAdmin: z.boolean().default(false),
  /**
   * INVITATION: the admin is INVITED and signs in through the identity provider with the link (OIDC configured).
   * API_KEY: the admin is ACTIVE and gets a LIVE ADMIN key, shown once.
   */
  signIn: z.enum(['INVITATION', 'API_KEY']),
});

export type BootstrapInput = z.input<typeof bootstrapInput>;

/**
 * What a bootstrap did; `signIn` holds the one-time sign-in, present only when something was made — or, for an
 * admin set up before who has not signed in yet, a new invitation link (the old one no longer works).
 */
export interface BootstrapResult {
  outcome: 'BOOTSTRAPPED' | 'ADMIN_ADDED' | 'ALREADY_SET_UP';
  organization: Organization;
  member: Member;
  signIn:
    | { kind: 'INVITATION'; link: string; expiresAt: string }
    | { kind: 'API_KEY'; secret: string; prefix: string }
    | null;
}

export interface PlatformBootstrapDeps {
  organizations: OrganizationService;
  members: MemberService;
  apiKeys: ApiKeyService;
  invitations: InvitationService;
  audit: IdentityAudit;
}

const PLATFORM_SLUG = 'platform';

/**
 * Makes the platform organization (when there is none) and a platform admin with the given e-mail, once: run again
 * with the same address it changes nothing (ALREADY_SET_UP). With another address it is refused
 * (PLATFORM_ALREADY_SET_UP) while a platform admin exists, unless `addAdmin`.
 */
export async function bootstrapPlatform(deps: PlatformBootstrapDeps, raw: BootstrapInput): Promise<BootstrapResult> {
  const input = validate(bootstrapInput, raw);
  const existing = await deps.members.byEmail(input.email);
  if (existing) {
    const organization = (await deps.organizations.require(existing.organizationId))!;
    if (organization.kind === 'PLATFORM' && existing.roles.includes('PLATFORM_ADMIN')) {
      // An admin who never signed in (their link lost or expired) gets a new link: nobody else could invite them.
      if (existing.status === 'INVITED' && input.signIn === 'INVITATION') {
        const invitation = await deps.invitations.issue(existing, null);
        await deps.audit.append({
          action: 'platform.invitationRenewed',
          actorMemberId: null,
          actorOrganizationId: null,
          targetId: existing._id,
          organizationId: organization._id,
          outcome: 'SUCCESS',
          requestId: null,
        });
        const link = deps.invitations.linkOf(invitation);
        return {
          outcome: 'ALREADY_SET_UP',
          organization,
          member: existing,
          signIn: { kind: 'INVITATION', link, expiresAt: invitation.expiresAt },
        };
      }
      return { outcome: 'ALREADY_SET_UP', organization, member: existing, signIn: null };
    }
    await refuse(deps, 'MEMBER_EXISTS_ELSEWHERE', existing._id, organization._id);
    throw new MaruError(
      'MEMBER_EXISTS_ELSEWHERE',
      `${input.email} is already a member of "${organization.name}", not a platform admin; choose another address.`,
      { field: 'email' },
    );
  }
  const admins = await deps.members.countPlatformAdmins();
  if (admins > 0 && !input.addAdmin) {
    await refuse(deps, 'PLATFORM_ALREADY_SET_UP', null, null);
    throw new MaruError(
      'PLATFORM_ALREADY_SET_UP',
      `This hub has ${admins === 1 ? 'a platform admin' : `${admins} platform admins`} already; sign in as one, or ` +
        'add another with --add-admin (audited).',
    );
  }
  const organization =
    (await deps.organizations.firstOfKind('PLATFORM')) ??
    (
      await deps.organizations.seed({
        kind: 'PLATFORM',
        name: input.organizationName,
        slug: PLATFORM_SLUG,
        description: 'The operators of this hub.',
      })
    ).organization;
  if (organization.kind !== 'PLATFORM')
    throw new MaruError(
      'CONFLICT',
      `The slug "${PLATFORM_SLUG}" belongs to the ${organization.kind.toLowerCase()} "${organization.name}"; rename its slug first.`,
    );
  const { member, created } = await deps.members.seed({
    organizationId: organization._id,
    name: input.name,
    email: input.email,
    roles: ['PLATFORM_ADMIN'],
    status: input.signIn === 'INVITATION' ? 'INVITED' : 'ACTIVE',
  });
  // Setup run several times at once (a race): only one of them makes the first admin and prints a sign-in.
  if (!created) {
    // Another run made this address meanwhile: it prints the sign-in; this one changes nothing.
    if (member.organizationId === organization._id && member.roles.includes('PLATFORM_ADMIN'))
      return { outcome: 'ALREADY_SET_UP', organization, member, signIn: null };
    return bootstrapPlatform(deps, raw);
  }
  if (admins === 0 && !input.addAdmin) {
    // Ids sort by creation: the earliest first admin wins, later ones are undone (they have nothing yet).
    const earlier = (await deps.members.platformAdmins()).some((other) => other._id < member._id);
    if (earlier) {
      await deps.members.discardSeeded(member);
      await refuse(deps, 'PLATFORM_ALREADY_SET_UP', null, null);
      throw new MaruError(
        'PLATFORM_ALREADY_SET_UP',
        'Another run of setup made the first platform admin at the same time; sign in as them, or add another with ' +
          '--add-admin (audited).',
      );
    }
  }
  let signIn: BootstrapResult['signIn'];
  if (input.signIn === 'INVITATION') {
    const invitation = await deps.invitations.issue(member, null);
    signIn = { kind: 'INVITATION', link: deps.invitations.linkOf(invitation), expiresAt: invitation.expiresAt };
  } else {
    const { apiKey, secret } = await deps.apiKeys.issue(
      member,
      'first sign-in (maru-hub setup)',
      ['READ', 'WRITE', 'ADMIN'],
      null,
      'LIVE',
    );
    signIn = { kind: 'API_KEY', secret, prefix: apiKey.prefix };
  }
  const outcome = admins > 0 ? 'ADMIN_ADDED' : 'BOOTSTRAPPED';
  await deps.audit.append({
    action: outcome === 'ADMIN_ADDED' ? 'platform.adminAdded' : 'platform.bootstrapped',
    actorMemberId: null,
    actorOrganizationId: null,
    targetId: member._id,
    organizationId: organization._id,
    outcome: 'SUCCESS',
    requestId: null,
  });
  return { outcome, organization, member, signIn };
}

function refuse(deps: PlatformBootstrapDeps, code: string, targetId: string | null, organizationId: string | null) {
  return deps.audit.append({
    action: 'platform.bootstrapped',
    actorMemberId: null,
    actorOrganizationId: null,
    targetId,
    organizationId,
    outcome: code,
    requestId: null,
  });
}
