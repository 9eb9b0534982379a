import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused } from '../testing/expect-refused.js';
import {
  createTestHub,
  snapshotDomain,
  storedTables,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import { createMongoStore } from '../store/mongodb/mongo-store.js';
import { dropDatabase, mongoTestUri } from '../store/mongodb/mongo-test-target.js';
import type { Store } from '../store/port.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Session } from './session-service.js';

let now = Date.parse('2026-03-02T09:00:00Z');
let hub: TestHub;
let mongoUri: string | null = null;

/**
 * SQLite in memory; with MONGODB_URI set (`with-ferretdb.sh`), a MongoDB database of its own per test, so the
 * sessions' finds, updates and unique token index are checked on both stores.
 */
async function openStore(): Promise<Store> {
  if (!process.env.MONGODB_URI) return createSqliteStore({ dataDir: ':memory:' });
  mongoUri = mongoTestUri('identity_sessions');
  return createMongoStore({ uri: mongoUri! });
}

beforeEach(async () => {
  now = Date.parse('2026-03-02T09:00:00Z');
  hub = await createTestHub({
    store: await openStore(),
    clock: () => now,
    features: { demoLogin: false, signIn: { oidc: { providerName: '행정 SSO' } } },
    sessions: { idleMs: 60 * 60_000, absoluteMs: 24 * 3600_000 },
  });
});
afterEach(async () => {
  await hub.close();
  if (mongoUri) await dropDatabase(mongoUri);
  mongoUri = null;
});

/** A GraphQL request as a browser with a session sends it. */
async function asBrowser(
  query: string,
  session: { token: string; csrf: string | null },
  init: { contentType?: string; body?: string; authorization?: string; variables?: Record<string, unknown> } = {},
): Promise<{ status: number; body: GraphQLResponse }> {
  const headers: Record<string, string> = {
    'content-type': init.contentType ?? 'application/json',
    accept: 'application/graphql-response+json, application/json',
    cookie: `theme=dark; maru_session=${session.token}; maru_csrf=${session.csrf ?? ''}`,
  };
  if (session.csrf) headers['x-maru-csrf'] = session.csrf;
  if (init.authorization) headers.authorization = init.authorization;
  const response = await hub.fetch('http://hub.test/graphql', {
    method: 'POST',
    headers,
    body: init.body ?? JSON.stringify({ query, variables: init.variables ?? {} }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

async function signIn(handle = 'companyADev') {
  const member = hub.fixtures.members[handle]!;
  const started = await hub.services.sessions.start(member._id, { userAgent: 'Test Browser/1.0' });
  return { token: started.token, csrf: started.session.csrfToken, session: started.session, member };
}

const CREATE_ORG = `mutation { createOrganization(input: { kind: COMPANY, name: "Forged Co", slug: "forged-co" }) { organization { id } } }`;

describe('sessions', () => {
  it('authenticate a browser as the member, with every scope, and list the member their sessions', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(second.token).not.toBe(first.token);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
    // Only the hash is stored.
    const stored = (await hub.store.collection<Session>('sessions').find({})).map((s) => JSON.stringify(s));
    expect(stored.join()).not.toContain(first.token);

    const res = await asBrowser(`{ viewer { email } mySessions { id current userAgent createdAt expiresAt } }`, second);
    expect(res.status).toBe(200);
    expect(res.body.data.viewer.email).toBe('companyadev@test.example');
    expect(res.body.data.mySessions).toHaveLength(2);
    expect(res.body.data.mySessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(res.body.data.mySessions[0].userAgent).toBe('Test Browser/1.0');
    expect(res.body.data.mySessions[0].expiresAt).toBe('2026-03-02T10:00:00.000Z');

    // A session may do what the member may, ADMIN-scoped actions included.
    const key = await asBrowser(
      `mutation { createApiKey(input: { name: "from the portal", scopes: [READ] }) { secret } }`,
      second,
    );
    expect(key.body.errors).toBeUndefined();
  });

  it('refuse a session request without the CSRF header (403 CSRF_TOKEN_INVALID), nothing changed', async () => {
    const s = await signIn('platformAdmin');
    const audits = await hub.services.audit.countEvents();
    const before = await snapshotDomain(hub);
    const missing = await asBrowser(CREATE_ORG, { token: s.token, csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await asBrowser(CREATE_ORG, { token: s.token, csrf: 'x'.repeat(43) });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');
    // Queries too: a cross-site page must not read as the member either.
    const read = await asBrowser(`{ viewer { email } }`, { token: s.token, csrf: null });
    expect(read.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents()).toBe(audits);
  });

  it('refuse form-urlencoded and multipart mutations with a session cookie and no CSRF header', async () => {
    const s = await signIn('platformAdmin');
    const audits = await hub.services.audit.countEvents();
    const before = await snapshotDomain(hub);
    const form = await asBrowser(
      CREATE_ORG,
      { token: s.token, csrf: null },
      {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ query: CREATE_ORG }).toString(),
      },
    );
    expect(form.status).toBe(403);
    expect(form.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');
    const boundary = '----maru';
    const multipart = await asBrowser(
      CREATE_ORG,
      { token: s.token, csrf: null },
      {
        contentType: `multipart/form-data; boundary=${boundary}`,
        body:
          `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n` +
          `${JSON.stringify({ query: CREATE_ORG })}\r\n--${boundary}--\r\n`,
      },
    );
    expect(multipart.status).toBe(403);
    expect(multipart.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents()).toBe(audits);
  });

  it('let an Authorization header win over a session cookie', async () => {
    const res = await asBrowser(
      `{ viewer { email } }`,
      { token: 'not-a-session', csrf: null },
      {
        authorization: `Bearer ${hub.fixtures.keys.bureauAdmin}`,
      },
    );
    expect(res.body.data.viewer.email).toBe('bureauadmin@test.example');
  });

  it('refuse a session cookie from another hub, a revoked, idle or too old session, and a disabled member (401 SESSION_EXPIRED)', async () => {
    const other = await createTestHub();
    const foreign = (await other.services.sessions.start(other.fixtures.members.companyADev!._id)).token;
    await other.close();
    const audits = await hub.services.audit.countEvents();
    const before = await snapshotDomain(hub);
    const res = await asBrowser(CREATE_ORG, { token: foreign, csrf: 'whatever' });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents()).toBe(audits);

    const idle = await signIn();
    now += 61 * 60_000;
    expect((await asBrowser(`{ viewer { email } }`, idle)).body.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');

    // Used every 50 minutes, a session still ends at its absolute limit.
    const busy = await signIn();
    for (let i = 0; i < 28; i++) {
      now += 50 * 60_000;
      expect((await asBrowser(`{ viewer { email } }`, busy)).body.errors).toBeUndefined();
    }
    now += 50 * 60_000;
    expect((await asBrowser(`{ viewer { email } }`, busy)).body.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');

    const revoked = await signIn();
    await hub.services.sessions.end(revoked.token);
    expect((await asBrowser(`{ viewer { email } }`, revoked)).status).toBe(401);

    const disabled = await signIn('companyBDev');
    await storedTables(hub).members.findOneAndUpdate({ _id: disabled.member._id }, { $set: { status: 'DISABLED' } });
    expect((await asBrowser(`{ viewer { email } }`, disabled)).body.errors?.[0]?.extensions?.code).toBe(
      'SESSION_EXPIRED',
    );
  });

  it('record lastSeenAt at most once a minute, and never answer a session request from the cache', async () => {
    const s = await signIn();
    const sessions = hub.store.collection<Session>('sessions');
    now += 30_000;
    await asBrowser(`{ viewer { email } }`, s);
    expect((await sessions.findOne({ _id: s.session._id }))!.lastSeenAt).toBe(s.session.lastSeenAt);
    now += 60_000;
    await asBrowser(`{ viewer { email } }`, s);
    const seen = (await sessions.findOne({ _id: s.session._id }))!;
    expect(seen.lastSeenAt).toBe(new Date(now).toISOString());
    expect(seen.idleExpiresAt).toBe(new Date(now + 60 * 60_000).toISOString());

    const query = `{ organizations(first: 1) { nodes { name } } }`;
    await hub.gql(query);
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `maru_session=${s.token}`, 'x-maru-csrf': s.csrf },
      body: JSON.stringify({ query }),
    });
    expect(response.headers.get('x-maru-cache')).toBeNull();
  });

  it('revoke one session and sign out everywhere, audited; refuse another member', async () => {
    const a = await signIn();
    const b = await signIn();
    const list = await asBrowser(`{ mySessions { id current } }`, a);
    const otherId = list.body.data.mySessions.find((s: { current: boolean }) => !s.current).id;

    const stranger = await signIn('companyBDev');
    const refused = await expectRefused(
      hub,
      'FORBIDDEN',
      async () =>
        (await asBrowser(`mutation($id: ID!) { revokeSession(id: $id) }`, stranger, { variables: { id: otherId } }))
          .body,
    );
    expect(refused.errors?.[0]?.message).toMatch(/session's member/);
    expect(await hub.services.audit.countEvents({ action: 'session.revoke', outcome: 'FORBIDDEN' })).toBe(1);

    const revoked = await asBrowser(`mutation($id: ID!) { revokeSession(id: $id) }`, a, { variables: { id: otherId } });
    expect(revoked.body.data.revokeSession).toBe(true);
    expect((await asBrowser(`{ viewer { email } }`, b)).status).toBe(401);
    expect(await hub.services.audit.countEvents({ action: 'session.revoke', outcome: 'SUCCESS' })).toBe(1);

    await signIn();
    const everywhere = await asBrowser(`mutation { signOutEverywhere }`, a);
    expect(everywhere.body.data.signOutEverywhere).toBe(2);
    expect((await asBrowser(`{ viewer { email } }`, a)).status).toBe(401);
    expect(await hub.services.audit.countEvents({ action: 'session.signOutEverywhere', outcome: 'SUCCESS' })).toBe(1);
    // The stranger's session is theirs.
    expect((await asBrowser(`{ viewer { email } }`, stranger)).status).toBe(200);
  });

  it('refuse a TEST key ending sessions (revokeSession, signOutEverywhere): FORBIDDEN, nothing changed, audited', async () => {
    const a = await signIn();
    const member = hub.fixtures.members.companyADev!;
    const { secret } = await hub.services.apiKeys.issue(member, 'sandbox', ['READ', 'WRITE', 'ADMIN'], null, 'TEST');
    const list = await asBrowser(`{ mySessions { id } }`, a);
    const id = list.body.data.mySessions[0].id;
    for (const [action, query] of [
      ['session.revoke', `mutation { revokeSession(id: "${id}") }`],
      ['session.signOutEverywhere', `mutation { signOutEverywhere }`],
    ] as const) {
      const refused = await expectRefused(hub, 'FORBIDDEN', () => hub.gql(query, {}, secret));
      expect(refused.errors?.[0]?.message).toMatch(/TEST key/);
      expect(await hub.services.audit.countEvents({ action, outcome: 'FORBIDDEN' })).toBe(1);
    }
    expect((await asBrowser(`{ viewer { email } }`, a)).status).toBe(200);
  });

  it('tell anyone how people sign in', async () => {
    const res = await hub.gql(`{ signInOptions { demo oidc { providerName loginPath } } }`);
    expect(res.data.signInOptions).toEqual({
      demo: false,
      oidc: { providerName: '행정 SSO', loginPath: '/auth/login' },
    });
    const plain = await createTestHub({ features: { demoLogin: true } });
    expect((await plain.gql(`{ signInOptions { demo oidc { providerName } } }`)).data.signInOptions).toEqual({
      demo: true,
      oidc: null,
    });
    await plain.close();
    expect((await hub.gql(`{ mySessions { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in matching', () => {
  const claims = (email: string, verified = true) => ({ sub: 'x', email, email_verified: verified });

  it('sign in an active member by verified e-mail: a new session every time, audited', async () => {
    const first = await hub.services.signIn.withClaims(claims('CompanyADev@Test.Example'), 'email', {
      requestId: 'r1',
    });
    expect(first.member._id).toBe(hub.fixtures.members.companyADev!._id);
    const again = await hub.services.signIn.withClaims(claims('companyadev@test.example'), 'email');
    expect(again.token).not.toBe(first.token);
    expect(await hub.services.audit.countEvents({ action: 'auth.signIn', outcome: 'SUCCESS' })).toBe(2);
  });

  it('end the session the browser had when it signs in again (rotation), audited; a refusal ends nothing', async () => {
    const first = await hub.services.signIn.withClaims(claims('companyadev@test.example'), 'email');
    const before = await snapshotDomain(hub);
    await expect(
      hub.services.signIn.withClaims(claims('nobody@test.example'), 'email', { replacing: first.token }),
    ).rejects.toMatchObject({ code: 'SIGN_IN_UNKNOWN_PERSON' });
    expect(await snapshotDomain(hub)).toBe(before);
    const second = await hub.services.signIn.withClaims(claims('companyadev@test.example'), 'email', {
      replacing: first.token,
    });
    expect((await hub.services.sessions.get(first.session._id))?.revokedAt).not.toBeNull();
    expect((await hub.services.sessions.get(second.session._id))?.revokedAt).toBeNull();
    expect(await hub.services.audit.countEvents({ action: 'auth.signOut', targetId: first.session._id })).toBe(1);
    // A demo sign-in rotates too; a token that names no session is ignored.
    const demo = await hub.services.signIn.asDemoMember('companyadev@test.example', { replacing: second.token });
    expect((await hub.services.sessions.get(second.session._id))?.revokedAt).not.toBeNull();
    await hub.services.signIn.asDemoMember('companyadev@test.example', { replacing: 'A'.repeat(43) });
    expect((await hub.services.sessions.get(demo.session._id))?.revokedAt).toBeNull();
  });

  it.each([
    ['an unverified e-mail', claims('companyadev@test.example', false), 'SIGN_IN_EMAIL_UNVERIFIED'],
    ['no e-mail', { sub: 'x' }, 'SIGN_IN_EMAIL_UNVERIFIED'],
    ['an unknown person', claims('nobody@test.example'), 'SIGN_IN_UNKNOWN_PERSON'],
  ])('refuse %s, audited, nothing changed', async (_name, given, code) => {
    const before = await snapshotDomain(hub);
    await expect(hub.services.signIn.withClaims(given, 'email')).rejects.toMatchObject({ code });
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: code })).toBe(1);
    expect(await hub.services.audit.countEvents({ action: 'auth.signIn' })).toBe(0);
  });

  it('refuse an address that only lowercases into a member’s (the Kelvin sign K), audited, nothing changed', async () => {
    const { organization } = await hub.services.organizations.seed({ kind: 'COMPANY', slug: 'kco', name: 'K Co' });
    await hub.services.members.seed({
      organizationId: organization._id,
      name: 'Kim',
      email: 'kim@test.example',
      roles: [],
    });
    // Another mailbox, which the provider may well verify: "\u212Aim".toLowerCase() is "kim".
    const before = await snapshotDomain(hub);
    await expect(hub.services.signIn.withClaims(claims('\u212Aim@test.example'), 'email')).rejects.toMatchObject({
      code: 'SIGN_IN_UNKNOWN_PERSON',
    });
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents({ action: 'auth.signIn' })).toBe(0);
    expect(
      await hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: 'SIGN_IN_UNKNOWN_PERSON' }),
    ).toBe(1);
    // The same person in capitals is still themself.
    expect((await hub.services.signIn.withClaims(claims('KIM@test.example'), 'email')).member.email).toBe(
      'kim@test.example',
    );
  });

  it('refuse a disabled member (MEMBER_DISABLED)', async () => {
    await storedTables(hub).members.findOneAndUpdate(
      { _id: hub.fixtures.members.companyBDev!._id },
      { $set: { status: 'DISABLED' } },
    );
    const before = await snapshotDomain(hub);
    await expect(hub.services.signIn.withClaims(claims('companybdev@test.example'), 'email')).rejects.toMatchObject({
      code: 'MEMBER_DISABLED',
    });
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: 'MEMBER_DISABLED' })).toBe(1);
  });

  it('match by another configured claim without email_verified', async () => {
    const signedIn = await hub.services.signIn.withClaims({ sub: 'x', upn: 'bureauadmin@test.example' }, 'upn');
    expect(signedIn.member._id).toBe(hub.fixtures.members.bureauAdmin!._id);
  });
});
