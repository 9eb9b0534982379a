import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHub, type Hub } from '../create-hub.js';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';
import { encodeGlobalId } from './global-id.js';
import { useJit } from './use-jit.js';

describe('useJit', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        hello: {
          type: GraphQLString,
          args: { name: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: (_r, args: { name: string }) => `hi ${args.name}`,
        },
        broken: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('no');
          },
        },
      },
    }),
  });
  const rootValue = {};
  const onExecute = (plugin: ReturnType<typeof useJit>, document: ReturnType<typeof parse>, operationName?: string) => {
    const setExecuteFn = vi.fn();
    (plugin.onExecute as (payload: unknown) => void)({
      args: { schema, document, operationName, rootValue, variableValues: { n: 'Minji' } },
      setExecuteFn,
    });
    return setExecuteFn;
  };

  it('runs a document on graphql-js the first time, then as compiled code, compiled once per schema and document', async () => {
    const plugin = useJit();
    const document = parse(`query Q($n: String!) { hello(name: $n) }`);
    expect(onExecute(plugin, document)).not.toHaveBeenCalled();
    const setExecuteFn = onExecute(plugin, document);
    expect(setExecuteFn).toHaveBeenCalledOnce();
    const execute = setExecuteFn.mock.calls[0]![0] as (args: unknown) => Promise<unknown>;
    expect(await execute({ rootValue, contextValue: {}, variableValues: { n: 'Minji' } })).toEqual({
      data: { hello: 'hi Minji' },
    });
    // The same document again reuses the compiled entry: same function behaviour, no second compile.
    const again = onExecute(plugin, document).mock.calls[0]![0] as (args: unknown) => Promise<unknown>;
    expect(await again({ rootValue, contextValue: {}, variableValues: { n: 'Jihoon' } })).toEqual({
      data: { hello: 'hi Jihoon' },
    });
  });

  it('reports field errors with their path and place in the document, through aliases and fragments', async () => {
    const document = parse(`query Q {\n  hello(name: "a")\n  ...F\n}\nfragment F on Query {\n  oops: broken\n}`);
    const plugin = useJit();
    onExecute(plugin, document);
    const execute = onExecute(plugin, document).mock.calls[0]![0] as (
      args: unknown,
    ) => Promise<{ errors: Array<{ locations: unknown; path: unknown; message: string }> }>;
    const result = await execute({ rootValue, contextValue: {}, variableValues: {}, document });
    expect(result.errors.map((e) => ({ message: e.message, path: e.path, locations: e.locations }))).toEqual([
      { message: 'no', path: ['oops'], locations: [{ line: 6, column: 3 }] },
    ]);
  });

  it('leaves a document it cannot compile to graphql-js, and says so once', () => {
    const onFallback = vi.fn();
    const plugin = useJit({ onFallback });
    const document = parse(`query Q { hello(name: "x") }`);
    expect(onExecute(plugin, document, 'NotThere')).not.toHaveBeenCalled();
    expect(onFallback).not.toHaveBeenCalled(); // the first run is graphql-js's anyway
    expect(onExecute(plugin, document, 'NotThere')).not.toHaveBeenCalled();
    expect(onExecute(plugin, document, 'NotThere')).not.toHaveBeenCalled();
    expect(onFallback).toHaveBeenCalledOnce();
    expect(onFallback.mock.calls[0]![0]).toBe('NotThere');
  });
});

type Answer = { status: number; body: { data?: unknown; errors?: Array<{ path?: Array<string | number> }> } };

/**
 * Status and data must be identical, and every error graphql-js reports must
 * be there word for word (message, code, path, locations). One known
 * difference is allowed: when several non-null fields under the same nullable
 * parent fail, graphql-js reports the first to fail and drops the rest (its
 * Promise.all rejects once), graphql-jit reports each. Such an extra error
 * must lie under a field graphql-js also nulled with an error.
 */
function expectSameAnswer(actual: Answer, expected: Answer, label: string) {
  expect(actual.status, label).toBe(expected.status);
  expect(actual.body.data, label).toEqual(expected.body.data);
  const want = expected.body.errors ?? [];
  const got = actual.body.errors ?? [];
  for (const error of want) expect(got, label).toContainEqual(error);
  const parent = (e: { path?: Array<string | number> }) => JSON.stringify(e.path?.slice(0, -1));
  for (const extra of got.filter((e) => !want.some((w) => JSON.stringify(w) === JSON.stringify(e)))) {
    expect(want.map(parent), `${label}: extra error ${JSON.stringify(extra)}`).toContain(parent(extra));
  }
}

/**
 * The same store served twice: by the hub as configured (graphql-jit and the
 * response cache on) and by a hub with both off (graphql-js, no cache). Every
 * caller must get the very same answers, twice over (the second time from the
 * cache where it applies), errors included.
 */
