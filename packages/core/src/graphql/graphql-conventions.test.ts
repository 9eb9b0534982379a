import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubLogger } from '../logger.js';
import { newId } from '../ids.js';
import {
  createTestHub,
  snapshotDomain,
  storedTables,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import { encodeGlobalId } from './global-id.js';
import { expectRefused as expectRefusedIn } from '../testing/expect-refused.js';

let hub: TestHub;
const logged: Array<{ fields: object; message?: string }> = [];
const logger: HubLogger = {
  debug() {},
  info() {},
  warn() {},
  error: (fields, message) => logged.push({ fields, message }),
  child: () => logger,
};

beforeEach(async () => {
  logged.length = 0;
  hub = await createTestHub({ logger });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hub.close();
});

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

/** Asserts the code (and the field it names), and that the domain did not change. */
const expectRefused = (code: string, run: () => Promise<GraphQLResponse>, field?: string) =>
  expectRefusedIn(hub, code, run, field);

describe('documents the schema does not accept', () => {
  it('an unknown field is GRAPHQL_VALIDATION_FAILED, naming the field', async () => {
    const res = await expectRefused('GRAPHQL_VALIDATION_FAILED', () => hub.gql(`{ organizations { nodes { nmae } } }`));
    expect(res.errors?.[0]?.message).toContain('"nmae"');
    expect(res.data).toBeUndefined();
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED, the second time too', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await expectRefused('GRAPHQL_PARSE_FAILED', () => hub.gql(`{ organizations { nodes { name }`));
      expect(res.errors?.[0]?.message).toMatch(/^Syntax Error/);
    }
  });

  it.each([
    [
      'a DateTime that is not a date',
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
      { i: { name: 'k', scopes: ['READ'], expiresAt: 'not-a-date' } },
      /DateTime/,
    ],
    [
      'an enum value that does not exist',
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
      { i: { name: 'k', scopes: ['SUPERUSER'] } },
      /SUPERUSER/,
    ],
    [
      'an enum argument that does not exist',
      `query($k: OrganizationKind) { organizations(kind: $k) { totalCount } }`,
      { k: 'CHARITY' },
      /CHARITY/,
    ],
    [
      'a string where an Int belongs',
      `query($n: Int) { organizations(first: $n) { totalCount } }`,
      { n: 'ten' },
      /Int/,
    ],
  ])('a bad variable value is BAD_USER_INPUT before any resolver: %s', async (_name, query, variables, message) => {
    const before = await hub.services.audit.countEvents();
    const res = await expectRefused('BAD_USER_INPUT', () => hub.gql(query, variables, hub.fixtures.keys.companyAAdmin));
    expect(res.errors?.[0]?.message).toMatch(message);
    // A refused mutation is on the trail with its code and what it asked, without the variables' values.
    const after = await hub.services.audit.eventsMatching();
    const added = after.slice(before);
    if (query.startsWith('mutation')) {
      expect(added).toMatchObject([
        {
          action: 'request.refused',
          outcome: 'BAD_USER_INPUT',
          actorMemberId: hub.fixtures.members.companyAAdmin!._id,
          detail: { operationName: null, fields: ['createApiKey'] },
        },
      ]);
      expect(JSON.stringify(added)).not.toMatch(/not-a-date|SUPERUSER/);
    } else expect(added).toEqual([]);
  });
});

