import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { asksForIntrospection } from './use-introspection-policy.js';

const SCHEMA = '{ __schema { queryType { name } } }';
const TYPE = '{ __type(name: "Organization") { name } }';

describe('who may introspect (MARU_INTROSPECTION)', () => {
  const hubs: Record<string, TestHub> = {};
  beforeAll(async () => {
    hubs.default = await createTestHub();
    hubs.demo = await createTestHub({ features: { demoLogin: true } });
    hubs.public = await createTestHub({ introspection: 'public' });
    hubs.off = await createTestHub({ introspection: 'off' });
  });
  afterAll(async () => {
    for (const hub of Object.values(hubs)) await hub.close();
  });

  async function status(hub: TestHub, query: string, key: string | null) {
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: any[] } };
  }

  it('by default signed-in callers only: anonymous ones get INTROSPECTION_DISABLED (403), twice alike', async () => {
    const hub = hubs.default!;
    for (const query of [SCHEMA, TYPE, `query Q { ...F } fragment F on Query { __schema { types { name } } }`])
      for (let time = 0; time < 2; time++) {
        const anonymous = await status(hub, query, null);
        expect(anonymous.status).toBe(403);
        expect(anonymous.body.data).toBeUndefined();
        expect(anonymous.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTROSPECTION_DISABLED']);
        expect(anonymous.body.errors?.[0].message).toContain('signed-in');
        const keyed = await status(hub, query, hub.fixtures.keys.companyADev!);
        expect(keyed.status).toBe(200);
        expect(keyed.body.errors).toBeUndefined();
      }
    // __typename is no introspection: clients need it.
    expect((await status(hub, '{ __typename }', null)).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('public in demo mode or when set; off for everyone when off', async () => {
    for (const hub of [hubs.demo!, hubs.public!])
      expect((await status(hub, SCHEMA, null)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const off = hubs.off!;
    for (const key of [null, off.fixtures.keys.platformAdmin!]) {
      const refused = await status(off, TYPE, key);
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0].extensions?.code).toBe('INTROSPECTION_DISABLED');
      expect(refused.body.errors?.[0].message).toContain('MARU_INTROSPECTION=off');
    }
  });

  it('finds introspection in the operation that runs, through fragments', () => {
    expect(asksForIntrospection(parse('{ organizations { totalCount } __typename }'))).toBe(false);
    expect(asksForIntrospection(parse('{ ... on Query { __type(name: "X") { name } } }'))).toBe(true);
    const two = parse('query A { __typename } query B { __schema { types { name } } }');
    expect(asksForIntrospection(two, 'A')).toBe(false);
    expect(asksForIntrospection(two, 'B')).toBe(true);
  });
});
