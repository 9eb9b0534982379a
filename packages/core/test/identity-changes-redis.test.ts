/**
 * Two hubs in one process on one store (a SQLite file opened twice) and one real Redis: a key revoked, a member
 * disabled or given a lesser role on hub A is refused on hub B at its next request, also when B had the viewer cached;
 * while Redis is away B reads the store for every request (still right), and caches again once Redis is back.
 */
import { redisAvailable, startTestRedis, type TestRedis } from '@maru/devtools/test-support/redis';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { expectRefused } from '../src/testing/expect-refused.js';
import { createTestHub, snapshotDomain, storedTables, type TestHub } from '../src/testing/test-hub.js';

const VIEWER = '{ viewer { name roles } }';
const UPDATE_ORG = `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "changed" }) { organization { id } } }`;
const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

async function until<T>(what: string, probe: () => Promise<T | null | false> | T | null | false, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(redisAvailable('identity changes through Redis'))('a revocation on one hub reaches the others', () => {
  let redis: TestRedis;
  let probe: Redis;
  let dir: string;
  let a: TestHub;
  let b: TestHub;

  /** Whether B answered this key from its cache: no read of the key from the store. */
  const servedFromCache = async (secret: string) => {
    const reads = vi.spyOn(storedTables(b).apiKeys, 'findOne');
    try {
      const res = await b.gql(VIEWER, {}, secret);
      expect(res.errors).toBeUndefined();
      return reads.mock.calls.length === 0;
    } finally {
      reads.mockRestore();
    }
  };
  const bothSubscribed = () =>
    until(
      'both hubs subscribed to identity changes',
      async () => ((await probe.pubsub('NUMSUB', 'id:identity')) as [string, number])[1] >= 2,
    );

  beforeAll(async () => {
    redis = await startTestRedis();
    probe = new Redis(redis.url);
    probe.on('error', () => {}); // Redis is stopped on purpose below.
    dir = mkdtempSync(join(tmpdir(), 'maru-identity-changes-'));
    const options = { redis: { url: redis.url, prefix: 'id' }, rateLimit: false as const };
    a = await createTestHub({ store: createSqliteStore({ dataDir: dir }), ...options });
    b = await createTestHub({ store: createSqliteStore({ dataDir: dir }), ...options });
    await until('both hubs reach Redis', () => a.redisStatus() === 'ready' && b.redisStatus() === 'ready');
    await bothSubscribed();
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    probe?.disconnect();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('refuses on B, at its next request, a key revoked on A that B was serving from its cache', async () => {
    const dev = a.fixtures.members.companyADev!;
    const { apiKey, secret } = await a.services.apiKeys.issue(dev, 'ci', ['READ', 'WRITE'], null);
    expect(await servedFromCache(secret)).toBe(false);
    expect(await servedFromCache(secret)).toBe(true);

    const revoked = await a.gql(
      `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status } } }`,
      { k: gid('ApiKey', apiKey) },
      a.fixtures.keys.companyAAdmin,
    );
    expect(revoked.data.revokeApiKey.apiKey.status).toBe('REVOKED');
    // No sleep: the announcement was published before A answered; B hears it before its next request is answered
    // only if the message has arrived, so wait for that one message at most, not for a time to live.
    await until('B forgot the key', async () => (await b.gql(VIEWER, {}, secret)).errors !== undefined, 2_000);
    const res = await expectRefused(b, 'UNAUTHENTICATED', () => b.gql(VIEWER, {}, secret));
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
    const pending = b.services.audit.pendingAnonymousRefusals();
    await expectRefused(b, 'UNAUTHENTICATED', () =>
      b.gql(UPDATE_ORG, { o: gid('Organization', b.fixtures.companyA) }, secret),
    );
    expect(b.services.audit.pendingAnonymousRefusals()).toBe(pending + 1);
    expect(await b.services.audit.countEvents({ action: 'organization.update', actorMemberId: dev._id })).toBe(0);
  });

  it('takes away on B at once what a member lost on A: an admin role, then the member altogether', async () => {
    const { keys, members, companyB } = a.fixtures;
    const admin = members.companyBAdmin!;
    expect(await servedFromCache(keys.companyBAdmin!)).toBe(false);
    expect(await servedFromCache(keys.companyBAdmin!)).toBe(true);

    const lowered = await a.gql(
      `mutation($m: ID!) { updateMember(id: $m, input: { roles: [DEVELOPER] }) { member { roles } } }`,
      { m: gid('Member', admin) },
      keys.platformAdmin,
    );
    expect(lowered.data.updateMember.member.roles).toEqual(['DEVELOPER']);
    await until('B sees the lesser role', async () => {
      const res = await b.gql(VIEWER, {}, keys.companyBAdmin);
      return res.data?.viewer.roles[0] === 'DEVELOPER';
    });
    await expectRefused(b, 'FORBIDDEN', () =>
      b.gql(UPDATE_ORG, { o: gid('Organization', companyB) }, keys.companyBAdmin),
    );
    const events = await b.services.audit.eventsMatching({ action: 'organization.update' });
    expect(events.map((e) => [e.outcome, e.actorMemberId])).toEqual([['FORBIDDEN', admin._id]]);

    expect(await servedFromCache(keys.companyBAdmin!)).toBe(true);
    const disabled = await a.gql(
      `mutation($m: ID!) { disableMember(id: $m) { member { status } } }`,
      { m: gid('Member', admin) },
      keys.platformAdmin,
    );
    expect(disabled.data.disableMember.member.status).toBe('DISABLED');
    await until('B refuses the disabled member', async () => {
      const res = await b.gql(VIEWER, {}, keys.companyBAdmin);
      return res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
    });
  });

  it('ends on B, at its next request, a browser session signed out on A that B was serving from its cache', async () => {
    const { session, token } = await a.services.sessions.start(a.fixtures.members.divisionAdmin!._id);
    const browse = () =>
      b.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `maru_session=${token}`,
          'x-maru-csrf': session.csrfToken,
        },
        body: JSON.stringify({ query: VIEWER }),
      });
    expect((await (await browse()).json()).data.viewer.name).toBe('divisionAdmin');
    const reads = vi.spyOn(b.store.collection('sessions'), 'findOne');
    expect((await (await browse()).json()).data.viewer.name).toBe('divisionAdmin');
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    expect(await a.services.sessions.end(token)).not.toBeNull();
    const before = await snapshotDomain(b);
    const refused = await browse();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('SESSION_EXPIRED');
    expect(await snapshotDomain(b)).toBe(before);
  });

  it('reads the store for every request while Redis is away, and caches again once it is back', async () => {
    const dev = a.fixtures.members.bureauManager!;
    const { apiKey, secret } = await a.services.apiKeys.issue(dev, 'ci', ['READ'], null);
    expect(await servedFromCache(secret)).toBe(false);
    expect(await servedFromCache(secret)).toBe(true);

    await redis.stop();
    await until('B knows Redis is away', () => b.redisStatus() === 'unavailable');
    // B cannot hear A now: no answer from the cache, each request reads the key (and is still answered).
    expect(await servedFromCache(secret)).toBe(false);
    expect(await servedFromCache(secret)).toBe(false);
    // A revocation while Redis is away: A cannot announce it, and B still refuses the key at once.
    const revoked = await a.gql(
      `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status } } }`,
      { k: gid('ApiKey', apiKey) },
      a.fixtures.keys.bureauManager,
    );
    expect(revoked.data.revokeApiKey.apiKey.status).toBe('REVOKED');
    await expectRefused(b, 'UNAUTHENTICATED', () => b.gql(VIEWER, {}, secret));

    await redis.start();
    await until('both hubs back on Redis', () => a.redisStatus() === 'ready' && b.redisStatus() === 'ready');
    await bothSubscribed();
    const other = (await a.services.apiKeys.issue(dev, 'after', ['READ'], null)).secret;
    await until('B caches again', async () => (await servedFromCache(other)) && (await servedFromCache(other)));
    await expectRefused(b, 'UNAUTHENTICATED', () => b.gql(VIEWER, {}, secret));
  }, 60_000);
});