describe('ids', () => {
  it('a malformed global id is BAD_USER_INPUT naming the argument, in queries and mutations', async () => {
    const { keys, members } = hub.fixtures;
    await expectRefused('BAD_USER_INPUT', () => hub.gql(`{ node(id: "not an id!") { id } }`), 'id');
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
          { ids: [gid('Member', members.companyADev!), 'bm9wZQ'] },
          keys.companyAAdmin,
        ),
      'ids.1',
    );
    await expectRefused(
      'BAD_USER_INPUT',
      () => hub.gql(`mutation { disableMember(id: "garbage") { member { id } } }`, {}, keys.companyAAdmin),
      'id',
    );
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `mutation { updateOrganization(id: "T3JnYW5pemF0aW9uOg", input: { name: "X" }) { organization { id } } }`,
          {},
          keys.companyAAdmin,
        ),
      'id',
    );
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `mutation { addMember(input: { organizationId: "%%%", name: "N", email: "n@a.example", roles: [DEVELOPER] }) { member { id } } }`,
          {},
          keys.companyAAdmin,
        ),
      'input.organizationId',
    );
  });

  it('an id of the wrong type is BAD_USER_INPUT saying which type was expected', async () => {
    const { keys, companyA, members } = hub.fixtures;
    const disable = await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `mutation($id: ID!) { disableMember(id: $id) { member { id } } }`,
          { id: gid('Organization', companyA) },
          keys.companyAAdmin,
        ),
      'id',
    );
    expect(disable.errors?.[0]?.message).toMatch(/must be the id of a Member/);
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `mutation($m: ID!) { createApiKey(input: { name: "k", scopes: [READ], memberId: $m }) { secret } }`,
          { m: gid('Organization', companyA) },
          keys.companyAAdmin,
        ),
      'input.memberId',
    );
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { id } } }`,
          { k: gid('Member', members.companyADev!) },
          keys.companyAAdmin,
        ),
      'id',
    );
    await expectRefused(
      'BAD_USER_INPUT',
      () => hub.gql(`query($o: ID!) { organization(id: $o) { name } }`, { o: gid('Member', members.companyADev!) }),
      'id',
    );
  });
});

describe('lists of ids', () => {
  it('nodes(ids) takes at most 100 ids', async () => {
    const id = gid('Organization', hub.fixtures.companyA);
    await expectRefused(
      'BAD_USER_INPUT',
      () => hub.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => id) }),
      'ids',
    );
    const hundred = await hub.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 100 }, () => id),
    });
    expect(hundred.data.nodes).toHaveLength(100);
  });
});

describe('pagination', () => {
  it('refuses a page larger than 100 or negative, naming `first`, on top-level and nested lists', async () => {
    const { companyA, keys } = hub.fixtures;
    const res = await expectRefused(
      'BAD_USER_INPUT',
      () => hub.gql(`{ organizations(first: 101) { totalCount } }`),
      'first',
    );
    expect(res.errors?.[0]?.message).toMatch(/between 0 and 100/);
    await expectRefused('BAD_USER_INPUT', () => hub.gql(`{ organizations(first: -1) { totalCount } }`), 'first');
    await expectRefused(
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          `query($o: ID!) { organization(id: $o) { members(first: 101) { totalCount } } }`,
          { o: gid('Organization', companyA) },
          keys.companyAAdmin,
        ),
      'first',
    );
    expect((await hub.gql(`{ organizations(first: 100) { totalCount } }`)).errors).toBeUndefined();
  });

  it('refuses a cursor it did not issue, naming `after`', async () => {
    const notJson = Buffer.from('garbage').toString('base64url');
    const wrongShape = Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url');
    const wrongLength = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z'])).toString('base64url');
    for (const after of ['garbage', notJson, wrongShape, wrongLength]) {
      await expectRefused(
        'BAD_USER_INPUT',
        () => hub.gql(`query($a: String) { organizations(after: $a) { totalCount } }`, { a: after }),
        'after',
      );
    }
  });

  it('walks every organization page by page, without repeats, even when creation times tie', async () => {
    const createdAt = new Date().toISOString();
    for (let i = 0; i < 12; i++) {
      await storedTables(hub).organizations.insertOne({
        _id: newId(),
        kind: 'COMPANY',
        name: `Tie ${i}`,
        slug: `tie-${i}`,
        description: '',
        parentId: null,
        ancestorIds: [],
        createdAt,
        updatedAt: createdAt,
        version: 1,
      });
    }
    const all = await hub.gql(`{ organizations(first: 100) { totalCount nodes { id } } }`);
    expect(all.data.organizations.totalCount).toBe(18);
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: GraphQLResponse = await hub.gql(
        `query($a: String) { organizations(first: 5, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
      );
      walked.push(...res.data.organizations.nodes.map((n: { id: string }) => n.id));
      if (!res.data.organizations.pageInfo.hasNextPage) break;
      after = res.data.organizations.pageInfo.endCursor;
    }
    expect(new Set(walked).size).toBe(18);
    expect(walked).toEqual(all.data.organizations.nodes.map((n: { id: string }) => n.id));
  });
});

describe('abusive operations are refused before any resolver runs', () => {
  /** Counts every read of the organizations collection, where each of these operations would start. */
  function countReads() {
    const collection = storedTables(hub).organizations;
    const spies = [vi.spyOn(collection, 'find'), vi.spyOn(collection, 'findOne'), vi.spyOn(collection, 'count')];
    return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  }

  function countChallengeReads() {
    const collection = hub.store.collection('challenges');
    const spies = [vi.spyOn(collection, 'find'), vi.spyOn(collection, 'count')];
    return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  }

  const nested = (levels: number) =>
    `{ organizations { nodes { ${'parent { '.repeat(levels)}name${' }'.repeat(levels)} } } }`;
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: organizations(first: 1) { totalCount }`).join(' ')} }`;
  const tokens = (n: number) => `{ organizations { nodes { ${'name '.repeat(n)}} } }`;
  const pages = (outer: number, inner: number) =>
    `{ challenges(first: ${outer}) { nodes { announcements(first: ${inner}) { nodes { title body } } } } }`;

  it.each([
    [
      'depth',
      nested(5),
      nested(12),
      /^The operation nests fields deeper than this hub allows: at most 10 levels \(it has 1[0-9]\)\. /,
    ],
    [
      'aliases',
      aliased(15),
      aliased(16),
      /^The operation uses more aliases than this hub allows: at most 15 \(it has 16\)\. Split it/,
    ],
    ['tokens', tokens(100), tokens(2100), /^The operation is longer than this hub allows: at most 2000 tokens/],
    [
      'cost',
      pages(5, 5),
      pages(100, 100),
      /^The operation asks for more than this hub answers at once: its cost is at most 5000 \(it has \d+\)/,
    ],
  ])('%s: QUERY_TOO_COMPLEX, and not a single store read', async (limit, allowed, abusive, message) => {
    const reads = limit === 'cost' ? countChallengeReads() : countReads();
    expect((await hub.gql(allowed)).errors).toBeUndefined();
    expect(reads()).toBeGreaterThan(0);

    for (let i = 0; i < 2; i++) {
      const res = await expectRefused('QUERY_TOO_COMPLEX', async () => {
        const counted = reads();
        const refused = await hub.gql(abusive);
        expect(reads()).toBe(counted);
        return refused;
      });
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.message, 'a valid operation is no syntax error').not.toMatch(/Syntax Error/);
      expect(res.data).toBeUndefined();
    }
    expect(logged).toEqual([]);
  });
});

