import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';

const SERVICE = {
  key: 'address-lookup',
  name: 'Address lookup',
  operations: [{ name: 'find', kind: 'query' as const }],
};

describe('the catalogue: who sees which grant, who changes a status', () => {
  let hub: TestHub;
  let grantId: string;
  beforeAll(async () => {
    hub = await createTestHub();
    const { catalogue, apiKeys } = hub.services;
    // Listed as the plugins module does when a plugin loads; no plugin needs to run for grants.
    await catalogue.registerPluginServices('@maru-test/lookup', [SERVICE]);
    const companyA = await apiKeys.authenticate(hub.fixtures.keys.companyAAdmin!);
    grantId = (await catalogue.requestAccess(companyA, SERVICE.key, { purpose: 'Shelters' }))._id;
  });
  afterAll(() => hub.close());

  const grants = (key: string | null) => hub.gql('{ serviceGrants { nodes { id status } } }', {}, key);

  it("shows an organization its own grants, platform admins every one, another organization none of A's", async () => {
    const id = encodeGlobalId('ServiceGrant', grantId);
    expect((await grants(hub.fixtures.keys.companyAAdmin!)).data.serviceGrants.nodes).toEqual([
      { id, status: 'REQUESTED' },
    ]);
    expect((await grants(hub.fixtures.keys.platformAdmin!)).data.serviceGrants.nodes).toEqual([
      { id, status: 'REQUESTED' },
    ]);
    expect((await grants(hub.fixtures.keys.companyBAdmin!)).data.serviceGrants.nodes).toEqual([]);
    const reached = await hub.gql(
      'query($id: ID!) { node(id: $id) { ... on ServiceGrant { status } } }',
      { id },
      hub.fixtures.keys.companyBAdmin,
    );
    expect(reached.data?.node ?? null).toBeNull();
    expect(JSON.stringify(reached)).not.toContain('REQUESTED');
    expect((await grants(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a service's status change to anyone but a platform admin, changing nothing", async () => {
    const before = await snapshotDomain(hub);
    const refused = await hub.gql(
      'mutation { setServiceStatus(service: "address-lookup", status: "SUSPENDED") { status } }',
      {},
      hub.fixtures.keys.companyAAdmin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotDomain(hub)).toBe(before);
    expect((await hub.services.catalogue.get(SERVICE.key))?.status).toBe('PILOT');
  });
});
