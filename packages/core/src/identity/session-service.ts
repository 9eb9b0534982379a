import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Collection, Store } from '../store/port.js';
import type { MemberService } from './member-service.js';
import type { Member, Organization } from './model.js';
import type { OrganizationService } from './organization-service.js';
import { requireLiveAdminScope, requireScope } from './require.js';
import { canAdminister, type Viewer } from './viewer.js';
import { ViewerCache } from './viewer-cache.js';

/** A person's signed-in browser: what the `maru_session` cookie names. Only the token's hash is stored. */
export interface Session {
  _id: string;
  memberId: string;
  /** The member's organization when the session began: whose admins may end it. */
  organizationId: string;
  /** SHA-256 of the cookie's token, hex. The token itself is never stored. */
  tokenHash: string;
  /** What the `x-maru-csrf` header of every request of this session must carry (the `maru_csrf` cookie). */
  csrfToken: string;
  createdAt: string;
  /** Recorded at most once a minute, so that reads do not each become a write. */
  lastSeenAt: string;
  /** Moves on with `lastSeenAt`: the session ends after this long unused. */
  idleExpiresAt: string;
  /** The session ends then however much it is used; signing in again starts a new one. */
  absoluteExpiresAt: string;
  userAgent: string | null;
  revokedAt: string | null;
}

export interface SessionOptions {
  /** How long a session lasts unused. Default 8 hours. */
  idleMs?: number;
  /** How long a session lasts at most. Default 7 days. */
  absoluteMs?: number;
}

/** A session just begun: the token for the cookie, shown this once. */
export interface StartedSession {
  session: Session;
  token: string;
}

export interface SessionMeta {
  userAgent?: string | null;
}

const DEFAULT_IDLE_MS = 8 * 3600_000;
const DEFAULT_ABSOLUTE_MS = 7 * 24 * 3600_000;
const LAST_SEEN_RESOLUTION_MS = 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const sessionExpired = (message: string) => new MaruError('SESSION_EXPIRED', message);

