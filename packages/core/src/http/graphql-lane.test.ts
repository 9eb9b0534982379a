import { serverAudits } from 'graphql-http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHub, type Hub } from '../create-hub.js';
import type { YogaStages } from './graphql-lane.js';
import { createRequestFront, type FrontServerContext } from './request-front.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

/**
 * The lane (graphql-lane.ts) must answer exactly as yoga's whole pipeline does. Two hubs on one store — one with the
 * lane, one without — each behind a real node:http server, get the same requests; status, the headers a client acts
 * on and the body must be the same, byte for byte. The lane hub must also have taken the lane for the plain ones.
 */

interface Sent {
  method?: 'GET' | 'POST';
  /** Query string for GET, without `?`. */
  search?: string;
  body?: string;
  headers?: Record<string, string>;
}

interface Got {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

/** Headers a client acts on; the rest (date, keep-alive, request id) differ by nature. */
const COMPARED = ['content-type', 'www-authenticate', 'retry-after', 'allow', 'accept', 'x-maru-cache', 'connection'];

let lane: TestHub;
let full: Hub;
let laneServer: Server;
let fullServer: Server;
let laneUrl: string;
let fullUrl: string;

async function listen(hub: Hub): Promise<[Server, string]> {
  const server = createServer((req, res) => {
    hub.handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`];
}

beforeAll(async () => {
  lane = await createTestHub({ responseCache: false, rateLimit: false, limits: { maxBodyBytes: 4096 } });
  // The same store: the same organizations, members and keys answer on both.
  full = await createHub({
    store: lane.store,
    lane: false,
    responseCache: false,
    rateLimit: false,
    graphiql: false,
    limits: { maxBodyBytes: 4096 },
  });
  [laneServer, laneUrl] = await listen(lane);
  [fullServer, fullUrl] = await listen(full);
});

afterAll(async () => {
  await new Promise((resolve) => laneServer.close(resolve));
  await new Promise((resolve) => fullServer.close(resolve));
  await full.close();
  await lane.close();
});

async function send(url: string, sent: Sent): Promise<Got> {
  const method = sent.method ?? 'POST';
  const response = await fetch(sent.search === undefined ? url : `${url}?${sent.search}`, {
    method,
    headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...sent.headers },
    body: method === 'POST' ? sent.body : undefined,
  });
  const headers = Object.fromEntries(COMPARED.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, body: await response.text() };
}

const post = (query: unknown, extra: Omit<Sent, 'body'> = {}): Sent => ({
  ...extra,
  body: JSON.stringify(query),
});
const get = (params: Record<string, string>, headers?: Record<string, string>): Sent => ({
  method: 'GET',
  search: new URLSearchParams(params).toString(),
  headers,
});

describe('the lane answers as yoga does', () => {
  const cases: Array<[string, () => Sent]> = [
    ['a public query', () => post({ query: '{ organizations(first: 3) { nodes { slug name } } }' })],
    [
      'a query with variables',
      () => post({ query: 'query($n: Int) { organizations(first: $n) { totalCount } }', variables: { n: 2 } }),
    ],
    [
      'a named operation among two',
      () =>
        post({
          query: 'query A { __typename } query B { organizations(first: 1) { totalCount } }',
          operationName: 'B',
        }),
    ],
    ['two operations and no name', () => post({ query: 'query A { __typename } query B { __typename }' })],
    ['an unknown operation name', () => post({ query: 'query A { __typename }', operationName: 'C' })],
    [
      'a keyed viewer',
      () =>
        post(
          { query: '{ viewer { name roles organization { name } } }' },
          { headers: { authorization: `Bearer ${lane.fixtures.keys.companyADev}` } },
        ),
    ],
    ['a malformed key', () => post({ query: '{ viewer { name } }' }, { headers: { authorization: 'Bearer nope' } })],
    [
      'an unknown key',
      () =>
        post(
          { query: '{ viewer { name } }' },
          { headers: { authorization: `Bearer ${lane.fixtures.keys.companyADev}x` } },
        ),
    ],
    ['a field that does not exist', () => post({ query: '{ nope }' })],
    ['a syntax error', () => post({ query: '{ organizations(first: ' })],
    [
      'a variable of the wrong type',
      () => post({ query: 'query($n: Int) { organizations(first: $n) { totalCount } }', variables: { n: 'two' } }),
    ],
    [
      'a depth over the limit',
      () => post({ query: `{ ${'organizations(first: 1) { nodes { parent { '.repeat(6)}name${' } } }'.repeat(6)} }` }),
    ],
    [
      'a mutation without a key',
      () => post({ query: 'mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }' }),
    ],
    [
      'a mutation refused by role',
      () =>
        post(
          { query: 'mutation { createOrganization(input: { kind: COMPANY, name: "X", slug: "x-co" }) { id } }' },
          { headers: { authorization: `Bearer ${lane.fixtures.keys.companyADev}` } },
        ),
    ],
    ['introspection without a key (signed-in policy)', () => post({ query: '{ __schema { queryType { name } } }' })],
    ['no query', () => post({ variables: {} })],
    ['a query that is not a string', () => post({ query: 42 })],
    ['variables that are not an object', () => post({ query: '{ __typename }', variables: 'x' })],
    ['an unknown parameter', () => post({ query: '{ __typename }', foo: 1 })],
    ['a batch', () => post([{ query: '{ __typename }' }])],
    ['JSON that is not an object', () => post('just a string')],
    ['a body that is not JSON', () => ({ body: '{ query: nope' })],
    ['an empty body', () => ({ body: '' })],
    ['a body over the limit', () => post({ query: `{ __typename } #${'x'.repeat(5000)}` })],
    [
      'an unknown persisted operation',
      () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    ],
    ['a GET query', () => get({ query: '{ organizations(first: 2) { totalCount } }' })],
    [
      'a GET query with variables',
      () => get({ query: 'query($n: Int) { organizations(first: $n) { totalCount } }', variables: '{"n":1}' }),
    ],
    ['GET variables that are not JSON', () => get({ query: '{ __typename }', variables: '{nope' })],
    [
      'a mutation by GET',
      () => get({ query: 'mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }' }),
    ],
    ['Accept: application/json', () => post({ query: '{ nope }' }, { headers: { accept: 'application/json' } })],
    [
      'Accept: graphql-response+json',
      () => post({ query: '{ nope }' }, { headers: { accept: 'application/graphql-response+json' } }),
    ],
    [
      'Accept: both, with q',
      () =>
        post(
          { query: '{ __typename }' },
          { headers: { accept: 'application/graphql-response+json;q=0.9, application/json;q=0.8' } },
        ),
    ],
    ['Accept: text/plain', () => post({ query: '{ __typename }' }, { headers: { accept: 'text/plain' } })],
    ['Accept: an event stream', () => post({ query: '{ __typename }' }, { headers: { accept: 'text/event-stream' } })],
    [
      'Content-Type with a charset',
      () => post({ query: '{ __typename }' }, { headers: { 'content-type': 'application/json; charset=utf-8' } }),
    ],
    ['Content-Type text/plain', () => post({ query: '{ __typename }' }, { headers: { 'content-type': 'text/plain' } })],
    ['a subscription by POST', () => post({ query: 'subscription { challengeEvents { type } }' })],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const sent = make();
    const [fromLane, fromYoga] = [await send(laneUrl, sent), await send(fullUrl, sent)];
    expect(fromLane).toEqual(fromYoga);
  });

  it('takes the lane for plain requests and yoga’s pipeline for the rest', async () => {
    // The same yoga behind a front whose doors count their callers.
    const yoga = lane.yoga;
    const throughFetch = vi.fn(async (request: Request, context: FrontServerContext) => yoga.fetch(request, context));
    const front = createRequestFront({
      requestId: () => 'r',
      authenticate: lane.services.authenticate,
      rateLimit: null,
      cache: null,
      graphql: {
        handle: async () => {
          throw new Error('the in-process door never takes handle');
        },
        fetch: throughFetch,
        lane: yoga as unknown as YogaStages<FrontServerContext>,
      },
    });
    const ask = (init: RequestInit, search = '') => front.fetch(`http://hub.test/graphql${search}`, init);
    const json = { 'content-type': 'application/json' };
    const plain = [
      await ask({ method: 'POST', headers: json, body: '{"query":"{ organizations(first: 3) { totalCount } }"}' }),
      await ask({ method: 'GET' }, '?query=%7B__typename%7D'),
      await ask({
        method: 'POST',
        headers: { ...json, authorization: 'Bearer nope' },
        body: '{"query":"{ __typename }"}',
      }),
    ];
    expect(plain.map((r) => r.status)).toEqual([200, 200, 401]);
    expect(throughFetch).not.toHaveBeenCalled();
    // A batch, then an event stream: yoga's pipeline, with the body read once.
    const batch = await ask({ method: 'POST', headers: json, body: '[{"query":"{ __typename }"}]' });
    expect(batch.status).toBe(400);
    await ask({
      method: 'POST',
      headers: { ...json, accept: 'text/event-stream' },
      body: '{"query":"{ __typename }"}',
    });
    expect(throughFetch).toHaveBeenCalledTimes(2);
  });

  it('records a refused mutation on the audit trail once, as yoga’s pipeline does', async () => {
    const events = storedTables(lane).auditEvents;
    const refused = { action: 'request.refused', outcome: 'GRAPHQL_VALIDATION_FAILED' };
    const before = await events.count(refused);
    const sent = post(
      { query: 'mutation { nope }' },
      { headers: { authorization: `Bearer ${lane.fixtures.keys.companyADev}` } },
    );
    const answer = await send(laneUrl, sent);
    expect(await events.count(refused)).toBe(before + 1);
    expect(await send(fullUrl, sent)).toEqual(answer);
    expect(await events.count(refused)).toBe(before + 2);
  });
});

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it('the lane passes every audit yoga’s pipeline passes, and every MUST', async () => {
    // Signed in: the audits ask `__type`, which the hub shows to signed-in callers only (introspection policy).
    const key = lane.fixtures.keys.companyADev!;
    const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${key}`);
      return fetch(input, { ...init, headers });
    };
    const run = async (url: string) =>
      Object.fromEntries(
        await Promise.all(
          serverAudits({ url, fetchFn }).map(async (audit) => {
            const result = await audit.fn();
            return [`${audit.id} ${audit.name}`, result.status] as const;
          }),
        ),
      );
    const [viaLane, viaYoga] = [await run(laneUrl), await run(fullUrl)];
    expect(viaLane).toEqual(viaYoga);
    const failedMusts = Object.entries(viaLane).filter(([name, status]) => name.includes('MUST') && status !== 'ok');
    expect(failedMusts).toEqual([]);
  });
});
