import { createHash, randomBytes } from 'node:crypto';
import { badInput, forbidden, notFound, unauthenticated } from '../errors.js';
import { newId } from '../ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { createApiKeyInput, type CreateApiKeyInput } from './api-key-input.js';
import { type ApiKey, type ApiKeyMode, type ApiKeyScope, type Member } from './model.js';
import type { MemberService } from './member-service.js';
import type { OrganizationService } from './organization-service.js';
import { requireLiveAdminScope } from './require.js';
import { canAdminister, type Viewer } from './viewer.js';
import { ViewerCache } from './viewer-cache.js';

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** The key itself. Shown once; only its hash is stored. */
  secret: string;
}

/** Keys look like `maru_<40 base62-ish chars>`; the prefix makes leaked keys easy to scan for. */
const KEY_PATTERN = /^maru_[A-Za-z0-9_-]{40,64}$/;
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export class ApiKeyService {
  readonly #collection: Collection<ApiKey>;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly members: MemberService,
    private readonly viewers: ViewerCache = new ViewerCache(),
  ) {
    this.#collection = store.collection<ApiKey>('api_keys');
  }

  get(id: string): Promise<ApiKey | null> {
    return this.#collection.findOne({ _id: id });
  }

  /**
   * A page of an organization's keys, newest first. Who may read it is the schema's `authScopes` on
   * `Organization.apiKeys` (admins of the organization).
   */
  listOfOrganization(organizationId: string, page: PageRequest): Promise<Page<ApiKey>> {
    return readPage(this.#collection, { organizationId }, [['createdAt', -1]], page);
  }

  /**
   * A page of a member's keys, newest first. Who may read it is the schema's `authScopes` on `Member.apiKeys` (the
   * member and admins of their organization).
   */
  listOfMember(memberId: string, page: PageRequest): Promise<Page<ApiKey>> {
    return readPage(this.#collection, { memberId }, [['createdAt', -1]], page);
  }

  /** Issues a key without an acting viewer: used by seeding and the demo login only. */
  async issue(
    member: Member,
    name: string,
    scopes: ApiKeyScope[],
    expiresAt: string | null,
    mode: ApiKeyMode = 'LIVE',
  ): Promise<IssuedApiKey> {
    const secret = `maru_${randomBytes(30).toString('base64url')}`;
    const apiKey: ApiKey = {
      _id: newId(),
      organizationId: member.organizationId,
      memberId: member._id,
      name,
      prefix: secret.slice(0, 12),
      hash: hashApiKey(secret),
      scopes,
      mode,
      createdAt: new Date().toISOString(),
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.#collection.insertOne(apiKey);
    return { apiKey, secret };
  }

  /**
   * A member creates a key for themself; an organization admin may create one
   * for another member of an organization they administer. A key never gets a
   * scope the creating key lacks.
   */
  async create(viewer: Viewer | null, raw: CreateApiKeyInput): Promise<IssuedApiKey> {
    requireLiveAdminScope(viewer, 'create API keys');
    const input = validate(createApiKeyInput, raw);
    let member = viewer.member;
    if (input.memberId && input.memberId !== viewer.member._id) {
      const other = await this.members.get(input.memberId);
      if (!other) throw notFound('member', input.memberId);
      const org = await this.organizations.require(other.organizationId);
      if (!canAdminister(viewer, org))
        throw forbidden(`Only an admin of "${org.name}" may create keys for its members.`);
      if (other.status !== 'ACTIVE')
        throw badInput('input.memberId', '`input.memberId`: that member is disabled; enable them first.');
      member = other;
    }
    const missing = input.scopes.find((scope) => !viewer.apiKey.scopes.includes(scope));
    if (missing) throw forbidden(`Your key lacks the ${missing} scope, so it cannot create a key that has it.`);
    return this.issue(member, input.name, input.scopes, input.expiresAt ?? null, input.mode);
  }

  async revoke(viewer: Viewer | null, id: string): Promise<ApiKey> {
    requireLiveAdminScope(viewer, 'revoke API keys');
    const key = await this.get(id);
    if (!key) throw notFound('API key', id);
    if (key.memberId !== viewer.member._id) {
      const org = await this.organizations.require(key.organizationId);
      if (!canAdminister(viewer, org))
        throw forbidden(`Only the key's member or an admin of "${org.name}" may revoke it.`);
    }
    if (key.revokedAt) return key;
    const revoked = await this.#collection.findOneAndUpdate(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: new Date().toISOString() } },
    );
    await this.viewers.forget({ keyId: id });
    return revoked ?? (await this.get(id))!;
  }

  /**
   * Resolves the caller from a bearer key. A key that is malformed, unknown,
   * revoked or expired — or whose member is disabled — is UNAUTHENTICATED,
   * never a silent fall-back to anonymous. A key seen lately is answered from the viewer cache (its expiry checked
   * each time); every change that could refuse it forgets it there first.
   */
  async authenticate(secret: string): Promise<Viewer> {
    if (!KEY_PATTERN.test(secret))
      throw unauthenticated(
        'The API key is malformed; keys start with "maru_". Send `Authorization: Bearer <api key>`.',
      );
    const hash = hashApiKey(secret);
    const cacheKey = `key:${hash}`;
    const now = Date.now();
    const cached = await this.viewers.lookup(cacheKey);
    if (cached && !isExpired(cached.viewer.apiKey, now)) return this.#stampUse(cacheKey, cached.viewer, now);
    // An expired key is the store's to refuse, with its reason.
    if (cached) this.viewers.delete(cacheKey);
    const mark = this.viewers.mark();
    const apiKey = await this.#collection.findOne({ hash });
    if (!apiKey) throw unauthenticated('The API key is not known; create a new one.');
    if (apiKey.revokedAt) throw unauthenticated('The API key was revoked; create a new one.');
    if (isExpired(apiKey, now)) throw unauthenticated('The API key has expired; create a new one.');
    const member = await this.members.get(apiKey.memberId);
    if (!member || member.status !== 'ACTIVE') throw unauthenticated('The member of this API key is disabled.');
    const organization = await this.organizations.require(member.organizationId);
    const viewer: Viewer = { member, organization, apiKey, via: 'KEY' };
    this.viewers.set(cacheKey, { viewer, session: null }, mark);
    return this.#stampUse(cacheKey, viewer, now);
  }

  /**
   * Records the key's last use at minute resolution, so that reads do not become a write each. The write is
   * conditional on the use it saw: when another hub stamped meanwhile, nothing is written twice.
   */
  async #stampUse(cacheKey: string, viewer: Viewer, now: number): Promise<Viewer> {
    const previous = viewer.apiKey.lastUsedAt;
    if (previous && now - Date.parse(previous) <= LAST_USED_RESOLUTION_MS) return { ...viewer };
    const lastUsedAt = new Date(now).toISOString();
    const stamped: Viewer = { ...viewer, apiKey: { ...viewer.apiKey, lastUsedAt } };
    this.viewers.refresh(cacheKey, { viewer: stamped, session: null });
    await this.#collection.findOneAndUpdate({ _id: viewer.apiKey._id, lastUsedAt: previous }, { $set: { lastUsedAt } });
    return { ...stamped };
  }
}

function isExpired(apiKey: ApiKey, now: number): boolean {
  return !!apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= now;
}
