import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';

const CREATE_CHALLENGE = `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id dataConnectionIds dataConnections { name classification } } } }`;

describe('links between challenges, services and data', () => {
  let t: DataTestHub;
  beforeAll(async () => {
    t = await createDataTestHub();
  });
  afterAll(() => t.hub.close());

  const input = (dataConnectionIds: string[]) => ({
    agencyId: encodeGlobalId('Organization', t.hub.fixtures.bureau._id),
    title: 'Better sports facility booking',
    summary: 'Use the facility data',
    type: 'PROTOTYPE',
    criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
    submissionDeadline: '2027-02-01T00:00:00Z',
    evaluationEnd: '2027-03-01T00:00:00Z',
    dataConnectionIds,
  });

  it('shows the data connections a challenge links, by their global ids', async () => {
    const res = await t.hub.gql(
      CREATE_CHALLENGE,
      { i: input([t.ids.publicId, t.ids.restrictedId]) },
      t.hub.fixtures.keys.bureauManager,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createChallenge.challenge.dataConnectionIds).toEqual([t.ids.publicId, t.ids.restrictedId]);
    expect(res.data.createChallenge.challenge.dataConnections).toEqual([
      { name: 'Public sports facilities', classification: 'PUBLIC' },
      { name: 'Business revenues', classification: 'RESTRICTED' },
    ]);
    // Linking shows metadata only: the restricted records stay closed to a company.
    const challengeId = res.data.createChallenge.challenge.id;
    await t.hub.gql(
      `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
      { id: challengeId },
      t.hub.fixtures.keys.bureauManager,
    );
    const seen = await t.hub.gql(
      `query($id: ID!) { challenge(id: $id) { dataConnections { name records(first: 1) { totalCount } } } }`,
      { id: challengeId },
      t.hub.fixtures.keys.companyADev,
    );
    expect(seen.errors?.map((e) => [e.extensions?.code, e.path?.at(-1)])).toEqual([['FORBIDDEN', 'records']]);
    const open = await t.hub.gql(
      `query($id: ID!) { challenge(id: $id) { dataConnections { name } } }`,
      { id: challengeId },
      t.hub.fixtures.keys.companyADev,
    );
    expect(open.data.challenge.dataConnections).toHaveLength(2);
  });

  it('refuses a link that is not a data connection id, changing nothing', async () => {
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () =>
        t.hub.gql(
          CREATE_CHALLENGE,
          { i: input([encodeGlobalId('Organization', 'x1')]) },
          t.hub.fixtures.keys.bureauManager,
        ),
      'input.dataConnectionIds.0',
    );
  });

  it('lists the catalogue with search and classification filters, previews only what the caller may read', async () => {
    const res = await t.hub.gql(
      `{ dataConnections(filter: { search: "sports", classifications: [PUBLIC] }) { totalCount nodes { name recordCount status fields { name type } } } }`,
    );
    expect(res.data.dataConnections).toEqual({
      totalCount: 1,
      nodes: [
        {
          name: 'Public sports facilities',
          recordCount: 3,
          status: 'ACTIVE',
          fields: [
            { name: 'facility_id', type: 'STRING' },
            { name: 'name', type: 'STRING' },
            { name: 'district', type: 'STRING' },
            { name: 'capacity', type: 'INTEGER' },
            { name: 'opened', type: 'DATE' },
          ],
        },
      ],
    });
    const restricted = await t.hub.gql(
      `{ dataConnections(filter: { classifications: [RESTRICTED, PERSONAL] }) { totalCount nodes { name preview { key } connectorConfig } } }`,
    );
    // Anonymous callers see the metadata, no preview and no connector settings.
    expect(restricted.data.dataConnections.totalCount).toBe(2);
    for (const node of restricted.data.dataConnections.nodes)
      expect(node).toMatchObject({ preview: null, connectorConfig: null });
    const publicPreview = await t.hub.gql(`query($id: ID!) { dataConnection(id: $id) { preview { key } } }`, {
      id: t.ids.publicId,
    });
    expect(publicPreview.data.dataConnection.preview.map((r: { key: string }) => r.key)).toEqual(['F1', 'F2', 'F3']);
  });
});
