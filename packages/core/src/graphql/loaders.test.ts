import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';
import { encodeGlobalId } from './global-id.js';

describe('relations are batched per request', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
    for (let i = 0; i < 12; i++) {
      const res = await hub.gql(
        `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
        {
          i: {
            agencyId: encodeGlobalId('Organization', (i % 2 ? hub.fixtures.bureau : hub.fixtures.division)._id),
            title: `Challenge ${i}`,
            summary: 'A challenge',
            type: 'IDEA',
            criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
            submissionDeadline: '2027-02-01T00:00:00Z',
            evaluationEnd: '2027-03-01T00:00:00Z',
          },
        },
        i % 2 ? hub.fixtures.keys.bureauManager : hub.fixtures.keys.divisionAdmin,
      );
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => hub.close());

  it('a page of challenges reads its agencies in one query, not one per challenge', async () => {
    const collection = storedTables(hub).organizations;
    const find = vi.spyOn(collection, 'find');
    const findOne = vi.spyOn(collection, 'findOne');
    const res = await hub.gql(
      `{ challenges(first: 20, filter: { statuses: [DRAFT] }) { nodes { title agency { name parent { name } } } } }`,
      {},
      hub.fixtures.keys.platformAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.challenges.nodes).toHaveLength(12);
    expect(new Set(res.data.challenges.nodes.map((n: { agency: { name: string } }) => n.agency.name))).toEqual(
      new Set(['Bureau', 'Division']),
    );
    // One batch for the agencies, one for their parents; none read one by one.
    const organizationReads = find.mock.calls.filter(([filter]) => JSON.stringify(filter).includes('$in')).length;
    expect(organizationReads).toBe(2);
    // The only single read is the signed-in viewer's own organization, at authentication.
    expect(findOne.mock.calls.map(([filter]) => filter)).toEqual([{ _id: hub.fixtures.platform._id }]);
  });

  it('nodes(ids:) of one type reads them in one query, and a single id with findOne', async () => {
    const members = storedTables(hub).members;
    const wanted = ['companyADev', 'companyBDev', 'bureauManager'].map((h) => hub.fixtures.members[h]!);
    const find = vi.spyOn(members, 'find');
    const findOne = vi.spyOn(members, 'findOne');
    const res = await hub.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Member { email } } }`,
      { ids: wanted.map((m) => encodeGlobalId('Member', m._id)) },
      hub.fixtures.keys.platformAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes.map((n: { email: string }) => n.email)).toEqual(wanted.map((m) => m.email));
    const batched = find.mock.calls.filter(([filter]) => JSON.stringify(filter).includes('$in'));
    expect(batched).toHaveLength(1);
    expect(JSON.stringify(batched[0]![0])).toContain(wanted[2]!._id);
    // No member of the page was read on its own (the viewer's own member may be, at authentication).
    expect(findOne.mock.calls.filter(([filter]) => wanted.some((m) => JSON.stringify(filter).includes(m._id)))).toEqual(
      [],
    );
    find.mockRestore();
    findOne.mockRestore();
  });
});
