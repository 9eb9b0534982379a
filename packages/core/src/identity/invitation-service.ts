import { MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { HubLogger } from '../logger.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { inviteMemberInput, type InviteMemberInput } from './invitation-input.js';
import type { InvitationMail, MailOutcome } from './invitation-mail.js';
import type { MemberService } from './member-service.js';
import type { Invitation, Member, Organization } from './model.js';
import type { OrganizationService } from './organization-service.js';
import { requireLiveAdminScope } from './require.js';
import type { Viewer } from './viewer.js';

/** How long an invitation may be accepted. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

/** What the invitation service writes to the audit trail for actions no GraphQL mutation wraps (sign-in). */
export interface IdentityAudit {
  append(entry: {
    action: string;
    actorMemberId: string | null;
    actorOrganizationId: string | null;
    targetId: string | null;
    organizationId: string | null;
    outcome: string;
    requestId: string | null;
  }): Promise<unknown>;
}

export interface InvitationDeps {
  organizations: OrganizationService;
  members: MemberService;
  /** Late-bound: the audit module is built after identity (it reads identity's organizations). */
  audit: IdentityAudit;
  mail: InvitationMail;
  /** Where people reach the hub, for the link in the invitation; null: the link is relative (`/auth/login?…`). */
  publicUrl: string | null;
  clock: () => number;
  logger: HubLogger;
}

export interface InvitationResult {
  member: Member;
  invitation: Invitation;
  /** Whether the mail hook took the message; the link itself is never shown to the inviter. */
  delivery: MailOutcome;
}

/**
 * Invitations: an organization's admin invites a person by e-mail; the person is an INVITED member (who cannot
 * authenticate) until they sign in for the first time with that verified address, within 7 days.
 */
export class InvitationService {
  readonly #collection: Collection<Invitation>;

  constructor(
    store: Store,
    private readonly deps: InvitationDeps,
  ) {
    this.#collection = store.collection<Invitation>('member_invitations');
  }

  get(id: string): Promise<Invitation | null> {
    return this.#collection.findOne({ _id: id });
  }

  /** A page of an organization's invitations, newest first. Who may read it is the schema's (its admins). */
  listOfOrganization(organizationId: string, page: PageRequest): Promise<Page<Invitation>> {
    return readPage(this.#collection, { organizationId }, [['createdAt', -1]], page);
  }

  /** Whether an invitation is past its time without having been accepted or revoked. */
  isExpired(invitation: Invitation): boolean {
    return invitation.status === 'PENDING' && Date.parse(invitation.expiresAt) <= this.deps.clock();
  }

  /** The link the invited person follows: the hub's sign-in, which accepts the invitation for their verified e-mail. */
  linkOf(invitation: Invitation): string {
    const base = (this.deps.publicUrl ?? '').replace(/\/+$/, '');
    return `${base}/auth/login?invitation=${encodeURIComponent(invitation._id)}`;
  }

  /**
   * Invites a person to an organization the viewer administers, with roles the viewer may grant (LIVE ADMIN key).
   * Makes an INVITED member (or, for one already invited here, a new invitation replacing the pending one) and
   * delivers the link through the mail hook.
   */
  async invite(viewer: Viewer | null, organizationId: string, raw: InviteMemberInput): Promise<InvitationResult> {
    requireLiveAdminScope(viewer, 'invite members');
    const input = validate(inviteMemberInput, raw);
    const org = await this.deps.organizations.require(organizationId);
    this.deps.members.assertMayManage(viewer, org, input.roles);
    const member = await this.deps.members.addInvited(org, input);
    const invitation = await this.issue(member, viewer.member._id);
    return { member, invitation, delivery: await this.deliver(invitation, org) };
  }

  /**
   * A pending invitation for an INVITED member, replacing any still pending: for the bootstrap (system, no viewer)
   * and re-invitations. The caller decided who may.
   */
  async issue(member: Member, invitedByMemberId: string | null): Promise<Invitation> {
    const now = this.deps.clock();
    await this.revokePending(member._id, new Date(now).toISOString());
    const invitation: Invitation = {
      _id: newId(),
      organizationId: member.organizationId,
      memberId: member._id,
      email: member.email,
      invitedByMemberId,
      status: 'PENDING',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + INVITATION_VALIDITY_MS).toISOString(),
      acceptedAt: null,
      revokedAt: null,
    };
    await this.#collection.insertOne(invitation);
    return invitation;
  }

  /** Revokes a pending invitation (an admin of its organization, LIVE ADMIN key); the member stays INVITED. */
  async revoke(viewer: Viewer | null, id: string): Promise<Invitation> {
    requireLiveAdminScope(viewer, 'revoke invitations');
    const invitation = await this.get(id);
    if (!invitation) throw notFound('invitation', id);
    const org = await this.deps.organizations.require(invitation.organizationId);
    this.deps.members.assertMayManage(viewer, org, []);
    if (invitation.status !== 'PENDING') return invitation;
    const revoked = await this.#collection.findOneAndUpdate(
      { _id: id, status: 'PENDING' },
      { $set: { status: 'REVOKED', revokedAt: new Date(this.deps.clock()).toISOString() } },
    );
    return revoked ?? (await this.get(id))!;
  }

  /**
   * At sign-in with a verified `email`: activates the INVITED member whose invitation is pending and unexpired and
   * returns them (audited `member.invitationAccepted`). Throws INVITATION_EXPIRED when the member's invitation has
   * expired (also audited); returns null when there is no INVITED member with a pending invitation for the address.
   */
  async acceptAtSignIn(email: string): Promise<Member | null> {
    const address = email.trim().toLowerCase();
    const member = await this.deps.members.byEmail(address);
    if (!member || member.status !== 'INVITED') return null;
    const pending = await this.#collection.find(
      { memberId: member._id, status: 'PENDING' },
      { sort: [['createdAt', -1]], limit: 1 },
    );
    const invitation = pending[0];
    if (!invitation) return null;
    const record = (outcome: string) =>
      this.deps.audit.append({
        action: 'member.invitationAccepted',
        actorMemberId: member._id,
        actorOrganizationId: member.organizationId,
        targetId: member._id,
        organizationId: member.organizationId,
        outcome,
        requestId: null,
      });
    if (this.isExpired(invitation)) {
      await record('INVITATION_EXPIRED');
      throw new MaruError(
        'INVITATION_EXPIRED',
        `The invitation for ${address} expired on ${invitation.expiresAt}; ask an admin of your organization to invite you again.`,
      );
    }
    const now = new Date(this.deps.clock()).toISOString();
    const accepted = await this.#collection.findOneAndUpdate(
      { _id: invitation._id, status: 'PENDING' },
      { $set: { status: 'ACCEPTED', acceptedAt: now } },
    );
    // Another sign-in accepted it meanwhile: the member is active by now.
    if (!accepted) return this.deps.members.get(member._id);
    const active = await this.deps.members.activateInvited(member);
    await record('SUCCESS');
    return active;
  }

  private async revokePending(memberId: string, at: string): Promise<void> {
    const pending = await this.#collection.find({ memberId, status: 'PENDING' });
    for (const old of pending)
      await this.#collection.findOneAndUpdate(
        { _id: old._id, status: 'PENDING' },
        { $set: { status: 'REVOKED', revokedAt: at } },
      );
  }

  private async deliver(invitation: Invitation, org: Organization): Promise<MailOutcome> {
    const message = {
      kind: 'member.invitation' as const,
      to: invitation.email,
      organization: org.name,
      link: this.linkOf(invitation),
      expiresAt: invitation.expiresAt,
    };
    const delivery = await this.deps.mail.send(message);
    if (delivery !== 'SENT')
      this.deps.logger.warn(
        { invitationId: invitation._id, to: invitation.email, link: message.link, expiresAt: invitation.expiresAt },
        delivery === 'NOT_CONFIGURED'
          ? 'invitation created but not e-mailed: no mail hook is configured. Send this link to the person ' +
              'yourself, or set MARU_MAIL_WEBHOOK_URL to a service that e-mails it'
          : 'invitation created but the mail hook did not take it. Send this link to the person yourself, or ' +
              'invite them again once the hook (MARU_MAIL_WEBHOOK_URL) answers',
      );
    return delivery;
  }
}
