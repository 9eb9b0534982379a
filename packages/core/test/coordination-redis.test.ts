/**
 * Two hubs in one process on one store (a SQLite file opened twice) and one real Redis: what the coordination module
 * promises between them — events, one rate limit, cached answers fresh per entity type, plugin changes — and what
 * happens while Redis is away and after it comes back. (The hub package's several-hubs test runs the same through
 * hub processes on FerretDB.)
 */
import { redisAvailable, startTestRedis, type TestRedis } from '@maru/devtools/test-support/redis';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGlobalId } from '../src/graphql/global-id.js';
import { bundledFixture } from '../src/plugins/fixtures/bundle-fixture.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { createTestHub, storedTables, type TestHub } from '../src/testing/test-hub.js';

const PLUGIN = '@maru-test/misbehaving';
const LIST = '{ challenges(first: 50) { nodes { title } } }';
const ORGS = '{ organizations(first: 5) { nodes { slug } } }';

async function until<T>(what: string, probe: () => Promise<T | null | false> | T | null | false, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function post(hub: TestHub, query: string, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await hub.fetch('http://hub.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    cache: response.headers.get('x-maru-cache'),
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> },
  };
}

/** An anonymous subscription over server-sent events, read as it arrives. */
function subscribe(hub: TestHub, query: string) {
  const events: any[] = [];
  const abort = new AbortController();
  void (async () => {
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
      signal: abort.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data:'));
        if (data && data.length > 6) events.push({ at: performance.now(), ...JSON.parse(data.slice(5)).data });
      }
    }
  })().catch(() => {});
  // Aborting ends yoga's side of the subscription; the read loop is left to end with the hub.
  return { events, close: () => abort.abort() };
}

