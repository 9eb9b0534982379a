import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, snapshotDomain, storedTables, type TestHub } from '../testing/test-hub.js';
import type { Session } from './session-service.js';
import type { Viewer } from './viewer.js';
import { ViewerCache, type IdentityChange, type IdentityChangeFeed } from './viewer-cache.js';

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);
const VIEWER = `{ viewer { name roles organization { name } } }`;
const UPDATE_ORG = `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "changed" }) { organization { id } } }`;
const REVOKE_KEY = `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status } } }`;

function viewerOf(keyId: string, memberId: string, organizationId: string): Viewer {
  return {
    member: { _id: memberId, organizationId } as Viewer['member'],
    organization: { _id: organizationId } as Viewer['organization'],
    apiKey: { _id: keyId, memberId, organizationId } as Viewer['apiKey'],
  };
}

describe('ViewerCache', () => {
  let now = 0;
  const clock = () => now;
  const put = (cache: ViewerCache, hash: string, viewer: Viewer) =>
    cache.set(hash, { viewer, session: null }, cache.mark());

  it('forgets by key, member and organization — only the viewers built from that record', async () => {
    const cache = new ViewerCache({ clock });
    put(cache, 'a', viewerOf('k1', 'm1', 'o1'));
    put(cache, 'b', viewerOf('k2', 'm1', 'o1'));
    put(cache, 'c', viewerOf('k3', 'm2', 'o1'));
    put(cache, 'd', viewerOf('k4', 'm3', 'o2'));
    await cache.forget({ keyId: 'k1' });
    expect([cache.get('a'), !!cache.get('b')]).toEqual([undefined, true]);
    await cache.forget({ memberId: 'm1' });
    expect([cache.get('b'), !!cache.get('c')]).toEqual([undefined, true]);
    await cache.forget({ organizationId: 'o1' });
    expect([cache.get('c'), !!cache.get('d')]).toEqual([undefined, true]);
    await cache.forget({ sessionId: 'k4' });
    expect(cache.size).toBe(0);
  });

  it('serves an entry for its time to live only, and keeps at most maxEntries, the least recently used going first', () => {
    const cache = new ViewerCache({ clock, ttlMs: 1_000, maxEntries: 2 });
    put(cache, 'a', viewerOf('k1', 'm1', 'o1'));
    put(cache, 'b', viewerOf('k2', 'm2', 'o1'));
    expect(cache.get('a')).toBeDefined(); // now `b` is the least recently used
    put(cache, 'c', viewerOf('k3', 'm3', 'o1'));
    expect([!!cache.get('a'), cache.get('b'), !!cache.get('c')]).toEqual([true, undefined, true]);
    now += 1_000;
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([undefined, undefined, 0]);
  });

  it('does not keep a store read that began before a forget (it may hold what was just forgotten)', async () => {
    const cache = new ViewerCache({ clock });
    const mark = cache.mark();
    await cache.forget({ keyId: 'k1' }); // the revocation lands while the read is under way
    cache.set('a', { viewer: viewerOf('k1', 'm1', 'o1'), session: null }, mark);
    expect(cache.get('a')).toBeUndefined();
  });

  it('with several hubs: announces its forgets, follows the others’, and serves nothing while it cannot hear them', async () => {
    let hearing = true;
    let follower: (change: IdentityChange | null) => void = () => {};
    const announced: IdentityChange[] = [];
    const feed: IdentityChangeFeed = {
      announce: (change) => void announced.push(change),
      follow: (listener) => (follower = listener),
      hearing: () => hearing,
    };
    const cache = new ViewerCache({ clock, feed });
    put(cache, 'a', viewerOf('k1', 'm1', 'o1'));
    put(cache, 'b', viewerOf('k2', 'm2', 'o1'));
    await cache.forget({ memberId: 'm9' });
    expect(announced).toEqual([{ memberId: 'm9' }]);
    follower({ keyId: 'k1' });
    expect([cache.get('a'), !!cache.get('b')]).toEqual([undefined, true]);
    expect(announced).toHaveLength(1); // another hub's change is not announced again

    hearing = false;
    expect(cache.get('b')).toBeUndefined();
    put(cache, 'c', viewerOf('k3', 'm3', 'o1'));
    expect(cache.size).toBe(0);
    hearing = true;
    put(cache, 'c', viewerOf('k3', 'm3', 'o1'));
    follower(null); // subscribed again: changes may have been missed
    expect(cache.size).toBe(0);
  });
});

