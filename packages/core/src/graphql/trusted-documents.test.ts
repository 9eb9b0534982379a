import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const LIST = 'query Organizations { organizations(first: 5) { nodes { slug } } }';
const RENAME =
  'mutation Rename($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { organization { name } } }';

describe('trusted documents (persisted operations)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ trustedDocuments: new Map([LIST, RENAME].map((doc) => [sha256(doc), doc])) });
  });
  afterAll(() => hub.close());

  const send = async (body: Record<string, unknown>, key?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
  };
  const byHash = (doc: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(doc) } } });

  it('runs a trusted document sent by its hash alone, as its text would run', async () => {
    const res = await send(byHash(LIST));
    expect(res.errors).toBeUndefined();
    expect(res).toEqual(await send({ query: LIST }));
    expect(res.data.organizations.nodes.map((n: { slug: string }) => n.slug)).toContain('bureau');
  });

  it('still runs operation text sent by anyone: the API stays public', async () => {
    const res = await send({ query: '{ organizations(first: 1) { nodes { name } } }' });
    expect(res.errors).toBeUndefined();
    expect(res.data.organizations.nodes).toHaveLength(1);
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND, saying to send the text, and runs nothing', async () => {
    const before = await snapshotDomain(hub);
    const res = await send(
      { ...byHash(`${RENAME} `), variables: { id: 'x', name: 'Renamed' } },
      hub.fixtures.keys.bureauAdmin,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(res.errors?.[0]?.message).toContain('send the operation text in `query`');
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('refuses a request with neither text nor hash with BAD_REQUEST (a malformed request, issue #18)', async () => {
    const res = await send({ variables: {} });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
  });
});
