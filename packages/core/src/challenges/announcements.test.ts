import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';

/** Announcements through GraphQL: who may post one, where, and that the older mutation name still works. */

const T0 = Date.parse('2027-01-01T00:00:00Z');

const Q = {
  create: `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
  publish: `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
  post: `mutation($id: ID!, $t: String!) { postAnnouncement(challengeId: $id, title: $t, body: "Online, next Tuesday.") { announcement { title body } challenge { id } } }`,
  announce: `mutation($id: ID!, $t: String!) { announceChallengeUpdate(id: $id, title: $t, body: "Moved to Thursday.") { challenge { id } } }`,
  list: `query($id: ID!) { challenge(id: $id) { announcements(first: 10) { totalCount nodes { title } } } }`,
};

let hub: TestHub;
let draft: string;
let open: string;

const as = async (query: string, variables: Record<string, unknown>, who: string | null) => {
  return hub.gql<any>(query, variables, who ? hub.fixtures.keys[who] : null);
};
const ok = async (query: string, variables: Record<string, unknown>, who: string | null) => {
  const res = await as(query, variables, who);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

beforeAll(async () => {
  hub = await createTestHub({ clock: () => T0 });
  const input = (title: string) => ({
    agencyId: encodeGlobalId('Organization', hub.fixtures.bureau._id),
    title,
    summary: 'Address lookup for disaster shelters',
    type: 'PROTOTYPE',
    criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
    submissionDeadline: '2027-02-01T00:00:00Z',
    evaluationEnd: '2027-03-01T00:00:00Z',
  });
  draft = (await ok(Q.create, { i: input('A draft') }, 'bureauManager')).createChallenge.challenge.id;
  open = (await ok(Q.create, { i: input('An open one') }, 'bureauManager')).createChallenge.challenge.id;
  await ok(Q.publish, { id: open }, 'bureauManager');
});
afterAll(() => hub.close());

describe('postAnnouncement', () => {
  it('posts to a published challenge, which lists it for everyone, newest first (and so does the old name)', async () => {
    const posted = await ok(Q.post, { id: open, t: 'Info session' }, 'bureauManager');
    expect(posted.postAnnouncement).toEqual({
      announcement: { title: 'Info session', body: 'Online, next Tuesday.' },
      challenge: { id: open },
    });
    await ok(Q.announce, { id: open, t: 'Info session moved' }, 'ministryAdmin');
    const listed = await ok(Q.list, { id: open }, null);
    expect(listed.challenge.announcements).toEqual({
      totalCount: 2,
      nodes: [{ title: 'Info session moved' }, { title: 'Info session' }],
    });
  });

  it.each([
    ['anonymous', null, () => open, 'UNAUTHENTICATED'],
    ['a company', 'companyADev', () => open, 'FORBIDDEN'],
    ['a company, to a draft it cannot see', 'companyADev', () => draft, 'NOT_FOUND'],
    ['the agency, to its draft', 'bureauManager', () => draft, 'CONFLICT'],
  ])('refuses %s (key: %s), changing nothing', async (_name, who, id, code) => {
    const before = await snapshotDomain(hub);
    for (const query of [Q.post, Q.announce]) {
      const res = await as(query, { id: id(), t: 'Nope' }, who);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    }
    expect(await snapshotDomain(hub)).toBe(before);
  });
});
