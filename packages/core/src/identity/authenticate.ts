/**
 * Who a request is, from its `Authorization` header: the one place a token is
 * read. An API key names a member of an organization (a Viewer); a subject key
 * (`msk_…`, issued by the data module's consent service) names a data subject
 * who may read their own consents and access log. The data module is a named
 * dependency, not a table reached into.
 */
import type { DataSubject } from '../data/index.js';
import type { Viewer } from './viewer.js';

export interface Authenticated {
  viewer: Viewer | null;
  subject: DataSubject | null;
}

/** The data module's subject keys, as identity needs them: how they start, and who one names. */
export interface SubjectKeys {
  /** What every subject key starts with (`msk_`); any other token is taken for an API key. */
  keyPrefix: string;
  authenticateSubject(key: string): Promise<DataSubject>;
}

export interface AuthenticateDeps {
  apiKeys: { authenticate(secret: string): Promise<Viewer> };
  subjects: SubjectKeys;
}

export type Authenticate = (authorization: string | null) => Promise<Authenticated>;

/**
 * Reads a `Bearer` token; throws UNAUTHENTICATED (from the services) for a token that is not a live key. No header:
 * anonymous.
 */
export function createAuthenticate(deps: AuthenticateDeps): Authenticate {
  return async (authorization) => {
    if (!authorization) return { viewer: null, subject: null };
    const token = bearer(authorization);
    if (token.startsWith(deps.subjects.keyPrefix))
      return { viewer: null, subject: await deps.subjects.authenticateSubject(token) };
    return { viewer: await deps.apiKeys.authenticate(token), subject: null };
  };
}

function bearer(header: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}
