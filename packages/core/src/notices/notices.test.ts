/**
 * Notices end to end over GraphQL: each trigger reaches exactly the organizations concerned, or interested and
 * eligible, and nobody else; a draft produces nothing; "challenges for you" lists what matches, soonest deadline first.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { Notice } from './model.js';

let hub: TestHub;
let now = Date.parse('2030-01-01T00:00:00Z');

const ok = async (query: string, variables: Record<string, unknown>, key: string | undefined) => {
  const res = await hub.gql(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};
const inboxOf = async (key: string | undefined) =>
  (await ok(
    `{ unreadNoticeCount notices(first: 50) { nodes { id kind reason title outcome read challenge { title } } } }`,
    {},
    key,
  )) as {
    unreadNoticeCount: number;
    notices: {
      nodes: Array<{
        id: string;
        kind: string;
        reason: string;
        title: string;
        outcome: string | null;
        challenge: { title: string } | null;
      }>;
    };
  };
const stored = () => hub.store.collection<Notice>('notices').find({}, { sort: [['_id', 1]] });

const SET_INTERESTS = `mutation($o: ID!, $i: InterestsInput!) { setInterests(organizationId: $o, input: $i) { interests { tags challengeTypes version agencies { name } } } }`;
const CREATE = `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`;
const PUBLISH = `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`;

async function createChallenge(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(
    CREATE,
    {
      i: {
        agencyId: encodeGlobalId('Organization', hub.fixtures.bureau._id),
        title,
        summary: 'A challenge for notices',
        type: 'IDEA',
        tags: ['mobility'],
        criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
        submissionDeadline: '2030-06-01T00:00:00Z',
        evaluationEnd: '2030-12-01T00:00:00Z',
        ...extra,
      },
    },
    hub.fixtures.keys.bureauManager,
  );
  return data.createChallenge.challenge.id as string;
}

describe('notices', () => {
  beforeAll(async () => {
    const importDir = await mkdtemp(join(tmpdir(), 'maru-notices-'));
    hub = await createTestHub({ clock: () => now, data: { importDir } });
    await mkdir(join(importDir, hub.fixtures.bureau.slug), { recursive: true });
    await writeFile(join(importDir, hub.fixtures.bureau.slug, 'firms.csv'), 'id,name\n1,Hanbit\n2,Mirae\n');
    const { keys, companyA, bureau } = hub.fixtures;
    await ok(
      SET_INTERESTS,
      { o: encodeGlobalId('Organization', companyA._id), i: { tags: ['Mobility'], agencyIds: [] } },
      keys.companyAAdmin,
    );
    // Company B declares an interest that matches nothing published here.
    await ok(
      SET_INTERESTS,
      { o: encodeGlobalId('Organization', hub.fixtures.companyB._id), i: { tags: ['health'] } },
      keys.companyBAdmin,
    );
    expect(bureau).toBeTruthy();
  });
  afterAll(() => hub.close());

  it('a draft produces no notice; publishing tells every member of the interested, eligible company once, and nobody else', async () => {
    const { keys } = hub.fixtures;
    const id = await createChallenge('Smarter bus stops');
    expect(await stored()).toEqual([]);
    await ok(PUBLISH, { id }, keys.bureauManager);
    const notices = await stored();
    expect(notices.map((n) => [n.memberId, n.kind, n.reason])).toEqual(
      expect.arrayContaining([
        [hub.fixtures.members.companyAAdmin!._id, 'CHALLENGE_PUBLISHED', 'INTERESTED'],
        [hub.fixtures.members.companyADev!._id, 'CHALLENGE_PUBLISHED', 'INTERESTED'],
      ]),
    );
    expect(new Set(notices.map((n) => n.organizationId))).toEqual(new Set([hub.fixtures.companyA._id]));
    const inbox = await inboxOf(keys.companyADev);
    expect(inbox.unreadNoticeCount).toBe(1);
    expect(inbox.notices.nodes[0]).toMatchObject({
      kind: 'CHALLENGE_PUBLISHED',
      reason: 'INTERESTED',
      title: 'Smarter bus stops',
      challenge: { title: 'Smarter bus stops' },
    });
    expect((await inboxOf(keys.companyBAdmin)).unreadNoticeCount).toBe(0);
    expect((await inboxOf(keys.bureauManager)).unreadNoticeCount).toBe(0);
  });

  it('a matching challenge a company is not eligible for tells it nothing and is not "for you"', async () => {
    const { keys } = hub.fixtures;
    const before = (await stored()).length;
    const id = await createChallenge('Agencies only', {
      eligibility: { organizationKinds: ['AGENCY'], minTeamSize: 1, maxTeamSize: null },
    });
    await ok(PUBLISH, { id }, keys.bureauManager);
    expect((await stored()).length).toBe(before);
    const forYou = await ok(`{ challengesForYou { nodes { title } } }`, {}, keys.companyAAdmin);
    expect(forYou.challengesForYou.nodes.map((c: { title: string }) => c.title)).toEqual(['Smarter bus stops']);
  });

  it('"challenges for you" lists open matches soonest deadline first, by tag, type or agency; none without interests', async () => {
    const { keys, companyA, ministry } = hub.fixtures;
    const later = await createChallenge('Later by type', {
      tags: ['other'],
      type: 'PROTOTYPE',
      submissionDeadline: '2030-09-01T00:00:00Z',
    });
    const sooner = await createChallenge('Sooner by agency', {
      tags: ['other'],
      submissionDeadline: '2030-03-01T00:00:00Z',
    });
    await ok(PUBLISH, { id: later }, keys.bureauManager);
    await ok(PUBLISH, { id: sooner }, keys.bureauManager);
    await ok(
      SET_INTERESTS,
      {
        o: encodeGlobalId('Organization', companyA._id),
        i: {
          tags: ['mobility'],
          challengeTypes: ['PROTOTYPE'],
          agencyIds: [encodeGlobalId('Organization', ministry._id)],
        },
      },
      keys.companyAAdmin,
    );
    const forYou = await ok(`{ challengesForYou(first: 10) { nodes { title } } }`, {}, keys.companyADev);
    expect(forYou.challengesForYou.nodes.map((c: { title: string }) => c.title)).toEqual([
      'Sooner by agency',
      'Smarter bus stops',
      'Later by type',
    ]);
    const none = await ok(`{ challengesForYou { nodes { title } } }`, {}, keys.platformAdmin);
    expect(none.challengesForYou.nodes).toEqual([]);
  });

  it('an answer reaches the asking organization only; marking read lowers the unread count', async () => {
    const { keys } = hub.fixtures;
    const id = await createChallenge('Questions welcome', { tags: ['unrelated'], type: 'PRODUCTION_SERVICE' });
    await ok(PUBLISH, { id }, keys.bureauManager);
    const asked = await ok(
      `mutation($c: ID!) { askQuestion(challengeId: $c, question: "May a consortium apply?") { question { id } } }`,
      { c: id },
      keys.companyBDev,
    );
    const before = (await inboxOf(keys.companyAAdmin)).notices.nodes.length;
    await ok(
      `mutation($q: ID!) { answerQuestion(id: $q, answer: "Yes.") { question { id } } }`,
      { q: asked.askQuestion.question.id },
      keys.bureauManager,
    );
    const inbox = await inboxOf(keys.companyBDev);
    expect(inbox.notices.nodes[0]).toMatchObject({
      kind: 'QUESTION_ANSWERED',
      reason: 'CONCERNED',
      title: 'Questions welcome',
    });
    expect((await inboxOf(keys.companyAAdmin)).notices.nodes.length).toBe(before);
    const unread = inbox.unreadNoticeCount;
    const marked = await ok(
      `mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) { unreadCount notices { read } } }`,
      { ids: [inbox.notices.nodes[0]!.id] },
      keys.companyBDev,
    );
    expect(marked.markNoticesRead).toEqual({ unreadCount: unread - 1, notices: [{ read: true }] });
  });

  it('an award tells the submitters — the winner as WINNER, the others as NOT_SELECTED — and nobody else', async () => {
    const { keys } = hub.fixtures;
    const id = await createChallenge('Awarded one', { tags: ['award-only'] });
    await ok(PUBLISH, { id }, keys.bureauManager);
    const subs: string[] = [];
    for (const key of [keys.companyADev, keys.companyBDev]) {
      const s = await ok(
        `mutation($c: ID!) { createSubmission(input: { challengeId: $c, title: "Ours", proposal: "We will build it." }) { submission { id } } }`,
        { c: id },
        key!,
      );
      await ok(
        `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`,
        { id: s.createSubmission.submission.id },
        key!,
      );
      subs.push(s.createSubmission.submission.id);
    }
    await ok(`mutation($id: ID!) { closeChallenge(id: $id) { challenge { id } } }`, { id }, keys.bureauManager);
    await ok(
      `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { id } } }`,
      { id },
      keys.bureauManager,
    );
    await ok(
      `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w) { challenge { status } } }`,
      { id, w: [{ submissionId: subs[0] }] },
      keys.bureauManager,
    );
    const awarded = (await stored()).filter((n) => n.kind === 'CHALLENGE_AWARDED');
    const byOrg = Object.fromEntries(awarded.map((n) => [n.organizationId, n.outcome]));
    expect(byOrg).toEqual({ [hub.fixtures.companyA._id]: 'WINNER', [hub.fixtures.companyB._id]: 'NOT_SELECTED' });
    // Two members in each company, one notice each.
    expect(awarded.length).toBe(4);
  });

  it('a dataset becoming available tells the organizations that asked about it or declared interest; a decision tells the requester', async () => {
    const { keys, bureau, companyA, companyB } = hub.fixtures;
    const created = await ok(
      `mutation($input: CreateDataConnectionInput!) { createDataConnection(input: $input) { dataConnection { id } } }`,
      {
        input: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          licence: 'KOGL-Type1',
          name: 'Registered firms',
          classification: 'RESTRICTED',
          keyField: 'id',
          fields: [
            { name: 'id', type: 'STRING', description: 'Firm id', personal: false },
            { name: 'name', type: 'STRING', description: 'Firm name', personal: false },
          ],
          connector: { kind: 'CSV', config: { path: 'firms.csv' } },
        },
      },
      keys.bureauAdmin,
    );
    const connectionId = created.createDataConnection.dataConnection.id as string;
    // Company A declares interest; company B asks for access before the first sync.
    await ok(
      SET_INTERESTS,
      { o: encodeGlobalId('Organization', companyA._id), i: { tags: ['mobility'], datasetIds: [connectionId] } },
      keys.companyAAdmin,
    );
    const requested = await ok(
      `mutation($i: RequestDataAccessInput!) { requestDataAccess(input: $i) { accessRequest { id } } }`,
      { i: { connectionId, purpose: 'Matching firms', fields: ['id', 'name'], expiresAt: '2030-06-01T00:00:00Z' } },
      keys.companyBAdmin,
    );
    await ok(
      `mutation($id: ID!) { syncDataConnection(id: $id, wait: true) { sync { status } } }`,
      { id: connectionId },
      keys.bureauAdmin,
    );
    const available = (await stored()).filter((n) => n.kind === 'DATASET_AVAILABLE');
    expect(new Set(available.map((n) => `${n.organizationId}:${n.reason}`))).toEqual(
      new Set([`${companyA._id}:INTERESTED`, `${companyB._id}:CONCERNED`]),
    );
    // A second sync is not a first: nothing more.
    await ok(
      `mutation($id: ID!) { syncDataConnection(id: $id, wait: true) { sync { status } } }`,
      { id: connectionId },
      keys.bureauAdmin,
    );
    expect((await stored()).filter((n) => n.kind === 'DATASET_AVAILABLE').length).toBe(available.length);
    await ok(
      `mutation($id: ID!) { decideDataAccess(id: $id, approve: true) { accessRequest { status } } }`,
      { id: requested.requestDataAccess.accessRequest.id },
      keys.bureauAdmin,
    );
    const decided = (await stored()).filter((n) => n.kind === 'DATA_ACCESS_DECIDED');
    expect(decided.map((n) => [n.organizationId, n.outcome])).toEqual([
      [companyB._id, 'APPROVED'],
      [companyB._id, 'APPROVED'],
    ]);
  });
});
