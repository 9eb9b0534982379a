import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';
import { encodeGlobalId } from './global-id.js';

/** `node(id)` is no oracle: an object the caller may not see answers byte for byte as an id that names nothing. */
describe('node(id) for what the caller may not see', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function body(query: string, variables: Record<string, unknown>, key: string | null): Promise<string> {
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
    expect(response.status).toBe(200);
    return response.text();
  }

  const madeUp = (type: string) => encodeGlobalId(type, '00000000-0000-4000-8000-000000000000');

  it.each([
    ['an API key', 'ApiKey', `query($id: ID!) { node(id: $id) { id ... on ApiKey { prefix } } }`],
    ['a member', 'Member', `query($id: ID!) { node(id: $id) { id ... on Member { email } } }`],
  ])("another organization's %s answers as a made-up id, keyed and anonymous", async (_what, type, query) => {
    const { members, keys } = hub.fixtures;
    const member = members.companyBDev!;
    const existing =
      type === 'Member'
        ? encodeGlobalId('Member', member._id)
        : encodeGlobalId('ApiKey', (await storedTables(hub).apiKeys.findOne({ memberId: member._id }))!._id);
    for (const key of [keys.companyADev!, null]) {
      const hidden = await body(query, { id: existing }, key);
      expect(hidden).toBe(await body(query, { id: madeUp(type) }, key));
      expect(JSON.parse(hidden)).toEqual({ data: { node: null } });
    }
    // Its own organization still sees it.
    expect(JSON.parse(await body(query, { id: existing }, keys.companyBAdmin!)).data.node.id).toBe(existing);
  });

  it('nodes(ids) answers null for each hidden id, as for made-up ones', async () => {
    const { members, keys } = hub.fixtures;
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const hidden = await body(query, { ids: [encodeGlobalId('Member', members.companyBDev!._id)] }, keys.companyADev!);
    expect(hidden).toBe(await body(query, { ids: [madeUp('Member')] }, keys.companyADev!));
  });
});
