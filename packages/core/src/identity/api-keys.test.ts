import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import {
  createTestHub,
  snapshotDomain,
  storedTables,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import { expectRefused as expectRefusedIn } from '../testing/expect-refused.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  await hub.close();
});

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

const CREATE = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id name prefix scopes status expiresAt lastUsedAt member { email } } } }`;
const READ_KEY = `query($id: ID!) { node(id: $id) { ... on ApiKey { id name prefix scopes status createdAt expiresAt revokedAt lastUsedAt } } }`;

/** Creates a key through the API as `creator` and returns the secret and the key's global id. */
async function createKey(creator: string, input: Record<string, unknown>): Promise<{ secret: string; id: string }> {
  const res = await hub.gql(CREATE, { i: { name: 'ci', ...input } }, creator);
  expect(res.errors).toBeUndefined();
  return { secret: res.data.createApiKey.secret, id: res.data.createApiKey.apiKey.id };
}

const expectRefused = (code: string, run: () => Promise<GraphQLResponse>) => expectRefusedIn(hub, code, run);

const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

describe('creating a key', () => {
  it('shows the secret once; later reads show only the prefix, and the store keeps only a SHA-256 hash', async () => {
    const { keys, members } = hub.fixtures;
    const created = await hub.gql(CREATE, { i: { name: 'deploy bot', scopes: ['READ'] } }, keys.companyADev);
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(/^maru_[A-Za-z0-9_-]{40,}$/);
    expect(apiKey).toMatchObject({
      name: 'deploy bot',
      prefix: secret.slice(0, 12),
      scopes: ['READ'],
      status: 'ACTIVE',
      expiresAt: null,
      member: { email: members.companyADev!.email },
    });

    for (const reader of [keys.companyADev, keys.companyAAdmin, keys.platformAdmin]) {
      const read = await hub.gql(READ_KEY, { id: apiKey.id }, reader);
      expect(read.data.node.prefix).toBe(secret.slice(0, 12));
      expect(JSON.stringify(read)).not.toContain(secret.slice(12));
    }
    const listed = await hub.gql(`{ viewer { apiKeys { nodes { prefix name } } } }`, {}, keys.companyADev);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(12));
    const type = await hub.gql(`{ __type(name: "ApiKey") { fields { name } } }`, {}, keys.companyADev);
    const fields = type.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toContain('prefix');
    expect(fields).not.toContain('secret');
    expect(fields).not.toContain('hash');

    const stored = (await storedTables(hub).apiKeys.findOne({ _id: rawId(apiKey.id) }))!;
    expect(stored.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));
  });

  it('the new key works as a Bearer token for its member', async () => {
    const { keys, members } = hub.fixtures;
    const { secret } = await createKey(keys.companyADev!, { scopes: ['READ'] });
    const res = await hub.gql(`{ viewer { email organization { slug } } }`, {}, secret);
    expect(res).toEqual({
      data: { viewer: { email: members.companyADev!.email, organization: { slug: 'company-a' } } },
    });
  });

  it('refuses an expiresAt in the past with BAD_USER_INPUT naming input.expiresAt', async () => {
    const res = await expectRefused('BAD_USER_INPUT', () =>
      hub.gql(
        CREATE,
        { i: { name: 'late', scopes: ['READ'], expiresAt: '2020-01-01T00:00:00Z' } },
        hub.fixtures.keys.companyADev,
      ),
    );
    expect(res.errors?.[0]?.extensions?.field).toBe('input.expiresAt');
    expect(res.errors?.[0]?.message).toMatch(/future/);
  });
});

describe('scopes', () => {
  it('a READ-only key reads but cannot run any mutation: FORBIDDEN naming the missing scope', async () => {
    const { keys, companyA, members } = hub.fixtures;
    const { secret: readKey, id } = await createKey(keys.companyAAdmin!, { scopes: ['READ'] });
    const reads = await hub.gql(
      `query($o: ID!) { organization(id: $o) { members { totalCount } } }`,
      { o: gid('Organization', companyA) },
      readKey,
    );
    expect(reads.data.organization.members.totalCount).toBe(2);

    const mutations: Array<[string, Record<string, unknown>]> = [
      [
        `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "Renamed" }) { organization { id } } }`,
        { o: gid('Organization', companyA) },
      ],
      [
        `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "N", email: "n@a.example", roles: [DEVELOPER] }) { member { id } } }`,
        { o: gid('Organization', companyA) },
      ],
      [`mutation($m: ID!) { disableMember(id: $m) { member { id } } }`, { m: gid('Member', members.companyADev!) }],
      [`mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }`, {}],
      [`mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { id } } }`, { k: id }],
    ];
    for (const [query, variables] of mutations) {
      const res = await expectRefused('FORBIDDEN', () => hub.gql(query, variables, readKey));
      expect(res.errors?.[0]?.message).toMatch(/lacks the ADMIN scope/);
    }
  });

  it('a key cannot create a key with a scope it lacks (no escalation), but can create one with fewer', async () => {
    const { keys } = hub.fixtures;
    const { secret: noWrite } = await createKey(keys.companyAAdmin!, { scopes: ['READ', 'ADMIN'] });
    const escalate = await expectRefused('FORBIDDEN', () =>
      hub.gql(CREATE, { i: { name: 'more', scopes: ['READ', 'WRITE'] } }, noWrite),
    );
    expect(escalate.errors?.[0]?.message).toMatch(/WRITE scope/);
    const forOther = await expectRefused('FORBIDDEN', () =>
      hub.gql(
        CREATE,
        { i: { name: 'more', scopes: ['WRITE'], memberId: gid('Member', hub.fixtures.members.companyADev!) } },
        noWrite,
      ),
    );
    expect(forOther.errors?.[0]?.message).toMatch(/WRITE scope/);

    const { secret: readOnly } = await createKey(keys.companyAAdmin!, { scopes: ['READ'] });
    const fromRead = await expectRefused('FORBIDDEN', () =>
      hub.gql(CREATE, { i: { name: 'admin please', scopes: ['ADMIN'] } }, readOnly),
    );
    expect(fromRead.errors?.[0]?.message).toMatch(/ADMIN scope/);

    const fewer = await hub.gql(CREATE, { i: { name: 'reader', scopes: ['READ'] } }, noWrite);
    expect(fewer.data.createApiKey.apiKey.scopes).toEqual(['READ']);
  });
});

describe('keys that no longer work', () => {
  it('an expired key is UNAUTHENTICATED and shows as EXPIRED — also the moment after it was served from the cache', async () => {
    const { keys } = hub.fixtures;
    const start = Date.now();
    const { secret, id } = await createKey(keys.companyADev!, {
      scopes: ['READ'],
      expiresAt: new Date(start + 10_000).toISOString(),
    });
    expect((await hub.gql(`{ viewer { name } }`, {}, secret)).data.viewer.name).toBe('companyADev');
    expect((await hub.gql(`{ viewer { name } }`, {}, secret)).data.viewer.name).toBe('companyADev');
    // Eleven seconds on: within the viewer cache's time to live, past the key's expiry (checked on every hit).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(start + 11_000);
      const res = await expectRefused('UNAUTHENTICATED', () => hub.gql(`{ viewer { name } }`, {}, secret));
      expect(res.errors?.[0]?.message).toMatch(/expired/);
      expect(res.data ?? null).toBeNull();
      expect((await hub.gql(READ_KEY, { id }, keys.companyAAdmin)).data.node.status).toBe('EXPIRED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a revoked key is UNAUTHENTICATED at once and shows as REVOKED', async () => {
    const { keys } = hub.fixtures;
    const { secret, id } = await createKey(keys.companyADev!, { scopes: ['READ'] });
    const revoked = await hub.gql(
      `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status revokedAt } } }`,
      { k: id },
      keys.companyADev,
    );
    expect(revoked.data.revokeApiKey.apiKey.status).toBe('REVOKED');
    expect(Date.parse(revoked.data.revokeApiKey.apiKey.revokedAt)).toBeLessThanOrEqual(Date.now());

    const res = await expectRefused('UNAUTHENTICATED', () => hub.gql(`{ viewer { name } }`, {}, secret));
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
    expect((await hub.gql(READ_KEY, { id }, keys.companyAAdmin)).data.node).toMatchObject({ status: 'REVOKED' });
  });

  it('no key on a private field or a mutation is UNAUTHENTICATED', async () => {
    const { companyA } = hub.fixtures;
    await expectRefused('UNAUTHENTICATED', () =>
      hub.gql(`query($o: ID!) { organization(id: $o) { members { totalCount } } }`, {
        o: gid('Organization', companyA),
      }),
    );
    await expectRefused('UNAUTHENTICATED', () =>
      hub.gql(`mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }`),
    );
  });

  it('a malformed, unknown or non-Bearer credential is UNAUTHENTICATED, even on public fields — never a silent anonymous', async () => {
    const publicQuery = `{ organizations { totalCount } }`;
    for (const key of ['nonsense', `maru_${'x'.repeat(40)}`]) {
      const res = await expectRefused('UNAUTHENTICATED', () => hub.gql(publicQuery, {}, key));
      expect(res.data ?? null).toBeNull();
    }
    const basic = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${hub.fixtures.keys.platformAdmin}` },
      body: JSON.stringify({ query: publicQuery }),
    });
    const body = (await basic.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('use and revocation', () => {
  it('records lastUsedAt when a key is used', async () => {
    const { keys } = hub.fixtures;
    const { secret, id } = await createKey(keys.companyADev!, { scopes: ['READ'] });
    expect((await hub.gql(READ_KEY, { id }, keys.companyAAdmin)).data.node.lastUsedAt).toBeNull();
    const before = Date.now();
    await hub.gql(`{ viewer { name } }`, {}, secret);
    const lastUsedAt = Date.parse((await hub.gql(READ_KEY, { id }, keys.companyAAdmin)).data.node.lastUsedAt);
    expect(lastUsedAt).toBeGreaterThanOrEqual(before);
    expect(lastUsedAt).toBeLessThanOrEqual(Date.now());
  });

  it('a developer revokes their own key but not a colleague’s; an admin revokes a colleague’s', async () => {
    const { keys, companyA } = hub.fixtures;
    const added = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "Dev Two", email: "dev2@a.example", roles: [DEVELOPER] }) { member { id } } }`,
      { o: gid('Organization', companyA) },
      keys.companyAAdmin,
    );
    const colleague = await createKey(keys.companyAAdmin!, {
      scopes: ['READ'],
      memberId: added.data.addMember.member.id,
    });
    const own = await createKey(keys.companyADev!, { scopes: ['READ'] });
    const revoke = `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status member { name } } } }`;

    const mine = await hub.gql(revoke, { k: own.id }, keys.companyADev);
    expect(mine.data.revokeApiKey.apiKey).toEqual({ status: 'REVOKED', member: { name: 'companyADev' } });

    const theirs = await expectRefused('FORBIDDEN', () => hub.gql(revoke, { k: colleague.id }, keys.companyADev));
    expect(theirs.errors?.[0]?.message).toMatch(/key's member or an admin/);
    expect((await hub.gql(`{ viewer { name } }`, {}, colleague.secret)).data.viewer.name).toBe('Dev Two');

    const byAdmin = await hub.gql(revoke, { k: colleague.id }, keys.companyAAdmin);
    expect(byAdmin.data.revokeApiKey.apiKey).toEqual({ status: 'REVOKED', member: { name: 'Dev Two' } });
    expect((await hub.gql(`{ viewer { name } }`, {}, colleague.secret)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
