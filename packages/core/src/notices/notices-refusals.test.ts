/**
 * The doors of the notices module tried without the key: another organization's interests and inboxes, another
 * member's notice, bad channels. Each refusal carries its code, changes nothing and is on the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { Notice } from './model.js';

let hub: TestHub;
const now = Date.parse('2030-01-01T00:00:00Z');
const SET_INTERESTS = `mutation($o: ID!, $i: InterestsInput!) { setInterests(organizationId: $o, input: $i) { interests { tags } } }`;
const MARK = `mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) { unreadCount } }`;
const orgId = (id: string) => encodeGlobalId('Organization', id);
let adminNotice: string;

const refusals = (action: string, outcome: string) => hub.services.audit.countEvents({ action, outcome });

describe('notices refused', () => {
  beforeAll(async () => {
    hub = await createTestHub({ clock: () => now });
    const { keys, companyA, bureau } = hub.fixtures;
    const set = await hub.gql(SET_INTERESTS, { o: orgId(companyA._id), i: { tags: ['water'] } }, keys.companyAAdmin);
    expect(set.errors).toBeUndefined();
    const created = await hub.gql(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: orgId(bureau._id),
          title: 'Clean water',
          summary: 'Water quality sensors',
          type: 'IDEA',
          tags: ['water'],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2030-06-01T00:00:00Z',
          evaluationEnd: '2030-12-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const id = created.data.createChallenge.challenge.id as string;
    await hub.gql(`mutation($id: ID!) { publishChallenge(id: $id) { challenge { id } } }`, { id }, keys.bureauManager);
    const notice = await hub.store
      .collection<Notice>('notices')
      .findOne({ memberId: hub.fixtures.members.companyAAdmin!._id });
    adminNotice = encodeGlobalId('Notice', notice!._id);
  });
  afterAll(() => hub.close());

  it("another organization cannot read an organization's interests", async () => {
    const { keys, companyA } = hub.fixtures;
    for (const key of [keys.companyBAdmin, keys.bureauAdmin, keys.platformAdmin]) {
      const res = await hub.gql(
        `query($o: ID) { interests(organizationId: $o) { tags } }`,
        { o: orgId(companyA._id) },
        key,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const anonymous = await hub.gql(`{ interests { tags } }`, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("another organization's admin, and a member who is not an admin, cannot change interests; refused and audited", async () => {
    const { keys, companyA } = hub.fixtures;
    for (const key of [keys.companyBAdmin, keys.platformAdmin, keys.companyADev]) {
      const before = await refusals('notices.setInterests', 'FORBIDDEN');
      await expectRefused(hub, 'FORBIDDEN', () =>
        hub.gql(SET_INTERESTS, { o: orgId(companyA._id), i: { tags: ['hijacked'] } }, key),
      );
      expect(await refusals('notices.setInterests', 'FORBIDDEN')).toBe(before + 1);
    }
    const own = await hub.gql(`{ interests { tags } }`, {}, keys.companyADev);
    expect(own.data.interests.tags).toEqual(['water']);
  });

  it("marking another member's notice read is refused as NOT_FOUND (also within the same company), nothing marked, audited", async () => {
    const { keys } = hub.fixtures;
    for (const key of [keys.companyADev, keys.companyBAdmin]) {
      const before = await refusals('notices.markRead', 'NOT_FOUND');
      await expectRefused(hub, 'NOT_FOUND', () => hub.gql(MARK, { ids: [adminNotice] }, key));
      expect(await refusals('notices.markRead', 'NOT_FOUND')).toBe(before + 1);
    }
    // All or nothing: one foreign id among the member's own refuses the call, and the own one stays unread.
    const own = await hub.gql(`{ notices { nodes { id } } }`, {}, keys.companyADev);
    const ownId = own.data.notices.nodes[0].id as string;
    await expectRefused(hub, 'NOT_FOUND', () => hub.gql(MARK, { ids: [ownId, adminNotice] }, keys.companyADev));
    expect((await hub.gql(`{ unreadNoticeCount }`, {}, keys.companyADev)).data.unreadNoticeCount).toBe(1);
    expect((await hub.gql(`{ unreadNoticeCount }`, {}, keys.companyAAdmin)).data.unreadNoticeCount).toBe(1);
  });

  it("another member's inbox cannot be read: node(id) answers null and inboxes list only one's own", async () => {
    const { keys } = hub.fixtures;
    for (const key of [keys.companyADev, keys.companyBAdmin, keys.platformAdmin]) {
      const res = await hub.gql(
        `query($id: ID!) { node(id: $id) { id ... on Notice { title } } }`,
        { id: adminNotice },
        key,
      );
      expect(res.data?.node ?? null).toBeNull();
    }
    const b = await hub.gql(`{ unreadNoticeCount notices { nodes { id } } }`, {}, keys.companyBAdmin);
    expect(b.data).toEqual({ unreadNoticeCount: 0, notices: { nodes: [] } });
    const mine = await hub.gql(
      `query($id: ID!) { node(id: $id) { ... on Notice { title } } }`,
      { id: adminNotice },
      keys.companyAAdmin,
    );
    expect(mine.data.node).toEqual({ title: 'Clean water' });
  });

  it('a channel that is not https, or not an e-mail address, is BAD_USER_INPUT naming the field; interests out of range too', async () => {
    const { keys, companyA } = hub.fixtures;
    const set = `mutation($i: NoticeChannelsInput!) { setNoticeChannels(input: $i) { channels { webhookUrl } } }`;
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(set, { i: { webhookUrl: 'http://hooks.example.gov.kr/x' } }, keys.companyADev),
      'input.webhookUrl',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(set, { i: { email: 'not-an-address' } }, keys.companyADev),
      'input.email',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          SET_INTERESTS,
          { o: orgId(companyA._id), i: { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) } },
          keys.companyAAdmin,
        ),
      'input.tags',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(SET_INTERESTS, { o: orgId(companyA._id), i: { agencyIds: ['nonsense'] } }, keys.companyAAdmin),
      'input.agencyIds.0',
    );
    expect(await refusals('notices.setChannels', 'BAD_USER_INPUT')).toBe(2);
  });

  it('a draft cancelled before publication, and a draft edited, produce no notice', async () => {
    const { keys, bureau } = hub.fixtures;
    const before = await hub.store.collection('notices').count({});
    const created = await hub.gql(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: orgId(bureau._id),
          title: 'Private water draft',
          summary: 'Never published',
          type: 'IDEA',
          tags: ['water'],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2030-06-01T00:00:00Z',
          evaluationEnd: '2030-12-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const id = created.data.createChallenge.challenge.id as string;
    await hub.gql(
      `mutation($id: ID!) { updateChallenge(id: $id, input: { summary: "Still private" }) { challenge { id } } }`,
      { id },
      keys.bureauManager,
    );
    const cancelled = await hub.gql(
      `mutation($id: ID!) { cancelChallenge(id: $id, reason: "Not needed") { challenge { status } } }`,
      { id },
      keys.bureauManager,
    );
    expect(cancelled.errors).toBeUndefined();
    expect(await hub.store.collection('notices').count({})).toBe(before);
    const forYou = await hub.gql(`{ challengesForYou { nodes { title } } }`, {}, keys.companyAAdmin);
    expect(forYou.data.challengesForYou.nodes.map((c: { title: string }) => c.title)).toEqual(['Clean water']);
  });
});