describe('graphql-jit and the response cache change no answer, for any caller', () => {
  let t: DataTestHub;
  let plain: Hub;
  beforeAll(async () => {
    t = await createDataTestHub();
    plain = await createHub({ store: t.hub.store, graphiql: false, jit: false, responseCache: false });
  });
  afterAll(() => t.hub.close());

  const ask = async (
    hub: Hub,
    query: string,
    variables: Record<string, unknown>,
    key: string | null,
    accept = 'application/json',
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('answers each query of each caller exactly as graphql-js without a cache does', async () => {
    const { fixtures } = t.hub;
    const bureau = encodeGlobalId('Organization', fixtures.bureau._id);
    const companyB = encodeGlobalId('Organization', fixtures.companyB._id);
    const queries: Array<[string, Record<string, unknown>]> = [
      [`{ __typename }`, {}],
      [
        `{ challenges(first: 20) { totalCount nodes { id title status agency { name parent { name } } tags } pageInfo { hasNextPage endCursor } } }`,
        {},
      ],
      [
        `query($o: ID!) { organization(id: $o) { name kind members { nodes { email roles } } apiKeys(first: 5) { nodes { prefix } } } }`,
        { o: bureau },
      ],
      [`query($o: ID!) { organization(id: $o) { name members { nodes { email } } } }`, { o: companyB }],
      [
        `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Organization { name } } }`,
        { ids: [bureau, companyB, 'bm90LWFuLWlk'] },
      ],
      [`{ viewer { name roles organization { name } } }`, {}],
      [
        `{ dataConnections(first: 10) { nodes { name classification fields { name type personal } owner { name } } } }`,
        {},
      ],
      [
        `query($id: ID!) { dataConnection(id: $id) { name records(first: 5) { nodes { key data masked } } } }`,
        { id: t.ids.restrictedId },
      ],
      [`{ organizations(first: 3) { nodes { name members { totalCount } } } }`, {}],
      [`{ challenges(first: 1) { nodes { id nosuchfield } } }`, {}],
    ];
    const callers = [null, fixtures.keys.companyAAdmin!, fixtures.keys.bureauAdmin!, fixtures.keys.platformAdmin!];
    for (const [query, variables] of queries) {
      for (const key of callers) {
        const label = `${query} as ${key ? key.slice(0, 8) : 'anonymous'}`;
        const expected = await ask(plain, query, variables, key);
        expectSameAnswer(await ask(t.hub, query, variables, key), expected, label);
        expectSameAnswer(await ask(t.hub, query, variables, key), expected, `${label} (again)`);
      }
    }
  });

  // Variables that do not coerce are a request error: no `data`, 400 (GraphQL over HTTP), graphql-js's words with the
  // variable's name and place — the first time (graphql-js runs it) and every time after (compiled by graphql-jit).
  it('refuses variables that do not coerce exactly as graphql-js does, on every repetition', async () => {
    const admin = t.hub.fixtures.keys.platformAdmin!;
    const challenge = {
      agencyId: encodeGlobalId('Organization', t.hub.fixtures.bureau._id),
      title: 'T',
      summary: 'S',
      type: 'IDEA',
      submissionDeadline: '2030-01-01T00:00:00Z',
      evaluationEnd: '2030-02-01T00:00:00Z',
      criteria: [{ key: 'k', name: 'K', weight: 100 }],
    };
    const createKey = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    const createChallenge = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { id } } }`;
    const cases: Array<[string, Record<string, unknown>]> = [
      [createKey, { input: { name: 'k', scopes: ['NOPE'] } }],
      [createKey, { input: { scopes: ['NOPE'] } }],
      [createKey, {}],
      [createChallenge, { input: { ...challenge, criteria: [{ key: 'k', name: 'K', weight: 'heavy' }] } }],
      [createChallenge, { input: { ...challenge, phases: [{ name: 'p', submissionDeadline: 'soon' }] } }],
      [createChallenge, { input: { ...challenge, submissionDeadline: 7 } }],
      [`query($first: Int) { challenges(first: $first) { totalCount } }`, { first: 'ten' }],
      [`query($o: ID!) { organization(id: $o) { name } }`, { o: null }],
    ];
    for (const [query, variables] of cases) {
      for (const accept of ['application/graphql-response+json', 'application/json']) {
        const label = `${query} ${JSON.stringify(variables)} accepting ${accept}`;
        const expected = await ask(plain, query, variables, admin, accept);
        expect(expected.status, label).toBe(400);
        expect(expected.body, label).not.toHaveProperty('data');
        for (const error of expected.body.errors as Array<{ locations?: unknown; extensions?: { code?: string } }>) {
          expect(error.locations, label).toBeDefined();
          expect(error.extensions?.code, label).toBe('BAD_USER_INPUT');
        }
        for (const run of [1, 2, 3]) {
          const answer = await ask(t.hub, query, variables, admin, accept);
          expect(answer, `${label} (run ${run})`).toEqual(expected);
        }
      }
    }
  });
});
