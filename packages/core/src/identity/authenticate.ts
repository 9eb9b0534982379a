/**
 * Who a request is, from its credentials: the one place a token is read. An API key (`Authorization: Bearer`) names
 * a member of an organization (a Viewer); so does a browser session (the `maru_session` cookie), whose requests must
 * also carry the session's CSRF token in `x-maru-csrf`. A subject key (`msk_…`, issued by the data module's consent
 * service) names a data subject who may read their own consents and access log. The data module is a named
 * dependency, not a table reached into.
 */
import type { DataSubject } from '../data/index.js';
import type { Viewer } from './viewer.js';

export interface Authenticated {
  viewer: Viewer | null;
  subject: DataSubject | null;
}

/** What a request brings to prove who it is; any may be absent. */
export interface RequestCredentials {
  /** The `Authorization` header. */
  authorization: string | null;
  /** The `maru_session` cookie's value. */
  sessionCookie: string | null;
  /** The `x-maru-csrf` header. */
  csrfHeader: string | null;
}

/** The data module's subject keys, as identity needs them: how they start, and who one names. */
export interface SubjectKeys {
  /** What every subject key starts with (`msk_`); any other token is taken for an API key. */
  keyPrefix: string;
  authenticateSubject(key: string): Promise<DataSubject>;
}

export interface AuthenticateDeps {
  apiKeys: { authenticate(secret: string): Promise<Viewer> };
  sessions: { authenticate(token: string, csrfHeader: string | null): Promise<Viewer> };
  subjects: SubjectKeys;
}

export type Authenticate = (credentials: RequestCredentials) => Promise<Authenticated>;

/**
 * An `Authorization` header wins (machines send keys, and a browser's cookie must not change what a key may do); a
 * bad one throws UNAUTHENTICATED. Else a session cookie: SESSION_EXPIRED when it is not a live session,
 * CSRF_TOKEN_INVALID without its CSRF header. Neither: anonymous.
 */
export function createAuthenticate(deps: AuthenticateDeps): Authenticate {
  return async ({ authorization, sessionCookie, csrfHeader }) => {
    if (authorization) {
      const token = bearer(authorization);
      if (token.startsWith(deps.subjects.keyPrefix))
        return { viewer: null, subject: await deps.subjects.authenticateSubject(token) };
      return { viewer: await deps.apiKeys.authenticate(token), subject: null };
    }
    if (sessionCookie) return { viewer: await deps.sessions.authenticate(sessionCookie, csrfHeader), subject: null };
    return { viewer: null, subject: null };
  };
}

function bearer(header: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}