describe('page sizes passed as variables', () => {
  const query = `query($outer: Int, $inner: Int) { challenges(first: $outer) { nodes { announcements(first: $inner) { nodes { title body } } } } }`;

  it('count toward the cost limit as literal ones do: refused before any resolver, small ones answered', async () => {
    const spy = vi.spyOn(hub.store.collection('challenges'), 'find');
    const res = await expectRefused('QUERY_TOO_COMPLEX', async () => {
      spy.mockClear();
      const refused = await hub.gql(query, { outer: 100, inner: 100 });
      expect(spy).not.toHaveBeenCalled();
      return refused;
    });
    expect(res.errors?.[0]?.message).toMatch(/^The operation asks for more .* at most 5000 \(it has \d+\)/);
    spy.mockRestore();
    const small = await hub.gql(query, { outer: 5, inner: 5 });
    expect(small.errors).toBeUndefined();
    expect(Array.isArray(small.data.challenges.nodes)).toBe(true);
  });
});

describe('fragments', () => {
  it('cost what the same fields cost written out: a page of fragments is not refused where inline fields pass', async () => {
    // 10 × 20 written out costs ~4,300 of 5,000; counted as an extra level (armor's default) the fragment cost ~9,800.
    const inline = `{ challenges(first: 10) { nodes { announcements(first: 20) { nodes { title body } } } } }`;
    const spread = `{ challenges(first: 10) { nodes { ...News } } }
      fragment News on Challenge { announcements(first: 20) { nodes { title body } } }`;
    const written = await hub.gql(inline);
    const reused = await hub.gql(spread);
    expect(written.errors).toBeUndefined();
    expect(reused.errors).toBeUndefined();
    expect(reused.data).toEqual(written.data);
    // Still a limit: the same fragment on a page ten times larger is refused.
    await expectRefused('QUERY_TOO_COMPLEX', () => hub.gql(spread.replace('first: 10', 'first: 100')));
  });
});

describe('unexpected errors', () => {
  it('only they are logged as errors: a refused request is no error of the hub (found by fuzzing, issue #18)', async () => {
    await hub.gql(
      `mutation { createOrganization(input: { kind: AGENCY, name: "", slug: "", description: "" }) { organization { id } } }`,
    );
    await hub.gql(`query($o: ID!) { organization(id: $o) { name } }`, { o: 'not an id' });
    await hub.gql(`{ organization(id: 1) { nope } }`);
    await hub.gql(
      `mutation { revokeApiKey(id: "${gid('ApiKey', { _id: newId() })}") { apiKey { id } } }`,
      {},
      hub.fixtures.keys.companyADev,
    );
    expect(logged).toEqual([]);
  });

  it('are masked as INTERNAL with a generic message, and logged with the original', async () => {
    const failure = new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/maru/hub.db');
    vi.spyOn(storedTables(hub).organizations, 'find').mockRejectedValue(failure);
    vi.spyOn(storedTables(hub).organizations, 'findOne').mockRejectedValue(failure);
    const res = await hub.gql(`query($o: ID!) { organization(id: $o) { name } }`, {
      o: gid('Organization', hub.fixtures.companyA),
    });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL' });
    expect(res.errors?.[0]?.message).toMatch(/^Unexpected error\./);
    const body = JSON.stringify(res);
    for (const leak of ['SQLITE', 'malformed', '/var/lib', 'Error:', 'stack', '    at '])
      expect(body).not.toContain(leak);
    expect(logged.map((entry) => (entry.fields as { err?: unknown }).err)).toContain(failure);
  });

  it('in a mutation are masked the same way', async () => {
    vi.spyOn(hub.services.apiKeys, 'revoke').mockRejectedValue(
      new TypeError("Cannot read properties of undefined (reading 'revokedAt')"),
    );
    const key = (await storedTables(hub).apiKeys.findOne({ memberId: hub.fixtures.members.companyADev!._id }))!;
    const res = await expectRefused('INTERNAL', () =>
      hub.gql(
        `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { id } } }`,
        { k: gid('ApiKey', key) },
        hub.fixtures.keys.companyADev,
      ),
    );
    expect(JSON.stringify(res)).not.toContain('revokedAt');
    expect(JSON.stringify(res)).not.toContain('TypeError');
  });
});