/** Server-side sessions of people signed in through the browser: started at sign-in, revocable, timed out. */
export class SessionService {
  readonly #collection: Collection<Session>;
  readonly idleMs: number;
  readonly absoluteMs: number;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly members: MemberService,
    private readonly clock: () => number = Date.now,
    options: SessionOptions = {},
    private readonly viewers: ViewerCache = new ViewerCache({ clock }),
  ) {
    this.#collection = store.collection<Session>('sessions');
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.absoluteMs = options.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
  }

  get(id: string): Promise<Session | null> {
    return this.#collection.findOne({ _id: id });
  }

  /** A new session for a member who just signed in: a new token every time (rotation), never one reused. */
  async start(memberId: string, meta: SessionMeta = {}): Promise<StartedSession> {
    const member = await this.members.get(memberId);
    if (!member) throw notFound('member', memberId);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const session: Session = {
      _id: newId(),
      memberId,
      organizationId: member.organizationId,
      tokenHash: hashSessionToken(token),
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(now + this.idleMs).toISOString(),
      absoluteExpiresAt: new Date(now + this.absoluteMs).toISOString(),
      userAgent: meta.userAgent ? meta.userAgent.slice(0, 300) : null,
      revokedAt: null,
    };
    await this.#collection.insertOne(session);
    return { session, token };
  }

  /**
   * The viewer of a session cookie. A token that is unknown (another hub's, a forged one), revoked or expired, or
   * whose member is no longer active, is SESSION_EXPIRED; a live session whose request lacks its CSRF token is
   * CSRF_TOKEN_INVALID. A session acts with every scope, in LIVE mode: it is the member themself.
   */
  async authenticate(token: string, csrfHeader: string | null): Promise<Viewer> {
    if (!TOKEN.test(token)) throw sessionExpired('Your session has ended; sign in again.');
    const tokenHash = hashSessionToken(token);
    const cacheKey = `session:${tokenHash}`;
    const now = this.clock();
    const cached = await this.viewers.lookup(cacheKey);
    // A cached session that looks timed out may have been used on another hub since: the store decides.
    if (cached?.session && isLive(cached.session, now))
      return this.#seen(cacheKey, checkCsrf(cached.session, csrfHeader), cached.viewer, now);
    if (cached) this.viewers.delete(cacheKey);
    const mark = this.viewers.mark();
    const session = await this.#collection.findOne({ tokenHash });
    if (!session || session.revokedAt || !isLive(session, now))
      throw sessionExpired('Your session has ended; sign in again.');
    checkCsrf(session, csrfHeader);
    const member = await this.members.get(session.memberId);
    if (!member || member.status !== 'ACTIVE') throw sessionExpired('Your session has ended; sign in again.');
    const organization = await this.organizations.require(member.organizationId);
    const viewer = sessionViewer(session, member, organization);
    this.viewers.set(cacheKey, { viewer, session }, mark);
    return this.#seen(cacheKey, session, viewer, now);
  }

  /** Records the session's use at minute resolution (reads do not become a write each), moving its idle timeout on. */
  async #seen(cacheKey: string, session: Session, viewer: Viewer, now: number): Promise<Viewer> {
    if (now - Date.parse(session.lastSeenAt) <= LAST_SEEN_RESOLUTION_MS) return { ...viewer };
    const seen = {
      lastSeenAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(Math.min(now + this.idleMs, Date.parse(session.absoluteExpiresAt))).toISOString(),
    };
    const updated: Session = { ...session, ...seen };
    const stamped = sessionViewer(updated, viewer.member, viewer.organization);
    this.viewers.refresh(cacheKey, { viewer: stamped, session: updated });
    // Conditional on the use it saw: when another hub recorded one meanwhile, this one is not written over it.
    await this.#collection.findOneAndUpdate({ _id: session._id, lastSeenAt: session.lastSeenAt }, { $set: seen });
    return { ...stamped };
  }

  /** Ends the session of this token, if it is one (signing out); resolves whether a live one was ended. */
  async end(token: string): Promise<Session | null> {
    if (!TOKEN.test(token)) return null;
    const ended = await this.#collection.findOneAndUpdate(
      { tokenHash: hashSessionToken(token), revokedAt: null },
      { $set: { revokedAt: new Date(this.clock()).toISOString() } },
    );
    if (ended) await this.viewers.forget({ sessionId: ended._id });
    return ended;
  }

  /** The viewer's own live sessions, newest first. */
  async listOf(viewer: Viewer | null): Promise<Session[]> {
    requireScope(viewer, 'READ');
    const now = this.clock();
    const sessions = await this.#collection.find(
      { memberId: viewer.member._id, revokedAt: null },
      { sort: [['createdAt', -1]], limit: 200 },
    );
    return sessions.filter((session) => isLive(session, now));
  }

  /** Ends one session: the member's own, or one of a member of an organization the viewer administers. */
  async revoke(viewer: Viewer | null, id: string): Promise<Session> {
    // A TEST key (a sandbox) never signs anyone out.
    requireLiveAdminScope(viewer, 'end sessions');
    const session = await this.get(id);
    if (!session) throw notFound('session', id);
    if (session.memberId !== viewer.member._id) {
      const org = await this.organizations.require(session.organizationId);
      if (!canAdminister(viewer, org))
        throw forbidden(`Only the session's member or an admin of "${org.name}" may end it.`);
    }
    if (session.revokedAt) return session;
    const revoked = await this.#collection.findOneAndUpdate(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: new Date(this.clock()).toISOString() } },
    );
    await this.viewers.forget({ sessionId: id });
    return revoked ?? (await this.get(id))!;
  }

  /** Ends every live session of the viewer ("sign out everywhere"), this one too; resolves how many. */
  async revokeAll(viewer: Viewer | null): Promise<number> {
    requireLiveAdminScope(viewer, 'end sessions');
    return this.endAllOf(viewer.member._id);
  }

  /** Ends every live session of a member, as the system (a member disabled). Resolves how many. */
  async endAllOf(memberId: string): Promise<number> {
    const live = await this.#collection.find({ memberId, revokedAt: null });
    const at = new Date(this.clock()).toISOString();
    let ended = 0;
    for (const session of live) {
      if (await this.#collection.findOneAndUpdate({ _id: session._id, revokedAt: null }, { $set: { revokedAt: at } }))
        ended++;
    }
    // One change for them all: the sessions' viewers are the member's.
    if (ended > 0) await this.viewers.forget({ memberId });
    return ended;
  }

  /** When a session ends unless it is used again. */
  expiresAt(session: Session): string {
    return session.idleExpiresAt < session.absoluteExpiresAt ? session.idleExpiresAt : session.absoluteExpiresAt;
  }
}

function isLive(session: Session, now: number): boolean {
  return Date.parse(session.idleExpiresAt) > now && Date.parse(session.absoluteExpiresAt) > now;
}

/** A live session's request must carry its CSRF token: CSRF_TOKEN_INVALID without it. */
function checkCsrf(session: Session, csrfHeader: string | null): Session {
  if (!csrfHeader || !sameText(csrfHeader, session.csrfToken))
    throw new MaruError(
      'CSRF_TOKEN_INVALID',
      'A request with the session cookie must carry the `x-maru-csrf` header set to the `maru_csrf` cookie.',
    );
  return session;
}

function sessionViewer(session: Session, member: Member, organization: Organization): Viewer {
  return { member, organization, apiKey: sessionCredential(session), via: 'SESSION', sessionId: session._id };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * What a session may do, in the shape the rest of the hub reads a credential in (`viewer.apiKey`): every scope, LIVE
 * mode, no key of its own — its id is the session's, so the audit's and access log's credential names the session.
 */
function sessionCredential(session: Session): Viewer['apiKey'] {
  return {
    _id: session._id,
    organizationId: session.organizationId,
    memberId: session.memberId,
    name: 'browser session',
    prefix: '',
    hash: '',
    scopes: ['READ', 'WRITE', 'ADMIN'],
    mode: 'LIVE',
    createdAt: session.createdAt,
    expiresAt: session.absoluteExpiresAt,
    revokedAt: null,
    lastUsedAt: session.lastSeenAt,
  };
}
