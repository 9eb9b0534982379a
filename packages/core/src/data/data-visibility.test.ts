import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';

const DAY = 86_400_000;
const PURPOSE = 'Youth housing support outreach';

// The data module's api applies these rules (ofConnection, historyOf, ofViewer, visibleTo); these are its refusals.
describe('how a connection is run is visible to its agency only: syncs, consents, access log, access requests', () => {
  let t: DataTestHub;
  let ids: { sync: string; consent: string; request: string };
  beforeAll(async () => {
    t = await createDataTestHub();
    const { keys, companyA } = t.hub.fixtures;
    const requested = await t.hub.gql(
      `mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id } } }`,
      {
        input: {
          connectionId: t.ids.personalId,
          purpose: PURPOSE,
          fields: ['subject_id', 'district'],
          expiresAt: new Date(t.now() + 30 * DAY).toISOString(),
        },
      },
      keys.companyAAdmin,
    );
    const consent = await t.hub.gql(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      {
        input: {
          connectionId: t.ids.personalId,
          subjectId: 'S1',
          requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
          purpose: PURPOSE,
          fields: ['name'],
          validUntil: new Date(t.now() + 10 * DAY).toISOString(),
        },
      },
      keys.bureauAdmin,
    );
    const syncs = await t.hub.gql(
      `query($id: ID!) { dataConnection(id: $id) { syncs(first: 1) { nodes { id } } } }`,
      { id: t.ids.personalId },
      keys.bureauAdmin,
    );
    // One read, so that the access log has an entry.
    await t.hub.gql(
      `query($id: ID!) { dataConnection(id: $id) { records(first: 1) { totalCount } } }`,
      { id: t.ids.personalId },
      keys.bureauAdmin,
    );
    ids = {
      request: requested.data.requestDataAccess.accessRequest.id,
      consent: consent.data.recordConsent.consent.id,
      sync: syncs.data.dataConnection.syncs.nodes[0].id,
    };
  });
  afterAll(() => t.hub.close());

  const field = (name: string, key: string | null) =>
    t.hub.gql(
      `query($id: ID!) { dataConnection(id: $id) { ${name}(first: 5) { totalCount } } }`,
      { id: t.ids.personalId },
      key,
    );

  it('lets the owning agency page them', async () => {
    for (const name of ['syncs', 'consents', 'accessLog', 'accessRequests']) {
      const res = await field(name, t.hub.fixtures.keys.bureauAdmin!);
      expect(res.errors, name).toBeUndefined();
      expect(res.data.dataConnection[name].totalCount, name).toBeGreaterThan(0);
    }
  });

  it('refuses them to a requester and to another agency (FORBIDDEN), and to anonymous callers', async () => {
    const { keys } = t.hub.fixtures;
    for (const name of ['syncs', 'consents', 'accessLog', 'accessRequests']) {
      await expectRefused(t.hub, 'FORBIDDEN', () => field(name, keys.companyAAdmin!));
      await expectRefused(t.hub, 'FORBIDDEN', () => field(name, keys.divisionAdmin!));
    }
    await expectRefused(t.hub, 'UNAUTHENTICATED', () => field('consents', null));
    await expectRefused(t.hub, 'UNAUTHENTICATED', () => field('accessRequests', null));
  });

  it('shows a sync or consent by id to the owner only, an access request to both sides', async () => {
    const { keys } = t.hub.fixtures;
    const node = (id: string, key: string | null) => t.hub.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, key);
    for (const id of [ids.sync, ids.consent, ids.request])
      expect((await node(id, keys.bureauAdmin!)).data.node, id).toEqual({ id });
    expect((await node(ids.request, keys.companyAAdmin!)).data.node).toEqual({ id: ids.request });
    for (const id of [ids.sync, ids.consent]) expect((await node(id, keys.companyAAdmin!)).data.node, id).toBeNull();
    for (const id of [ids.sync, ids.consent, ids.request]) {
      expect((await node(id, keys.companyBAdmin!)).data.node, id).toBeNull();
      expect((await node(id, null)).data.node, id).toBeNull();
    }
  });

  it("lists access requests of the caller's own organization only, and none to anonymous callers", async () => {
    const { keys } = t.hub.fixtures;
    const list = (direction: string, key: string | null) =>
      t.hub.gql(`{ dataAccessRequests(direction: ${direction}) { totalCount } }`, {}, key);
    expect((await list('OUTGOING', keys.companyAAdmin!)).data.dataAccessRequests.totalCount).toBe(1);
    expect((await list('OUTGOING', keys.companyBAdmin!)).data.dataAccessRequests.totalCount).toBe(0);
    expect((await list('INCOMING', keys.companyAAdmin!)).data.dataAccessRequests.totalCount).toBe(0);
    await expectRefused(t.hub, 'UNAUTHENTICATED', () => list('INCOMING', null));
  });
});
