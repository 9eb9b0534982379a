import { afterEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { newId } from '../ids.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, storedTables, type GraphQLResponse, type TestHub } from '../testing/test-hub.js';
import type { Review, Submission } from './model.js';

/**
 * The conflict-of-interest rule of a review panel, tried by the people it keeps out: a reviewer of a company that
 * competes in the challenge cannot be seated, cannot declare, cannot score any entry — their own company's or a
 * competitor's — and what they scored does not count; nobody scores before declaring, and nobody declares for another.
 * Each refusal asserts its code, that no domain collection changed, and the audit event that recorded it.
 */

const DEADLINE = '2027-02-01T00:00:00.000Z';
const T0 = Date.parse('2027-01-01T00:00:00Z');

const Q = {
  create: `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
  publish: `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
  close: `mutation($id: ID!) { closeChallenge(id: $id) { challenge { status } } }`,
  evaluate: `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { status } } }`,
  assign: `mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { panel { name } } } }`,
  declare: `mutation($c: ID!, $s: String) { declareNoConflict(challengeId: $c, statement: $s) { declaration { reviewerName statement declaredAt } } }`,
  draft: `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }`,
  submit: `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`,
  withdraw: `mutation($id: ID!) { withdrawSubmission(id: $id) { submission { status } } }`,
  score: `mutation($s: ID!, $sc: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $sc) { review { scores { score } } } }`,
  panel: `query($id: ID!) { challenge(id: $id) { panel { name conflictOfInterest declaredNoConflictAt } reviewProgress { reviewerName scored of conflictOfInterest } } }`,
  results: `query($id: ID!) { challenge(id: $id) { results { submission { id } weightedScore reviewCount } } }`,
  seat: `query($id: ID!) { challenge(id: $id) { myPanelSeat { conflictOfInterest declaredNoConflictAt } } }`,
};

const SCORES = [
  { criterionKey: 'impact', score: 8 },
  { criterionKey: 'feasibility', score: 6 },
];
const ZEROS = SCORES.map((s) => ({ ...s, score: 0 }));

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function world() {
  let now = T0;
  hub = await createTestHub({ clock: () => now });
  const h = hub;
  const keys = h.fixtures.keys;
  const gql = (query: string, variables: Record<string, unknown>, who: string) => h.gql(query, variables, keys[who]!);
  const ok = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await gql(query, variables, who);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data as any;
  };
  const member = (handle: string) => encodeGlobalId('Member', h.fixtures.members[handle]!._id);
  // Company A's admin makes its developer a reviewer too: the person an agency might invite from industry.
  await ok(
    `mutation($id: ID!) { updateMember(id: $id, input: { roles: [DEVELOPER, REVIEWER] }) { member { id } } }`,
    { id: member('companyADev') },
    'companyAAdmin',
  );
  const id = (
    await ok(
      Q.create,
      {
        i: {
          agencyId: encodeGlobalId('Organization', h.fixtures.bureau._id),
          title: 'Find the nearest shelter',
          summary: 'Address lookup',
          type: 'PROTOTYPE',
          criteria: [
            { key: 'impact', name: 'Impact', weight: 60 },
            { key: 'feasibility', name: 'Feasibility', weight: 40 },
          ],
          submissionDeadline: DEADLINE,
          evaluationEnd: '2027-03-01T00:00:00Z',
        },
      },
      'bureauManager',
    )
  ).createChallenge.challenge.id as string;
  await ok(Q.publish, { id }, 'bureauManager');
  const draft = async (who: string) =>
    (await ok(Q.draft, { i: { challengeId: id, title: `Entry of ${who}`, proposal: 'We build it.' } }, who))
      .createSubmission.submission.id as string;
  const enter = async (who: string) => {
    const s = await draft(who);
    await ok(Q.submit, { id: s }, who);
    return s;
  };
  const evaluate = async () => {
    await ok(Q.close, { id }, 'bureauManager');
    await ok(Q.evaluate, { id }, 'bureauManager');
  };
  /** The audit event a refused (or accepted) mutation left, newest of its action. */
  const lastEvent = async (action: string) =>
    (await storedTables(h).auditEvents.find({ action }, { sort: [['seq', -1]], limit: 1 }))[0];
  return { hub: h, id, gql, ok, member, draft, enter, evaluate, lastEvent, setNow: (ms: number) => (now = ms) };
}

type World = Awaited<ReturnType<typeof world>>;

async function refusedAndAudited(
  w: World,
  code: string,
  action: string,
  who: string,
  run: () => Promise<GraphQLResponse>,
  field?: string,
) {
  const res = await expectRefused(w.hub, code, run, field);
  const event = await w.lastEvent(action);
  expect(event, `an audit event for ${action}`).toMatchObject({
    outcome: code,
    actorMemberId: w.hub.fixtures.members[who]!._id,
  });
  return res;
}

