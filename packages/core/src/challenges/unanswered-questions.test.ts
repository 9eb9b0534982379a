import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

/** `Challenge.unansweredQuestionCount`: what an agency's task table shows, for the agency only, counted per page. */

const T0 = Date.parse('2027-01-01T00:00:00Z');

const Q = {
  create: `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
  publish: `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
  ask: `mutation($id: ID!, $q: String!) { askQuestion(challengeId: $id, question: $q) { question { id } } }`,
  answer: `mutation($id: ID!) { answerQuestion(id: $id, answer: "Yes.") { question { id } } }`,
  one: `query($id: ID!) { challenge(id: $id) { unansweredQuestionCount } }`,
  list: `query($a: ID!) { challenges(first: 20, filter: { agencyId: $a }) { nodes { id unansweredQuestionCount } } }`,
};

let hub: TestHub;
let first: string;
let second: string;

const ok = async (query: string, variables: Record<string, unknown>, who: string) => {
  const res = await hub.gql<any>(query, variables, hub.fixtures.keys[who]);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

beforeAll(async () => {
  hub = await createTestHub({ clock: () => T0 });
  const input = (title: string) => ({
    agencyId: encodeGlobalId('Organization', hub.fixtures.bureau._id),
    title,
    summary: 'Shelter address lookup',
    type: 'PROTOTYPE',
    criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
    submissionDeadline: '2027-02-01T00:00:00Z',
    evaluationEnd: '2027-03-01T00:00:00Z',
  });
  first = (await ok(Q.create, { i: input('First') }, 'bureauManager')).createChallenge.challenge.id;
  second = (await ok(Q.create, { i: input('Second') }, 'bureauManager')).createChallenge.challenge.id;
  for (const id of [first, second]) await ok(Q.publish, { id }, 'bureauManager');
  const asked = [];
  for (const q of ['Is open data enough?', 'May we use a cloud?', 'Who runs it?'])
    asked.push((await ok(Q.ask, { id: first, q }, 'companyADev')).askQuestion.question.id);
  await ok(Q.ask, { id: second, q: 'Any budget?' }, 'companyBDev');
  await ok(Q.answer, { id: asked[0] }, 'bureauManager');
});
afterAll(() => hub.close());

describe('unansweredQuestionCount', () => {
  it('counts each challenge’s unanswered questions for its agency, on a page of challenges', async () => {
    const agencyId = encodeGlobalId('Organization', hub.fixtures.bureau._id);
    const page = await ok(Q.list, { a: agencyId }, 'bureauManager');
    const counts = Object.fromEntries(
      page.challenges.nodes.map((n: { id: string; unansweredQuestionCount: number }) => [
        n.id,
        n.unansweredQuestionCount,
      ]),
    );
    expect(counts).toEqual({ [first]: 2, [second]: 1 });
    // An agency above counts too; so does a platform admin.
    expect((await ok(Q.one, { id: first }, 'ministryAdmin')).challenge.unansweredQuestionCount).toBe(2);
    expect((await ok(Q.one, { id: first }, 'platformAdmin')).challenge.unansweredQuestionCount).toBe(2);
  });

  it('counts a whole page with one grouped read, not one per challenge', async () => {
    const countBy = vi.spyOn(hub.store.collection('questions'), 'countBy');
    try {
      const agencyId = encodeGlobalId('Organization', hub.fixtures.bureau._id);
      const page = await ok(Q.list, { a: agencyId }, 'bureauManager');
      expect(page.challenges.nodes).toHaveLength(2);
      expect(countBy).toHaveBeenCalledTimes(1);
    } finally {
      countBy.mockRestore();
    }
  });

  it('is null for a company, even the one that asked, and for an agency below', async () => {
    expect((await ok(Q.one, { id: first }, 'companyADev')).challenge.unansweredQuestionCount).toBeNull();
    expect((await ok(Q.one, { id: first }, 'divisionAdmin')).challenge.unansweredQuestionCount).toBeNull();
    const anonymous = await hub.gql<any>(Q.one, { id: first }, null);
    expect(anonymous.data.challenge.unansweredQuestionCount).toBeNull();
  });
});