describe.runIf(redisAvailable('coordination through Redis'))('two hubs sharing one Redis', () => {
  let redis: TestRedis;
  let probe: Redis;
  let dir: string;
  let a: TestHub;
  let b: TestHub;
  const hubs: TestHub[] = [];
  const streams: Array<{ close(): void }> = [];

  const twoHubs = async (prefix: string, options: Parameters<typeof createTestHub>[0] = {}, shared = true) => {
    const store = () => (shared ? createSqliteStore({ dataDir: dir }) : createSqliteStore({ dataDir: ':memory:' }));
    const fixture = bundledFixture('test-plugin.mjs');
    const hubOptions = {
      redis: { url: redis.url, prefix },
      plugins: [{ entry: fixture, capabilities: [] }],
      pluginOptions: { allowUnsigned: true, deadlineMs: 2_000 },
      responseCache: { ttlMs: 600_000 },
      ...options,
    };
    const first = await createTestHub({ store: store(), ...hubOptions });
    const second = await createTestHub({ store: store(), ...hubOptions });
    hubs.push(first, second);
    await until('both hubs reach Redis', () => first.redisStatus() === 'ready' && second.redisStatus() === 'ready');
    return [first, second] as const;
  };

  const publishChallenge = async (hub: TestHub, title: string) => {
    const { keys, bureau } = hub.fixtures;
    const created = await hub.gql(
      'mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }',
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title,
          summary: 'Posted by the coordination test',
          type: 'PROTOTYPE',
          tags: ['test'],
          criteria: [{ key: 'fit', name: 'Fit', weight: 100 }],
          submissionDeadline: '2099-02-01T00:00:00Z',
          evaluationEnd: '2099-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createChallenge.challenge.id as string;
    const published = await hub.gql(
      'mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }',
      { id },
      keys.bureauManager,
    );
    expect(published.errors).toBeUndefined();
    return id;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    probe = new Redis(redis.url);
    probe.on('error', () => {}); // Redis is stopped on purpose below.
    dir = mkdtempSync(join(tmpdir(), 'maru-coordination-'));
    [a, b] = await twoHubs('one');
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const hub of hubs) await hub.close();
    probe?.disconnect();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('delivers an event published through A to a subscriber on B', async () => {
    const onB = subscribe(b, 'subscription { challengeEvents { kind challengeId } }');
    streams.push(onB);
    // Pub/sub keeps nothing: wait until B's subscription is in Redis before publishing.
    await until(
      'B subscribed',
      async () => ((await probe.pubsub('NUMSUB', 'one:events:challenge')) as [string, number])[1] >= 1,
    );
    const sent = performance.now();
    const id = await publishChallenge(a, 'Heard on B');
    const event = await until('the event on B', () => onB.events.find((e) => e.challengeEvents.challengeId === id));
    expect(event.challengeEvents.kind).toBe('PUBLISHED');
    console.info(
      `[coordination] publish through A → event on B: ${Math.round(event.at - sent)} ms (mutations included)`,
    );
  });

  it('keeps answers on B fresh right after a write through A, per entity type: organizations stay cached', async () => {
    for (const query of [LIST, ORGS]) {
      expect((await post(b, query)).cache).toBe('MISS');
      expect((await post(b, query)).cache).toBe('HIT');
    }
    await publishChallenge(a, 'Written through A');
    // No sleep: the write's generation reached Redis before A answered.
    const list = await post(b, LIST);
    expect(list.cache).toBe('MISS');
    expect(list.body.data.challenges.nodes.map((c: { title: string }) => c.title)).toContain('Written through A');
    const find = vi.spyOn(storedTables(b).organizations, 'find');
    const started = performance.now();
    const rounds = 200;
    for (let i = 0; i < rounds; i++) expect((await post(b, ORGS)).cache).toBe('HIT');
    console.info(
      `[coordination] a cached answer on B with its HMGET: ${((performance.now() - started) / rounds).toFixed(3)} ms a request`,
    );
    expect(find).not.toHaveBeenCalled();
    find.mockRestore();
  });

  it('brings a plugin disabled or enabled through A into B’s typed schema within seconds', async () => {
    const sandbox = (
      await b.services.apiKeys.issue(b.fixtures.members.companyADev!, 'sandbox', ['READ', 'WRITE'], null, 'TEST')
    ).secret;
    const echo = () => b.gql('{ call { misbehaving { echo(input: { text: "x" }) { text } } } }', {}, sandbox);
    expect((await echo()).data?.call.misbehaving.echo).toEqual({ text: 'x' });
    const admin = (mutation: string) => a.gql(mutation, { n: PLUGIN }, a.fixtures.keys.platformAdmin);
    let sent = performance.now();
    expect(
      (await admin('mutation($n: String!) { disablePlugin(name: $n) { status } }')).data.disablePlugin.status,
    ).toBe('DISABLED');
    await until(
      'the field gone on B',
      async () => (await echo()).errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED',
    );
    console.info(`[coordination] disable through A → gone from B's schema: ${Math.round(performance.now() - sent)} ms`);
    sent = performance.now();
    expect((await admin('mutation($n: String!) { enablePlugin(name: $n) { status } }')).data.enablePlugin.status).toBe(
      'ENABLED',
    );
    await until('the field back on B', async () => (await echo()).data?.call?.misbehaving?.echo?.text === 'x');
    console.info(`[coordination] enable through A → back in B's schema: ${Math.round(performance.now() - sent)} ms`);
  });

  it('counts one rate limit across both hubs: 10 of 12 requests answered, 2 RATE_LIMITED with retryAfter', async () => {
    // Hubs of their own (their own stores), limited to 10 a minute: anonymous in-process callers are one caller.
    const [c, d] = await twoHubs('rate', { rateLimit: { windowMs: 60_000, max: 10 } }, false);
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await post(i % 2 ? d : c, ORGS));
    expect(answers.filter((r) => r.status === 200 && r.body.data)).toHaveLength(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
  });

  it('keeps answering while Redis is away: no cached answers, rate limits per hub, a new hub starts; all resume after', async () => {
    const c = hubs[2]!;
    const onB = subscribe(b, 'subscription { challengeEvents { kind challengeId } }');
    streams.push(onB);
    expect((await post(b, LIST)).cache).toMatch(/MISS|HIT/);
    expect((await post(b, LIST)).cache).toBe('HIT');
    await redis.stop();
    await until(
      'both hubs see Redis gone',
      () => a.redisStatus() === 'unavailable' && b.redisStatus() === 'unavailable',
    );

    // Answered, from the store: the cache cannot tell what other hubs changed, so it is neither read nor filled.
    for (let i = 0; i < 2; i++) {
      const res = await post(b, LIST);
      expect([res.status, res.cache]).toEqual([200, 'BYPASS']);
    }
    // The rate-limited hub that refused before now counts on its own (the insurance limiter) and answers.
    expect((await post(c, ORGS)).status).toBe(200);
    // A write through A while Redis is away: B must not serve its old answer once Redis is back.
    await publishChallenge(a, 'Written while Redis was away');
    // A hub started now starts, and answers; it says once that Redis is away, not once per reconnection attempt.
    const said: string[] = [];
    const logger = {
      debug() {},
      info: (_fields: object, message?: string) => void said.push(`info: ${message}`),
      warn: (_fields: object, message?: string) => void said.push(`warn: ${message}`),
      error: (_fields: object, message?: string) => void said.push(`error: ${message}`),
      child: () => logger,
    };
    const late = await createTestHub({
      store: createSqliteStore({ dataDir: dir }),
      redis: { url: redis.url, prefix: 'one' },
      logger,
    });
    hubs.push(late);
    expect(late.redisStatus()).toBe('unavailable');
    const fromLate = await post(late, LIST);
    expect([fromLate.status, fromLate.cache]).toEqual([200, 'BYPASS']);

    // Several reconnection attempts (100 ms, 200 ms, …) pass.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await redis.start();
    await until('hubs reconnected', () => [a, b, late].every((hub) => hub.redisStatus() === 'ready'));
    expect(said.filter((line) => line.includes('Redis'))).toEqual([
      expect.stringMatching(/^warn: Redis cannot be reached/),
      expect.stringMatching(/^info: Redis connected/),
    ]);
    const list = await post(b, LIST);
    expect(list.cache).toBe('MISS');
    expect(list.body.data.challenges.nodes.map((n: { title: string }) => n.title)).toContain(
      'Written while Redis was away',
    );
    expect((await post(b, LIST)).cache).toBe('HIT');
    // Subscriptions resume: ioredis subscribes again. Publish until B's stream hears one (pub/sub keeps nothing
    // while a hub is still reconnecting).
    const ids: string[] = [];
    await until('B hears from A again', async () => {
      if (onB.events.some((e) => ids.includes(e.challengeEvents.challengeId))) return true;
      ids.push(await publishChallenge(a, `After the restart ${ids.length}`));
      return false;
    });
  }, 60_000);
});