describe('a hub’s viewer cache', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    await hub.close();
  });

  it('serves a known key from the cache, and refuses it on the very next request once revoked', async () => {
    const { keys, members } = hub.fixtures;
    const { apiKey, secret } = await hub.services.apiKeys.issue(members.companyADev!, 'ci', ['READ', 'WRITE'], null);
    expect((await hub.gql(VIEWER, {}, secret)).data.viewer.name).toBe('companyADev');
    const reads = vi.spyOn(storedTables(hub).apiKeys, 'findOne');
    expect((await hub.gql(VIEWER, {}, secret)).data.viewer.name).toBe('companyADev');
    expect(reads).not.toHaveBeenCalled();

    const revoked = await hub.gql(REVOKE_KEY, { k: gid('ApiKey', apiKey) }, keys.companyAAdmin);
    expect(revoked.data.revokeApiKey.apiKey.status).toBe('REVOKED');
    const res = await expectRefused(hub, 'UNAUTHENTICATED', () => hub.gql(VIEWER, {}, secret));
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
    // A mutation with it is refused as nobody's: counted per address, never on the trail as the key's member.
    const pending = hub.services.audit.pendingAnonymousRefusals();
    await expectRefused(hub, 'UNAUTHENTICATED', () =>
      hub.gql(UPDATE_ORG, { o: gid('Organization', hub.fixtures.companyA) }, secret),
    );
    expect(hub.services.audit.pendingAnonymousRefusals()).toBe(pending + 1);
    expect(await hub.services.audit.countEvents({ action: 'organization.update' })).toBe(0);
  });

  it('takes an admin role away at once: the member’s cached key is FORBIDDEN what it did a moment ago', async () => {
    const { keys, members, companyA } = hub.fixtures;
    const admin = members.companyAAdmin!;
    expect((await hub.gql(VIEWER, {}, keys.companyAAdmin)).data.viewer.roles).toEqual(['COMPANY_ADMIN']);
    const lowered = await hub.gql(
      `mutation($m: ID!) { updateMember(id: $m, input: { roles: [DEVELOPER] }) { member { roles } } }`,
      { m: gid('Member', admin) },
      keys.platformAdmin,
    );
    expect(lowered.data.updateMember.member.roles).toEqual(['DEVELOPER']);
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(UPDATE_ORG, { o: gid('Organization', companyA) }, keys.companyAAdmin),
    );
    const events = await hub.services.audit.eventsMatching({ action: 'organization.update' });
    expect(events.map((e) => [e.outcome, e.actorMemberId])).toEqual([['FORBIDDEN', admin._id]]);
  });

  it('shows an organization’s change to its members’ cached viewers at once', async () => {
    const { keys, companyA } = hub.fixtures;
    expect((await hub.gql(VIEWER, {}, keys.companyADev)).data.viewer.organization.name).toBe(companyA.name);
    const renamed = await hub.gql(
      `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "Renamed Co" }) { organization { name } } }`,
      { o: gid('Organization', companyA) },
      keys.companyAAdmin,
    );
    expect(renamed.errors).toBeUndefined();
    expect((await hub.gql(VIEWER, {}, keys.companyADev)).data.viewer.organization.name).toBe('Renamed Co');
  });

  it('never caches an unknown key: each attempt reads the store and is refused', async () => {
    const unknown = `maru_${'u'.repeat(40)}`;
    const reads = vi.spyOn(storedTables(hub).apiKeys, 'findOne');
    for (let i = 0; i < 3; i++) await expectRefused(hub, 'UNAUTHENTICATED', () => hub.gql(VIEWER, {}, unknown));
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it('still stamps a key’s last use once a minute, also when the request is served from the cache', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    vi.setSystemTime(t0);
    const { apiKey, secret } = await hub.services.apiKeys.issue(
      hub.fixtures.members.companyADev!,
      'ci',
      ['READ'],
      null,
    );
    const lastUsed = async () => (await storedTables(hub).apiKeys.findOne({ _id: apiKey._id }))!.lastUsedAt;
    await hub.gql(VIEWER, {}, secret);
    expect(await lastUsed()).toBe(new Date(t0).toISOString());
    vi.setSystemTime(t0 + 40_000); // the cached viewer has lived out its 30 s: read again, not stamped
    await hub.gql(VIEWER, {}, secret);
    expect(await lastUsed()).toBe(new Date(t0).toISOString());
    vi.setSystemTime(t0 + 61_000);
    const reads = vi.spyOn(storedTables(hub).apiKeys, 'findOne');
    await hub.gql(VIEWER, {}, secret);
    expect(reads).not.toHaveBeenCalled(); // a hit
    reads.mockRestore();
    expect(await lastUsed()).toBe(new Date(t0 + 61_000).toISOString());
  });

  it('ends a cached browser session at once when it is revoked, and refuses a wrong CSRF header on a hit', async () => {
    const dev = hub.fixtures.members.companyADev!;
    const { session, token } = await hub.services.sessions.start(dev._id);
    const browse = (csrf: string) =>
      hub.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `maru_session=${token}`, 'x-maru-csrf': csrf },
        body: JSON.stringify({ query: VIEWER }),
      });
    expect((await (await browse(session.csrfToken)).json()).data.viewer.name).toBe('companyADev');
    const reads = vi.spyOn(hub.store.collection<Session>('sessions'), 'findOne');
    expect((await (await browse(session.csrfToken)).json()).data.viewer.name).toBe('companyADev');
    expect(reads).not.toHaveBeenCalled();
    const forged = await (await browse('x'.repeat(43))).json();
    expect(forged.errors[0].extensions.code).toBe('CSRF_TOKEN_INVALID');

    const revoked = await hub.gql(
      `mutation($s: ID!) { revokeSession(id: $s) }`,
      { s: gid('MemberSession', session) },
      hub.fixtures.keys.companyADev,
    );
    expect(revoked.data.revokeSession).toBe(true);
    const before = await snapshotDomain(hub);
    const refused = await browse(session.csrfToken);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('SESSION_EXPIRED');
    expect(await snapshotDomain(hub)).toBe(before);
  });
});
