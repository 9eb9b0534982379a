import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MaruError } from '../errors.js';
import { RateLimiter } from '../graphql/rate-limiter.js';
import { createTestHub, snapshotDomain, storedTables } from '../testing/test-hub.js';
import { createRequestFront } from './request-front.js';

async function post(
  hub: { fetch: (url: string, init: RequestInit) => Promise<Response> },
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await hub.fetch('http://hub.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    cache: response.headers.get('x-maru-cache'),
    body: (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> },
  };
}

const LIST = `{ challenges(first: 50) { nodes { title status agency { name } } } }`;

describe('the response cache in front of the GraphQL endpoint', () => {
  let t: DataTestHub;
  beforeAll(async () => {
    t = await createDataTestHub();
  });
  afterAll(() => t.hub.close());

  it('answers a repeated anonymous query from the cache, without reading the store again', async () => {
    const query = `{ organizations(first: 10) { nodes { name slug } } }`;
    const first = await post(t.hub, query);
    const find = vi.spyOn(storedTables(t.hub).organizations, 'find');
    const second = await post(t.hub, query);
    expect([first.cache, second.cache]).toEqual(['MISS', 'HIT']);
    expect(second.body).toEqual(first.body);
    expect(second.body.data.organizations.nodes.map((o: { slug: string }) => o.slug)).toContain('bureau');
    expect(find).not.toHaveBeenCalled();
    find.mockRestore();
  });

  it('a mutation ends the cached answers: the next anonymous read shows the change', async () => {
    const { keys, bureau } = t.hub.fixtures;
    await post(t.hub, LIST);
    expect((await post(t.hub, LIST)).cache).toBe('HIT');
    const created = await post(
      t.hub,
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Cache-busting shelters',
          summary: 'Find shelters',
          type: 'PROTOTYPE',
          tags: ['safety'],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2099-02-01T00:00:00Z',
          evaluationEnd: '2099-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    // A draft is not public: the anonymous answer is produced again, and still leaves it out.
    const afterDraft = await post(t.hub, LIST);
    expect(afterDraft.cache).toBe('MISS');
    expect(JSON.stringify(afterDraft.body)).not.toContain('Cache-busting shelters');
    await post(
      t.hub,
      `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
      { id: created.body.data.createChallenge.challenge.id },
      keys.bureauManager,
    );
    const afterPublish = await post(t.hub, LIST);
    expect(afterPublish.cache).toBe('MISS');
    expect(afterPublish.body.data.challenges.nodes.map((c: { title: string }) => c.title)).toContain(
      'Cache-busting shelters',
    );
  });

  it('a write ends only the answers that read what it changed: a new challenge leaves cached organizations', async () => {
    const { keys, bureau } = t.hub.fixtures;
    const ORGS = `{ organizations(first: 5) { nodes { slug } } }`;
    await post(t.hub, ORGS);
    await post(t.hub, LIST);
    expect([(await post(t.hub, ORGS)).cache, (await post(t.hub, LIST)).cache]).toEqual(['HIT', 'HIT']);
    const created = await post(
      t.hub,
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Only challenges change',
          summary: 'A draft',
          type: 'PROTOTYPE',
          tags: ['safety'],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2099-02-01T00:00:00Z',
          evaluationEnd: '2099-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    expect(created.body.errors).toBeUndefined();
    const find = vi.spyOn(storedTables(t.hub).organizations, 'find');
    const orgs = await post(t.hub, ORGS);
    expect(orgs.cache).toBe('HIT');
    expect(find).not.toHaveBeenCalled();
    find.mockRestore();
    expect((await post(t.hub, LIST)).cache).toBe('MISS');
  });

  it('never serves or keeps answers for callers with a key: a draft seen by its agency never reaches anonymous callers', async () => {
    const { keys, bureau } = t.hub.fixtures;
    await post(
      t.hub,
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Unpublished idea',
          summary: 'Draft',
          type: 'IDEA',
          tags: [],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2099-02-01T00:00:00Z',
          evaluationEnd: '2099-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const asAgency = await post(t.hub, LIST, {}, keys.bureauManager);
    const again = await post(t.hub, LIST, {}, keys.bureauManager);
    expect([asAgency.cache, again.cache]).toEqual([null, null]);
    expect(JSON.stringify(asAgency.body)).toContain('Unpublished idea');
    const anonymous = await post(t.hub, LIST);
    expect(JSON.stringify(anonymous.body)).not.toContain('Unpublished idea');
    const anonymousAgain = await post(t.hub, LIST);
    expect(anonymousAgain.cache).toBe('HIT');
    expect(JSON.stringify(anonymousAgain.body)).not.toContain('Unpublished idea');
    expect(JSON.stringify((await post(t.hub, LIST, {}, keys.bureauManager)).body)).toContain('Unpublished idea');
  });

  it('runs every data read again, so each one is in the access log', async () => {
    const query = `query($id: ID!) { dataConnection(id: $id) { records(first: 3) { nodes { key data } } preview { key } } }`;
    const accessLog = t.hub.store.collection('data_access_log');
    const before = await accessLog.count({});
    const first = await post(t.hub, query, { id: t.ids.publicId });
    const second = await post(t.hub, query, { id: t.ids.publicId });
    expect(first.body.errors).toBeUndefined();
    expect([first.cache, second.cache]).toEqual(['MISS', 'MISS']);
    expect(await accessLog.count({})).toBe(before + 4);
  });

  it('does not keep answers with errors', async () => {
    const query = `query($id: ID!) { challenge(id: $id) { title } }`;
    // An id of another type fails in the resolver, after validation.
    const wrongType = { id: encodeGlobalId('Organization', t.hub.fixtures.bureau._id) };
    const first = await post(t.hub, query, wrongType);
    const second = await post(t.hub, query, wrongType);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(second.body).toEqual(first.body);
    expect([first.cache, second.cache]).toEqual(['MISS', 'MISS']);
  });
});

describe('the response cache and the rate limit', () => {
  it('counts answers from the cache against the caller’s limit, and refuses over it with RATE_LIMITED, changing nothing', async () => {
    const hub = await createTestHub({ rateLimit: { windowMs: 60_000, max: 3 } });
    try {
      const query = `{ __typename }`;
      const answers = [await post(hub, query), await post(hub, query), await post(hub, query)];
      expect(answers.map((a) => a.cache)).toEqual(['MISS', 'HIT', 'HIT']);
      const before = await snapshotDomain(hub);
      const refused = await post(hub, query);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(await snapshotDomain(hub)).toBe(before);
    } finally {
      await hub.close();
    }
  });

  it('counts a caller guessing keys against its address: past the limit a wrong key gets 429, not 401, and a right one is not checked', async () => {
    const hub = await createTestHub({ rateLimit: { windowMs: 60_000, max: 2 } });
    try {
      const query = `{ viewer { roles } }`;
      // Each guess a new key: counting by the header's text would have let every one through.
      const guesses = [
        await post(hub, query, {}, 'mk_test_guess1'),
        await post(hub, query, {}, 'mk_test_guess2'),
        await post(hub, query, {}, 'mk_test_guess3'),
      ];
      expect(guesses.map((g) => [g.status, g.body.errors?.[0]?.extensions?.code])).toEqual([
        [401, 'UNAUTHENTICATED'],
        [401, 'UNAUTHENTICATED'],
        [429, 'RATE_LIMITED'],
      ]);
      // A right guess from the same address now looks like a wrong one: refused before the key is checked.
      const rightGuess = await post(hub, query, {}, hub.fixtures.keys.companyAAdmin);
      expect([rightGuess.status, rightGuess.body.errors?.[0]?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
      // Anonymous requests from the address count apart from its failed authentications.
      expect((await post(hub, `{ __typename }`)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });

  it('counts requests with a valid key against the key, whatever else the address does', async () => {
    const hub = await createTestHub({ rateLimit: { windowMs: 60_000, max: 2 } });
    try {
      const query = `{ viewer { roles } }`;
      const { keys } = hub.fixtures;
      for (let i = 0; i < 2; i++) expect((await post(hub, `{ __typename }`)).status).toBe(200);
      expect((await post(hub, `{ __typename }`)).status).toBe(429);
      const asKey = [await post(hub, query, {}, keys.companyAAdmin), await post(hub, query, {}, keys.companyAAdmin)];
      expect(asKey.map((a) => a.status)).toEqual([200, 200]);
      expect((await post(hub, query, {}, keys.companyAAdmin)).status).toBe(429);
      expect((await post(hub, query, {}, keys.companyBAdmin)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });

  it('never makes a counter of a header: 1,000 distinct 8 KB keys all count against the address', async () => {
    const callers = new Set<string>();
    const hit = vi.spyOn(RateLimiter.prototype, 'hit').mockImplementation((caller: string) => {
      callers.add(caller);
    });
    const hub = await createTestHub({ rateLimit: { windowMs: 60_000, max: 1_000_000 }, responseCache: false });
    try {
      const padding = 'x'.repeat(8 * 1024);
      const statuses: number[] = [];
      for (let i = 0; i < 1_000; i++) {
        const response = await hub.fetch('http://hub.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer mk_test_${i}${padding}` },
          body: '{"query":"{ __typename }"}',
        });
        statuses.push(response.status);
        await response.body?.cancel();
      }
      expect(new Set(statuses)).toEqual(new Set([401]));
      expect([...callers]).toEqual(['failed-auth:addr:in-process']);
    } finally {
      hit.mockRestore();
      await hub.close();
    }
  });

  it('keeps its counters bounded whatever arrives: 30,000 distinct 8 KB headers over HTTP stay under the cap', async () => {
    const limiter = new RateLimiter({ windowMs: 60_000, max: 1_000_000, maxBuckets: 100 });
    const front = createRequestFront({
      requestId: () => 'r',
      authenticate: async ({ authorization }) => {
        if (authorization) throw new MaruError('UNAUTHENTICATED', 'Invalid API key.');
        return { viewer: null, subject: null };
      },
      rateLimit: limiter,
      cache: null,
      graphql: {
        handle: async (_req, res, { start }) => {
          res.writeHead(start?.refusal ? 401 : 200).end();
        },
        fetch: async () => new Response(null),
      },
    });
    const server = createServer((req, res) => void front.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    try {
      const { port } = server.address() as AddressInfo;
      const padding = 'x'.repeat(8 * 1024);
      let refused = 0;
      let maxSize = 0;
      const send = (i: number) =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            { port, path: '/graphql', method: 'POST', agent, headers: { authorization: `Bearer mk_${i}${padding}` } },
            (res) => {
              if (res.statusCode === 401) refused += 1;
              res.resume().on('end', resolve);
            },
          );
          req.on('error', reject);
          req.end();
        });
      for (let i = 0; i < 30_000; i += 100) {
        await Promise.all(Array.from({ length: 100 }, (_, j) => send(i + j)));
        maxSize = Math.max(maxSize, limiter.size);
      }
      expect(refused).toBe(30_000);
      // One counter: the address's failed authentications.
      expect(maxSize).toBe(1);
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