describe('seating a reviewer whose organization competes', () => {
  it('is refused with CONFLICT_OF_INTEREST naming the member and the rule; nothing changes; the refusal is audited', async () => {
    const w = await world();
    await w.enter('companyAAdmin');
    const res = await refusedAndAudited(
      w,
      'CONFLICT_OF_INTEREST',
      'challenge.assignReviewers',
      'bureauManager',
      () => w.gql(Q.assign, { id: w.id, m: [w.member('divisionReviewer'), w.member('companyADev')] }, 'bureauManager'),
      'memberIds.1',
    );
    expect(res.errors![0]!.message).toContain('companyADev');
    expect(res.errors![0]!.message).toMatch(/organization has a submission to this challenge/);
    // The agency's own reviewer alone is seated.
    expect(
      (await w.ok(Q.assign, { id: w.id, m: [w.member('divisionReviewer')] }, 'bureauManager')).assignReviewers,
    ).toEqual({ challenge: { panel: [{ name: 'divisionReviewer' }] } });
  });

  it('counts a draft (the intent to compete), and stops counting once it is withdrawn', async () => {
    const w = await world();
    const draft = await w.draft('companyADev');
    await expectRefused(
      w.hub,
      'CONFLICT_OF_INTEREST',
      () => w.gql(Q.assign, { id: w.id, m: [w.member('companyADev')] }, 'bureauManager'),
      'memberIds.0',
    );
    await w.ok(Q.withdraw, { id: draft }, 'companyAAdmin');
    expect((await w.ok(Q.assign, { id: w.id, m: [w.member('companyADev')] }, 'bureauManager')).assignReviewers).toEqual(
      { challenge: { panel: [{ name: 'companyADev' }] } },
    );
  });
});

