/**
 * Who a person signing in is, from what their identity provider vouches for: the matching rule of people's sign-in,
 * and the session it starts. Every sign-in and every refusal is on the audit trail; a refusal changes nothing else.
 */
import { isMaruError, MaruError } from '../errors.js';
import type { IdentityAudit } from './invitation-service.js';
import type { MemberService } from './member-service.js';
import type { Member } from './model.js';
import type { SessionService, StartedSession } from './session-service.js';

/** What a sign-in needs of invitations: the INVITED member of a verified address, activated (or null when none). */
export interface SignInInvitations {
  acceptAtSignIn(email: string): Promise<Member | null>;
}

export interface SignInDeps {
  members: MemberService;
  invitations: SignInInvitations;
  sessions: SessionService;
  /** Late-bound: the audit module is built after identity. */
  audit: IdentityAudit;
}

/** The browser and request a sign-in came with, for the session and the audit trail. */
export interface SignInMeta {
  userAgent?: string | null;
  requestId?: string | null;
  /**
   * The `maru_session` cookie the browser came with, if any: a successful sign-in ends that session (rotation), so
   * a token known before the sign-in (an older sign-in's, or one planted in the browser) works no longer.
   */
  replacing?: string | null;
}

export interface SignedIn extends StartedSession {
  member: Member;
}

/** The claims of an ID token (and the UserInfo answer), as the identity provider sent them. */
export type IdentityClaims = Record<string, unknown>;

export const signInRefused = (code: SignInRefusal, message: string) => new MaruError(code, message);

/** The codes a sign-in is refused with (besides INVITATION_EXPIRED, from the invitation). */
export type SignInRefusal =
  'SIGN_IN_EMAIL_UNVERIFIED' | 'SIGN_IN_UNKNOWN_PERSON' | 'MEMBER_DISABLED' | 'SIGN_IN_FAILED';

export class SignInService {
  constructor(private readonly deps: SignInDeps) {}

  /**
   * The matching rule: the verified e-mail address (or the configured claim) names a member. ACTIVE: signed in;
   * INVITED: their pending invitation is accepted; DISABLED: MEMBER_DISABLED; nobody: SIGN_IN_UNKNOWN_PERSON (no
   * account is ever created here). With the `email` claim, `email_verified` must be true
   * (SIGN_IN_EMAIL_UNVERIFIED); another claim is taken as the operator's IdP vouches for it.
   */
  async matchMember(claims: IdentityClaims, emailClaim = 'email'): Promise<Member> {
    const value = claims[emailClaim];
    if (typeof value !== 'string' || !value.includes('@'))
      throw signInRefused(
        'SIGN_IN_EMAIL_UNVERIFIED',
        `The identity provider sent no e-mail address in the "${emailClaim}" claim; the hub asks for the scopes openid email profile.`,
      );
    if (emailClaim === 'email' && claims.email_verified !== true)
      throw signInRefused(
        'SIGN_IN_EMAIL_UNVERIFIED',
        'Your identity provider has not verified your e-mail address; verify it there, then sign in again.',
      );
    const email = value.trim().toLowerCase();
    // Lowercasing must not make ASCII out of other characters: "\u212Aim" (Kelvin sign) is another mailbox than "kim".
    const member = asciiCount(email) === asciiCount(value.trim()) ? await this.deps.members.byEmail(email) : null;
    if (!member)
      throw signInRefused(
        'SIGN_IN_UNKNOWN_PERSON',
        `No member of this hub has the address ${email}; ask an admin of your organization to invite you.`,
      );
    if (member.status === 'ACTIVE') return member;
    if (member.status === 'DISABLED')
      throw signInRefused('MEMBER_DISABLED', 'Your membership is disabled; ask an admin of your organization.');
    const accepted = await this.deps.invitations.acceptAtSignIn(email);
    if (!accepted || accepted.status !== 'ACTIVE')
      throw signInRefused(
        'SIGN_IN_UNKNOWN_PERSON',
        `The invitation for ${email} is no longer open; ask an admin of your organization to invite you again.`,
      );
    return accepted;
  }

  /** Signs in the person the identity provider vouched for: a new session (audited `auth.signIn`), or the refusal. */
  async withClaims(claims: IdentityClaims, emailClaim: string, meta: SignInMeta = {}): Promise<SignedIn> {
    let member: Member;
    try {
      member = await this.matchMember(claims, emailClaim);
    } catch (error) {
      if (isMaruError(error)) await this.refused(error.code, meta);
      throw error;
    }
    return this.start(member, meta);
  }

  /** Demo hubs only (the caller checks): a session for a seeded, active member by e-mail. */
  async asDemoMember(email: string, meta: SignInMeta = {}): Promise<SignedIn> {
    const member = await this.deps.members.activeByEmail(email.trim().toLowerCase());
    if (!member) {
      await this.refused('SIGN_IN_UNKNOWN_PERSON', meta);
      throw signInRefused('SIGN_IN_UNKNOWN_PERSON', `No active member has the address ${email}.`);
    }
    return this.start(member, meta);
  }

  /** Records a refused sign-in (`auth.signInRefused`, the code as its outcome); nothing else is written. */
  async refused(code: string, meta: SignInMeta = {}): Promise<void> {
    await this.deps.audit.append({
      action: 'auth.signInRefused',
      actorMemberId: null,
      actorOrganizationId: null,
      targetId: null,
      organizationId: null,
      outcome: code,
      requestId: meta.requestId ?? null,
    });
  }

  /** Ends the session of this cookie token (`auth.signOut`); an unknown or ended one changes nothing. */
  async signOut(token: string, meta: SignInMeta = {}): Promise<boolean> {
    const ended = await this.deps.sessions.end(token);
    if (!ended) return false;
    await this.deps.audit.append({
      action: 'auth.signOut',
      actorMemberId: ended.memberId,
      actorOrganizationId: ended.organizationId,
      targetId: ended._id,
      organizationId: ended.organizationId,
      outcome: 'SUCCESS',
      requestId: meta.requestId ?? null,
    });
    return true;
  }

  private async start(member: Member, meta: SignInMeta): Promise<SignedIn> {
    if (meta.replacing) await this.signOut(meta.replacing, meta);
    const started = await this.deps.sessions.start(member._id, { userAgent: meta.userAgent });
    await this.deps.audit.append({
      action: 'auth.signIn',
      actorMemberId: member._id,
      actorOrganizationId: member.organizationId,
      targetId: started.session._id,
      organizationId: member.organizationId,
      outcome: 'SUCCESS',
      requestId: meta.requestId ?? null,
    });
    return { ...started, member };
  }
}

function asciiCount(text: string): number {
  return text.replace(/[^\u0000-\u007f]/g, '').length;
}
