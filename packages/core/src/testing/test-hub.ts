import { createHub, type Hub, type HubOptions } from '../create-hub.js';
import type { HubServices } from '../context.js';
import type { AuditEvent } from '../audit/index.js';
import type { ApiKey, ApiKeyScope, Member, Organization, OrganizationKind, Role } from '../identity/index.js';
import type { Collection, Doc } from '../store/port.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestHub extends Hub {
  /** Runs an operation in-process through yoga, as a client over HTTP would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphQLResponse<T>>;
  fixtures: Fixtures;
}

export interface Fixtures {
  platform: Organization;
  ministry: Organization;
  bureau: Organization;
  division: Organization;
  companyA: Organization;
  companyB: Organization;
  members: Record<string, Member>;
  /** API secrets by member handle. */
  keys: Record<string, string>;
}

async function org(
  services: HubServices,
  kind: OrganizationKind,
  slug: string,
  name: string,
  parent?: Organization,
): Promise<Organization> {
  return (await services.organizations.seed({ kind, slug, name, parentId: parent?._id })).organization;
}

async function member(
  services: HubServices,
  organization: Organization,
  handle: string,
  roles: Role[],
): Promise<Member> {
  const email = `${handle.toLowerCase()}@test.example`;
  return (await services.members.seed({ organizationId: organization._id, name: handle, email, roles })).member;
}

const ALL_SCOPES: ApiKeyScope[] = ['READ', 'WRITE', 'ADMIN'];

/**
 * An in-process hub on an in-memory SQLite store with a small organization
 * chart: platform; ministry → bureau → division; companies A and B; members
 * in each role, each with an all-scope key.
 */
export async function createTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const hub = await createHub({ store: createSqliteStore({ dataDir: ':memory:' }), graphiql: false, ...options });
  const s = hub.services;
  const platform = await org(s, 'PLATFORM', 'platform', 'Platform');
  const ministry = await org(s, 'AGENCY', 'ministry', 'Ministry');
  const bureau = await org(s, 'AGENCY', 'bureau', 'Bureau', ministry);
  const division = await org(s, 'AGENCY', 'division', 'Division', bureau);
  const companyA = await org(s, 'COMPANY', 'company-a', 'Company A');
  const companyB = await org(s, 'COMPANY', 'company-b', 'Company B');
  const plan: Array<[string, Organization, Role[]]> = [
    ['platformAdmin', platform, ['PLATFORM_ADMIN']],
    ['ministryAdmin', ministry, ['AGENCY_ADMIN']],
    ['bureauAdmin', bureau, ['AGENCY_ADMIN']],
    ['bureauManager', bureau, ['CHALLENGE_MANAGER']],
    ['divisionAdmin', division, ['AGENCY_ADMIN']],
    ['divisionReviewer', division, ['REVIEWER']],
    ['companyAAdmin', companyA, ['COMPANY_ADMIN']],
    ['companyADev', companyA, ['DEVELOPER']],
    ['companyBAdmin', companyB, ['COMPANY_ADMIN']],
    ['companyBDev', companyB, ['DEVELOPER']],
  ];
  const members: Record<string, Member> = {};
  const keys: Record<string, string> = {};
  for (const [handle, organization, roles] of plan) {
    members[handle] = await member(s, organization, handle, roles);
    keys[handle] = (await s.apiKeys.issue(members[handle]!, 'test', ALL_SCOPES, null)).secret;
  }

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GraphQLResponse<T>> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };

  return { ...hub, gql, fixtures: { platform, ministry, bureau, division, companyA, companyB, members, keys } };
}

/**
 * The identity and audit tables of a hub's store, typed: raw evidence for tests that must see (or tamper with) what
 * is stored. Code goes through the modules' api instead.
 */
export function storedTables(hub: Hub) {
  const store = hub.store;
  return {
    organizations: store.collection<Organization>('organizations'),
    members: store.collection<Member>('members'),
    apiKeys: store.collection<ApiKey>('api_keys'),
    auditEvents: store.collection<AuditEvent>('audit_events'),
  };
}

/**
 * A snapshot of every domain collection — identity, challenges and data — to prove
 * that a refusal changed nothing. Leaves out the audit trail (refusals are
 * recorded there on purpose, as is every read in the data access log) and a key's `lastUsedAt` (bookkeeping of the
 * request itself).
 */
export async function snapshotDomain(hub: Hub): Promise<string> {
  const store = hub.store;
  const collections = [
    store.collection('organizations'),
    store.collection('members'),
    store.collection('api_keys'),
    store.collection('member_invitations'),
    store.collection('sessions'),
    ...['challenges', 'challenge_updates', 'questions', 'submissions', 'reviews', 'conflict_declarations'].map((name) =>
      store.collection(name),
    ),
    ...[
      'data_connections',
      'data_records',
      'data_syncs',
      'data_access_requests',
      'data_consents',
      'data_subject_keys',
    ].map((name) => store.collection(name)),
    ...['held_documents', 'document_presentations', 'document_verifications', 'document_requirements'].map((name) =>
      store.collection(name),
    ),
    ...['notice_interests', 'notices', 'notice_channels', 'notice_deliveries'].map((name) => store.collection(name)),
  ] as Array<Collection<Doc>>;
  const all = await Promise.all(collections.map((c) => c.find({}, { sort: [['_id', 1]] })));
  return JSON.stringify(all, (key, value: unknown) => (key === 'lastUsedAt' ? undefined : value));
}