describe('a reviewer whose organization enters after they were seated', () => {
  it('cannot score any entry, is shown conflicted to the agency, and what they scored does not count', async () => {
    const w = await world();
    // Seated while company A had not entered, and declared in good faith.
    await w.ok(Q.assign, { id: w.id, m: [w.member('divisionReviewer'), w.member('companyADev')] }, 'bureauManager');
    await w.ok(Q.declare, { c: w.id }, 'divisionReviewer');
    await w.ok(Q.declare, { c: w.id }, 'companyADev');
    const a = await w.enter('companyAAdmin');
    const b = await w.enter('companyBDev');
    await w.evaluate();

    // Neither their own company's entry nor the competitor's, which a conflicted seat no longer even shows them.
    await refusedAndAudited(w, 'CONFLICT_OF_INTEREST', 'review.score', 'companyADev', () =>
      w.gql(Q.score, { s: a, sc: ZEROS }, 'companyADev'),
    );
    await refusedAndAudited(w, 'NOT_FOUND', 'review.score', 'companyADev', () =>
      w.gql(Q.score, { s: b, sc: ZEROS }, 'companyADev'),
    );
    // Re-seating the same panel is refused too: the agency has to replace them.
    await expectRefused(
      w.hub,
      'CONFLICT_OF_INTEREST',
      () => w.gql(Q.assign, { id: w.id, m: [w.member('divisionReviewer'), w.member('companyADev')] }, 'bureauManager'),
      'memberIds.1',
    );

    await w.ok(Q.score, { s: a, sc: SCORES }, 'divisionReviewer');
    await w.ok(Q.score, { s: b, sc: SCORES }, 'divisionReviewer');
    const before = (await w.ok(Q.results, { id: w.id }, 'bureauManager')).challenge.results;
    expect(before).toEqual([
      { submission: { id: a }, weightedScore: 72, reviewCount: 1 },
      { submission: { id: b }, weightedScore: 72, reviewCount: 1 },
    ]);

    // The 0/0/0 the issue reported: given to the competitor under the earlier rule, which refused a reviewer only on
    // their own company's entry. It is stored as that hub stored it; no path of the API can write it any more.
    const aDev = w.hub.fixtures.members.companyADev!;
    const competitor = (await w.hub.store
      .collection<Submission>('submissions')
      .findOne({ title: 'Entry of companyBDev' }))!;
    await w.hub.store.collection<Review>('reviews').insertOne({
      _id: newId(),
      challengeId: competitor.challengeId,
      submissionId: competitor._id,
      reviewerId: aDev._id,
      reviewerOrganizationId: aDev.organizationId,
      scores: ZEROS.map((s) => ({ ...s, comment: '' })),
      publicComment: null,
      createdAt: '2027-02-01T00:00:00.000Z',
      updatedAt: '2027-02-01T00:00:00.000Z',
      version: 1,
    });
    expect((await w.ok(Q.results, { id: w.id }, 'bureauManager')).challenge.results).toEqual(before);

    const panel = (await w.ok(Q.panel, { id: w.id }, 'bureauManager')).challenge;
    expect(panel.panel).toEqual([
      { name: 'divisionReviewer', conflictOfInterest: false, declaredNoConflictAt: '2027-01-01T00:00:00.000Z' },
      { name: 'companyADev', conflictOfInterest: true, declaredNoConflictAt: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(panel.reviewProgress).toEqual([
      { reviewerName: 'divisionReviewer', scored: 2, of: 2, conflictOfInterest: false },
      { reviewerName: 'companyADev', scored: 0, of: 2, conflictOfInterest: true },
    ]);
    expect((await w.ok(Q.seat, { id: w.id }, 'companyADev')).challenge.myPanelSeat).toEqual({
      conflictOfInterest: true,
      declaredNoConflictAt: '2027-01-01T00:00:00.000Z',
    });

    // Nor do they read the competitor's work: a conflicted seat shows their own organization's entry only.
    const entries = `query($id: ID!) { challenge(id: $id) { submissions(first: 10) { nodes { id } } } }`;
    expect((await w.ok(entries, { id: w.id }, 'companyADev')).challenge.submissions.nodes).toEqual([{ id: a }]);
    expect((await w.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: b }, 'companyADev')).data.node).toBeNull();
    // The panelist without a conflict still reads both.
    expect((await w.ok(entries, { id: w.id }, 'divisionReviewer')).challenge.submissions.nodes).toHaveLength(2);
  });
});

describe('declaring no conflict', () => {
  it('is required before scoring, and recorded on the audit trail for the agency', async () => {
    const w = await world();
    const a = await w.enter('companyAAdmin');
    await w.ok(Q.assign, { id: w.id, m: [w.member('divisionReviewer')] }, 'bureauManager');
    await w.evaluate();
    const res = await refusedAndAudited(w, 'CONFLICT_DECLARATION_REQUIRED', 'review.score', 'divisionReviewer', () =>
      w.gql(Q.score, { s: a, sc: SCORES }, 'divisionReviewer'),
    );
    expect(res.errors![0]!.message).toMatch(/declareNoConflict/);
    expect((await w.ok(Q.seat, { id: w.id }, 'divisionReviewer')).challenge.myPanelSeat).toEqual({
      conflictOfInterest: false,
      declaredNoConflictAt: null,
    });

    w.setNow(Date.parse('2027-02-03T09:00:00Z'));
    const declared = await w.ok(Q.declare, { c: w.id, s: 'No tie to any entrant.' }, 'divisionReviewer');
    expect(declared.declareNoConflict.declaration).toEqual({
      reviewerName: 'divisionReviewer',
      statement: 'No tie to any entrant.',
      declaredAt: '2027-02-03T09:00:00.000Z',
    });
    expect(await w.lastEvent('review.declareNoConflict')).toMatchObject({
      outcome: 'SUCCESS',
      actorMemberId: w.hub.fixtures.members.divisionReviewer!._id,
      organizationId: w.hub.fixtures.bureau._id,
    });
    // Declaring again keeps the first declaration.
    w.setNow(Date.parse('2027-02-04T09:00:00Z'));
    expect((await w.ok(Q.declare, { c: w.id }, 'divisionReviewer')).declareNoConflict.declaration).toEqual(
      declared.declareNoConflict.declaration,
    );
    await w.ok(Q.score, { s: a, sc: SCORES }, 'divisionReviewer');
  });

  it('is refused to a reviewer whose organization competes', async () => {
    const w = await world();
    await w.ok(Q.assign, { id: w.id, m: [w.member('companyADev')] }, 'bureauManager');
    await w.draft('companyAAdmin');
    await refusedAndAudited(w, 'CONFLICT_OF_INTEREST', 'review.declareNoConflict', 'companyADev', () =>
      w.gql(Q.declare, { c: w.id }, 'companyADev'),
    );
  });

  it('cannot be made by anyone for someone else: the agency, another agency, or a member off the panel', async () => {
    const w = await world();
    await w.ok(Q.assign, { id: w.id, m: [w.member('divisionReviewer')] }, 'bureauManager');
    for (const who of ['bureauManager', 'ministryAdmin', 'divisionAdmin', 'companyBAdmin'])
      await refusedAndAudited(w, 'FORBIDDEN', 'review.declareNoConflict', who, () =>
        w.gql(Q.declare, { c: w.id }, who),
      );
    // The reviewer is still undeclared.
    expect((await w.ok(Q.panel, { id: w.id }, 'bureauManager')).challenge.panel).toEqual([
      { name: 'divisionReviewer', conflictOfInterest: false, declaredNoConflictAt: null },
    ]);
    // The mutation has no argument that names a reviewer: a declaration is always the caller's own.
    const named = await w.gql(
      `mutation($c: ID!, $m: ID!) { declareNoConflict(challengeId: $c, memberId: $m) { declaration { declaredAt } } }`,
      { c: w.id, m: w.member('divisionReviewer') },
      'bureauManager',
    );
    expect(named.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
