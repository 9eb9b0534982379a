import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { newId } from '../ids.js';
import {
  createTestHub,
  snapshotDomain,
  type Fixtures,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import type { Challenge } from './model.js';

/**
 * Every way the challenge module says no, through GraphQL as a client sees
 * it: each refusal asserts its code (and the input field it is about) and
 * that no domain collection changed. Each row starts from a fresh hub and
 * walks it into the state the refusal needs through the API itself.
 */

const T0 = Date.parse('2027-01-01T00:00:00Z');
const DEADLINE = '2027-02-01T00:00:00.000Z';
const AFTER_DEADLINE = Date.parse('2027-02-02T00:00:00Z');

const CRITERIA = [
  { key: 'impact', name: 'Impact', weight: 60 },
  { key: 'feasibility', name: 'Feasibility', weight: 40 },
];

const Q = {
  create: `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id status } } }`,
  update: `mutation($id: ID!, $i: UpdateChallengeInput!) { updateChallenge(id: $id, input: $i) { challenge { id submissionDeadline } } }`,
  publish: `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
  close: `mutation($id: ID!) { closeChallenge(id: $id) { challenge { status } } }`,
  startEvaluation: `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { status } } }`,
  cancel: `mutation($id: ID!) { cancelChallenge(id: $id, reason: "The budget was withdrawn.") { challenge { status } } }`,
  advance: `mutation($id: ID!) { advanceChallengePhase(id: $id) { challenge { status currentPhase submissionDeadline } } }`,
  award: `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w) { challenge { status } } }`,
  assign: `mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }`,
  ask: `mutation($c: ID!) { askQuestion(challengeId: $c, question: "May we use open data?") { question { id } } }`,
  createSubmission: `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id status phase } } }`,
  updateSubmission: `mutation($id: ID!, $i: UpdateSubmissionInput!) { updateSubmission(id: $id, input: $i) { submission { id } } }`,
  submit: `mutation($id: ID!, $ack: Boolean!) { submitSubmission(id: $id, acknowledgeTerms: $ack) { submission { status } } }`,
  withdraw: `mutation($id: ID!) { withdrawSubmission(id: $id) { submission { status } } }`,
  shortlist: `mutation($id: ID!) { shortlistSubmission(id: $id) { submission { status } } }`,
  reject: `mutation($id: ID!) { rejectSubmission(id: $id) { submission { status } } }`,
  declare: `mutation($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }`,
  score: `mutation($s: ID!, $sc: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $sc, publicComment: "Clear plan.") { review { scores { score } } } }`,
};

const SCORES = [
  { criterionKey: 'impact', score: 8 },
  { criterionKey: 'feasibility', score: 6 },
];

/** A fixture member's handle, a member a row added, or no key at all. */
type Caller = string;

interface World {
  hub: TestHub;
  f: Fixtures;
  /** Keys by handle: the fixtures' and any a row adds. */
  keys: Record<string, string>;
  setNow(ms: number): void;
  gql(query: string, variables: Record<string, unknown>, who: Caller): Promise<GraphQLResponse>;
  /** Runs an operation that must succeed and returns its data. */
  ok(query: string, variables: Record<string, unknown>, who: Caller): Promise<any>;
}

let current: TestHub | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

/** A fresh hub at T0; closed after the test unless `keep` (then the caller closes it). */
async function world(keep = false): Promise<World> {
  let now = T0;
  const hub = await createTestHub({ clock: () => now });
  if (!keep) current = hub;
  const keys = { ...hub.fixtures.keys };
  const gql = (query: string, variables: Record<string, unknown>, who: Caller) =>
    hub.gql(query, variables, who === 'anonymous' ? null : keys[who]!);
  return {
    hub,
    f: hub.fixtures,
    keys,
    setNow: (ms) => (now = ms),
    gql,
    ok: async (query, variables, who) => {
      const res = await gql(query, variables, who);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data;
    },
  };
}

const memberId = (w: World, handle: string) => encodeGlobalId('Member', w.f.members[handle]!._id);

function challengeInput(w: World, overrides: Record<string, unknown> = {}) {
  return {
    agencyId: encodeGlobalId('Organization', w.f.bureau._id),
    title: 'Find the nearest shelter',
    summary: 'Address lookup for disaster shelters',
    type: 'PROTOTYPE',
    criteria: CRITERIA,
    submissionDeadline: DEADLINE,
    evaluationEnd: '2027-03-01T00:00:00Z',
    ...overrides,
  };
}

/** A DRAFT of the bureau, posted by its challenge manager. */
async function draft(w: World, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await w.ok(Q.create, { i: challengeInput(w, overrides) }, 'bureauManager')).createChallenge.challenge.id;
}

async function open(w: World, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await draft(w, overrides);
  await w.ok(Q.publish, { id }, 'bureauManager');
  return id;
}

async function startDraft(
  w: World,
  challengeId: string,
  who: Caller,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const data = await w.ok(
    Q.createSubmission,
    { i: { challengeId, title: `Entry of ${who}`, proposal: 'We will build it.', ...extra } },
    who,
  );
  return data.createSubmission.submission.id;
}

async function enter(w: World, challengeId: string, who: Caller): Promise<string> {
  const id = await startDraft(w, challengeId, who);
  await w.ok(Q.submit, { id, ack: true }, who);
  return id;
}

/**
 * OPEN, entries from company A and B, the division's reviewer on the panel (declared free of conflict), closed early,
 * under evaluation.
 */
async function underEvaluation(w: World, panel: string[] = ['divisionReviewer']) {
  const id = await open(w);
  const a = await enter(w, id, 'companyAAdmin');
  const b = await enter(w, id, 'companyBDev');
  await w.ok(Q.assign, { id, m: panel.map((h) => memberId(w, h)) }, 'bureauManager');
  for (const reviewer of panel) await w.ok(Q.declare, { c: id }, reviewer);
  await w.ok(Q.close, { id }, 'bureauManager');
  await w.ok(Q.startEvaluation, { id }, 'bureauManager');
  return { id, a, b };
}

/** Scored by the panel and awarded to company A. */
async function awarded(w: World) {
  const ids = await underEvaluation(w);
  for (const s of [ids.a, ids.b]) await w.ok(Q.score, { s, sc: SCORES }, 'divisionReviewer');
  await w.ok(Q.award, { id: ids.id, w: [{ submissionId: ids.a }] }, 'bureauManager');
  return ids;
}

/** Runs `act`; every error must carry `code` (and the first `field`, when given), and no domain collection may change. */
async function expectRefused(
  w: World,
  code: string,
  field: string | undefined,
  act: () => Promise<GraphQLResponse>,
): Promise<GraphQLResponse> {
  const before = await snapshotDomain(w.hub);
  const res = await act();
  expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
  expect(
    res.errors!.map((e) => e.extensions?.code),
    JSON.stringify(res.errors),
  ).toEqual(res.errors!.map(() => code));
  if (field !== undefined) expect(res.errors![0]!.extensions?.field, res.errors![0]!.message).toBe(field);
  expect(await snapshotDomain(w.hub)).toBe(before);
  return res;
}

interface Refusal {
  name: string;
  /** Walks a fresh hub into the state the refusal needs; returns the ids `act` uses. */
  given: (w: World) => Promise<Record<string, string>>;
  act: (w: World, ids: Record<string, string>) => Promise<GraphQLResponse>;
  code: 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';
  field?: string;
}

function table(title: string, rows: Refusal[]) {
  describe(title, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.code}${row.field ? ` (${row.field})` : ''}`, async () => {
        const w = await world();
        const ids = await row.given(w);
        await expectRefused(w, row.code, row.field, () => row.act(w, ids));
      });
    }
  });
}

table('deadlines and terms', [
  {
    name: 'starting a submission after the deadline, before the scheduler closed the challenge',
    given: async (w) => {
      const id = await open(w);
      w.setNow(AFTER_DEADLINE);
      return { id };
    },
    act: (w, { id }) =>
      w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Late', proposal: 'Too late.' } }, 'companyAAdmin'),
    code: 'CONFLICT',
  },
  {
    name: 'submitting a draft after the deadline',
    given: async (w) => {
      const id = await open(w);
      const s = await startDraft(w, id, 'companyAAdmin');
      w.setNow(AFTER_DEADLINE);
      return { s };
    },
    act: (w, { s }) => w.gql(Q.submit, { id: s, ack: true }, 'companyAAdmin'),
    code: 'CONFLICT',
  },
  {
    name: 'submitting without acknowledging the terms',
    given: async (w) => ({
      s: await startDraft(w, await open(w, { terms: 'Non-exclusive licence to the government.' }), 'companyAAdmin'),
    }),
    act: (w, { s }) => w.gql(Q.submit, { id: s, ack: false }, 'companyAAdmin'),
    code: 'BAD_USER_INPUT',
    field: 'acknowledgeTerms',
  },
]);

table('wrong role', [
  {
    name: 'a REVIEWER-only member of an eligible company starting a submission',
    given: async (w) => {
      const added = await w.ok(
        `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "Reviewer of A", email: "reviewer@company-a.test", roles: [REVIEWER] }) { member { id } } }`,
        { o: encodeGlobalId('Organization', w.f.companyA._id) },
        'companyAAdmin',
      );
      const key = await w.ok(
        `mutation($m: ID!) { createApiKey(input: { name: "review", scopes: [READ, WRITE], memberId: $m }) { secret } }`,
        { m: added.addMember.member.id },
        'companyAAdmin',
      );
      w.keys.companyAReviewer = key.createApiKey.secret;
      return { id: await open(w) };
    },
    act: (w, { id }) =>
      w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Ours', proposal: 'Plan.' } }, 'companyAReviewer'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a company developer posting a challenge for an agency',
    given: async () => ({}),
    act: (w) => w.gql(Q.create, { i: challengeInput(w) }, 'companyADev'),
    code: 'FORBIDDEN',
  },
  {
    name: "a company developer publishing an agency's draft (the draft does not exist for them)",
    given: async (w) => ({ id: await draft(w) }),
    act: (w, { id }) => w.gql(Q.publish, { id }, 'companyADev'),
    code: 'NOT_FOUND',
  },
  {
    name: 'a company developer closing an open challenge',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.close, { id }, 'companyADev'),
    code: 'FORBIDDEN',
  },
  {
    name: "an admin of the division below publishing the bureau's draft (drafts go up the chart, never down)",
    given: async (w) => ({ id: await draft(w) }),
    act: (w, { id }) => w.gql(Q.publish, { id }, 'divisionAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: "the agency's challenge manager, who is not on the panel, scoring an entry",
    given: async (w) => underEvaluation(w),
    act: (w, { a }) => w.gql(Q.score, { s: a, sc: SCORES }, 'bureauManager'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a REVIEWER left off the panel scoring (the entries are not even visible to them)',
    given: async (w) => underEvaluation(w, []),
    act: (w, { a }) => w.gql(Q.score, { s: a, sc: SCORES }, 'divisionReviewer'),
    code: 'NOT_FOUND',
  },
]);

table("another company's submission", [
  {
    name: "updating another company's draft",
    given: async (w) => ({ s: await startDraft(w, await open(w), 'companyBDev') }),
    act: (w, { s }) => w.gql(Q.updateSubmission, { id: s, i: { title: 'Hijacked' } }, 'companyAAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: "submitting another company's draft",
    given: async (w) => ({ s: await startDraft(w, await open(w), 'companyBDev') }),
    act: (w, { s }) => w.gql(Q.submit, { id: s, ack: true }, 'companyAAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: "withdrawing another company's draft",
    given: async (w) => ({ s: await startDraft(w, await open(w), 'companyBDev') }),
    act: (w, { s }) => w.gql(Q.withdraw, { id: s }, 'companyAAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: "withdrawing another company's submitted entry",
    given: async (w) => ({ s: await enter(w, await open(w), 'companyBDev') }),
    act: (w, { s }) => w.gql(Q.withdraw, { id: s }, 'companyAAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: 'the agency, which sees a submitted entry, withdrawing it',
    given: async (w) => ({ s: await enter(w, await open(w), 'companyBDev') }),
    act: (w, { s }) => w.gql(Q.withdraw, { id: s }, 'bureauManager'),
    code: 'FORBIDDEN',
  },
]);

table('illegal transitions', [
  {
    name: 'awarding a DRAFT',
    given: async (w) => ({ id: await draft(w) }),
    act: (w, { id }) =>
      w.gql(Q.award, { id, w: [{ submissionId: encodeGlobalId('Submission', newId()) }] }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'awarding an OPEN challenge to a submitted entry',
    given: async (w) => {
      const id = await open(w);
      return { id, a: await enter(w, id, 'companyAAdmin') };
    },
    act: (w, { id, a }) => w.gql(Q.award, { id, w: [{ submissionId: a }] }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'closing a CLOSED challenge',
    given: async (w) => {
      const id = await open(w);
      await w.ok(Q.close, { id }, 'bureauManager');
      return { id };
    },
    act: (w, { id }) => w.gql(Q.close, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'starting the evaluation of an OPEN challenge',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.startEvaluation, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    // The challenge's state is wrong, not an argument: nothing in the request names a deadline.
    name: 'publishing a draft whose deadline has passed meanwhile',
    given: async (w) => {
      const id = await draft(w);
      w.setNow(Date.parse(DEADLINE) + 1);
      return { id };
    },
    act: (w, { id }) => w.gql(Q.publish, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'publishing an AWARDED challenge',
    given: async (w) => awarded(w),
    act: (w, { id }) => w.gql(Q.publish, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'cancelling an AWARDED challenge',
    given: async (w) => awarded(w),
    act: (w, { id }) => w.gql(Q.cancel, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'awarding an AWARDED challenge again',
    given: async (w) => awarded(w),
    act: (w, { id, b }) => w.gql(Q.award, { id, w: [{ submissionId: b }] }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'cancelling a CANCELLED challenge',
    given: async (w) => {
      const id = await open(w);
      await w.ok(Q.cancel, { id }, 'bureauManager');
      return { id };
    },
    act: (w, { id }) => w.gql(Q.cancel, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
  {
    name: 'advancing a challenge that has no later phase',
    given: async (w) => {
      const id = await open(w);
      await w.ok(Q.close, { id }, 'bureauManager');
      return { id };
    },
    act: (w, { id }) => w.gql(Q.advance, { id }, 'bureauManager'),
    code: 'CONFLICT',
  },
]);

const LOCKED_CHANGES: Array<[string, unknown]> = [
  ['criteria', [{ key: 'impact', name: 'Impact', weight: 100 }]],
  ['type', 'IDEA'],
  ['eligibility', { organizationKinds: ['COMPANY', 'AGENCY'], minTeamSize: 1 }],
  ['phases', [{ name: 'Final round', submissionDeadline: '2027-03-15T00:00:00Z' }]],
];

table('challenge input', [
  {
    name: 'posting criteria whose weights sum to 90',
    given: async () => ({}),
    act: (w) =>
      w.gql(
        Q.create,
        {
          i: challengeInput(w, {
            criteria: [
              { key: 'impact', name: 'Impact', weight: 60 },
              { key: 'cost', name: 'Cost', weight: 30 },
            ],
          }),
        },
        'bureauManager',
      ),
    code: 'BAD_USER_INPUT',
    field: 'input.criteria',
  },
  {
    name: 'changing a draft to criteria whose weights sum to 110',
    given: async (w) => ({ id: await draft(w) }),
    act: (w, { id }) =>
      w.gql(
        Q.update,
        {
          id,
          i: {
            criteria: [
              { key: 'impact', name: 'Impact', weight: 50 },
              { key: 'cost', name: 'Cost', weight: 60 },
            ],
          },
        },
        'bureauManager',
      ),
    code: 'BAD_USER_INPUT',
    field: 'input.criteria',
  },
  ...LOCKED_CHANGES.map(([field, value]): Refusal => ({
    name: `changing ${field} of an OPEN challenge`,
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.update, { id, i: { [field]: value } }, 'bureauManager'),
    code: 'BAD_USER_INPUT',
    field: `input.${field}`,
  })),
  {
    name: 'moving the deadline of an OPEN challenge earlier',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.update, { id, i: { submissionDeadline: '2027-01-20T00:00:00Z' } }, 'bureauManager'),
    code: 'BAD_USER_INPUT',
    field: 'input.submissionDeadline',
  },
]);

table('submission input and eligibility', [
  {
    name: 'a second submission of the same organization in the same phase',
    given: async (w) => {
      const id = await open(w);
      await enter(w, id, 'companyAAdmin');
      return { id };
    },
    act: (w, { id }) => w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Another one' } }, 'companyADev'),
    code: 'CONFLICT',
    field: 'challengeId',
  },
  {
    name: 'a company entering a challenge open to agencies only',
    given: async (w) => ({ id: await open(w, { eligibility: { organizationKinds: ['AGENCY'], minTeamSize: 1 } }) }),
    act: (w, { id }) => w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Ours' } }, 'companyAAdmin'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an admin of another agency entering a challenge open to companies only',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Ours' } }, 'divisionAdmin'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a team smaller than the minimum',
    given: async (w) => ({
      id: await open(w, { eligibility: { organizationKinds: ['COMPANY'], minTeamSize: 2, maxTeamSize: 5 } }),
    }),
    act: (w, { id }) =>
      w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Ours', teamSize: 1 } }, 'companyAAdmin'),
    code: 'BAD_USER_INPUT',
    field: 'input.teamSize',
  },
  {
    name: 'a team larger than the maximum',
    given: async (w) => ({
      id: await open(w, { eligibility: { organizationKinds: ['COMPANY'], minTeamSize: 2, maxTeamSize: 5 } }),
    }),
    act: (w, { id }) =>
      w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Ours', teamSize: 6 } }, 'companyAAdmin'),
    code: 'BAD_USER_INPUT',
    field: 'input.teamSize',
  },
  {
    name: 'growing a draft’s team beyond the maximum',
    given: async (w) => {
      const id = await open(w, { eligibility: { organizationKinds: ['COMPANY'], minTeamSize: 2, maxTeamSize: 5 } });
      return { s: await startDraft(w, id, 'companyAAdmin', { teamSize: 3 }) };
    },
    act: (w, { s }) => w.gql(Q.updateSubmission, { id: s, i: { teamSize: 9 } }, 'companyAAdmin'),
    code: 'BAD_USER_INPUT',
    field: 'input.teamSize',
  },
]);

table('questions', [
  {
    name: 'asking about a CLOSED challenge',
    given: async (w) => {
      const id = await open(w);
      await w.ok(Q.close, { id }, 'bureauManager');
      return { id };
    },
    act: (w, { id }) => w.gql(Q.ask, { c: id }, 'companyAAdmin'),
    code: 'CONFLICT',
  },
  {
    name: 'asking about a DRAFT (it does not exist for the company)',
    given: async (w) => ({ id: await draft(w) }),
    act: (w, { id }) => w.gql(Q.ask, { c: id }, 'companyAAdmin'),
    code: 'NOT_FOUND',
  },
  {
    name: 'the owning agency asking on its own challenge',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.ask, { c: id }, 'bureauAdmin'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the ministry above the owning agency asking',
    given: async (w) => ({ id: await open(w) }),
    act: (w, { id }) => w.gql(Q.ask, { c: id }, 'ministryAdmin'),
    code: 'FORBIDDEN',
  },
]);

const SCORE_FIELDS = {
  results: `query($id: ID!) { challenge(id: $id) { results { rank weightedScore } } }`,
  panel: `query($id: ID!) { challenge(id: $id) { panel { name } } }`,
  reviewProgress: `query($id: ID!) { challenge(id: $id) { reviewProgress { scored of } } }`,
};

table('scores before the award', [
  ...(['anonymous', 'companyAAdmin'] as const).flatMap((who) =>
    Object.entries(SCORE_FIELDS).map(([field, query]): Refusal => ({
      name: `${who} reading ${field} while EVALUATING`,
      given: async (w) => {
        const ids = await underEvaluation(w);
        await w.ok(Q.score, { s: ids.a, sc: SCORES }, 'divisionReviewer');
        return ids;
      },
      act: (w, { id }) => w.gql(query, { id }, who),
      code: 'FORBIDDEN',
    })),
  ),
  {
    name: 'a company reading the reviews of its own entry while EVALUATING',
    given: async (w) => {
      const ids = await underEvaluation(w);
      await w.ok(Q.score, { s: ids.a, sc: SCORES }, 'divisionReviewer');
      return ids;
    },
    act: (w, { a }) =>
      w.gql(
        `query($id: ID!) { node(id: $id) { ... on Submission { reviews { scores { score } } } } }`,
        { id: a },
        'companyAAdmin',
      ),
    code: 'FORBIDDEN',
  },
]);

table('reviews after the award (the results are public instead)', [
  ...(['anonymous', 'companyAAdmin', 'companyBDev'] as const).map((who): Refusal => ({
    name: `${who} reading reviews through the public results`,
    given: async (w) => awarded(w),
    act: (w, { id }) =>
      w.gql(
        `query($id: ID!) { challenge(id: $id) { results { rank submission { reviews { scores { score } } } } } }`,
        { id },
        who,
      ),
    code: 'FORBIDDEN',
  })),
]);

describe('reading scores around the award', () => {
  it('shows the agency and the panel everything while EVALUATING, and the public the ranking once AWARDED', async () => {
    const w = await world();
    const { id, a, b } = await underEvaluation(w);
    await w.ok(Q.score, { s: a, sc: SCORES }, 'divisionReviewer');
    await w.ok(
      Q.score,
      {
        s: b,
        sc: [
          { criterionKey: 'impact', score: 5 },
          { criterionKey: 'feasibility', score: 5 },
        ],
      },
      'divisionReviewer',
    );

    const agency = await w.ok(
      `query($id: ID!) { challenge(id: $id) { results { weightedScore } panel { name } reviewProgress { scored of } } }`,
      { id },
      'bureauManager',
    );
    expect(agency.challenge).toEqual({
      results: [{ weightedScore: 72 }, { weightedScore: 50 }],
      panel: [{ name: 'divisionReviewer' }],
      reviewProgress: [{ scored: 2, of: 2 }],
    });
    const own = await w.ok(
      `query($id: ID!) { node(id: $id) { ... on Submission { reviews { reviewerName scores { score } } } } }`,
      { id: a },
      'divisionReviewer',
    );
    expect(own.node.reviews).toEqual([{ reviewerName: 'divisionReviewer', scores: [{ score: 8 }, { score: 6 }] }]);
    // Anonymous callers cannot reach an entry before the award at all.
    expect((await w.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: a }, 'anonymous')).node).toBeNull();

    await w.ok(Q.award, { id, w: [{ submissionId: a }] }, 'bureauManager');
    const pub = await w.ok(
      `query($id: ID!) { challenge(id: $id) { results { rank weightedScore winner publicComments } winners { id } } }`,
      { id },
      'anonymous',
    );
    expect(pub.challenge).toEqual({
      results: [
        { rank: 1, weightedScore: 72, winner: true, publicComments: ['Clear plan.'] },
        { rank: 2, weightedScore: 50, winner: false, publicComments: ['Clear plan.'] },
      ],
      winners: [{ id: a }],
    });
    const agencyAfter = await w.ok(
      `query($id: ID!) { node(id: $id) { ... on Submission { reviews { scores { score } } } } }`,
      { id: b },
      'bureauManager',
    );
    expect(agencyAfter.node.reviews).toEqual([{ scores: [{ score: 5 }, { score: 5 }] }]);
  });
});

describe("another company's draft", () => {
  it('is invisible by id and in the challenge’s submissions to everyone but its company', async () => {
    const w = await world();
    const id = await open(w);
    const mine = await enter(w, id, 'companyAAdmin');
    const theirs = await startDraft(w, id, 'companyBDev');
    const node = `query($id: ID!) { node(id: $id) { id } }`;
    const listed = `query($id: ID!) { challenge(id: $id) { submissions { totalCount nodes { id } } } }`;

    for (const who of ['companyAAdmin', 'bureauManager', 'ministryAdmin', 'anonymous']) {
      expect((await w.ok(node, { id: theirs }, who)).node, who).toBeNull();
    }
    expect((await w.ok(listed, { id }, 'companyAAdmin')).challenge.submissions).toEqual({
      totalCount: 1,
      nodes: [{ id: mine }],
    });
    expect((await w.ok(listed, { id }, 'bureauManager')).challenge.submissions).toEqual({
      totalCount: 1,
      nodes: [{ id: mine }],
    });
    expect((await w.ok(listed, { id }, 'anonymous')).challenge.submissions).toEqual({ totalCount: 0, nodes: [] });
    // Its own company sees it, so the drafts above were hidden, not missing.
    expect((await w.ok(node, { id: theirs }, 'companyBAdmin')).node).toEqual({ id: theirs });
    expect((await w.ok(listed, { id }, 'companyBAdmin')).challenge.submissions).toEqual({
      totalCount: 1,
      nodes: [{ id: theirs }],
    });
  });
});

describe('drafts of another agency', () => {
  it('are null by id and absent from the list, for every caller outside the agency and above it', async () => {
    const w = await world();
    const id = await draft(w, { title: 'Bureau draft' });
    const read = `query($id: ID!) { challenge(id: $id) { id } node(id: $id) { id } challenges(first: 100) { nodes { id } } drafts: challenges(first: 100, filter: { statuses: [DRAFT] }) { nodes { id } } }`;
    // The division sits below the bureau: a draft goes up the chart, never down.
    for (const who of ['anonymous', 'companyADev', 'divisionAdmin', 'divisionReviewer']) {
      const data = await w.ok(read, { id }, who);
      expect(data, who).toEqual({ challenge: null, node: null, challenges: { nodes: [] }, drafts: { nodes: [] } });
    }
    for (const who of ['bureauManager', 'ministryAdmin', 'platformAdmin']) {
      const data = await w.ok(read, { id }, who);
      expect(data, who).toEqual({
        challenge: { id },
        node: { id },
        challenges: { nodes: [{ id }] },
        drafts: { nodes: [{ id }] },
      });
    }
  });
});

describe('two transitions at once', () => {
  it('lets exactly one of close and cancel win when both read the OPEN challenge', async () => {
    const w = await world();
    const id = await open(w);
    const collection = w.hub.store.collection<Challenge>('challenges');
    const rawId = (await collection.findOne({}))!._id;
    // Hold each request after it has read the challenge until the other has read it too, so
    // both act on the same OPEN version and only the version guard can decide.
    const findOne = collection.findOne.bind(collection);
    let arrived: Array<() => void> | null = [];
    collection.findOne = (async (filter, options) => {
      const doc = await findOne(filter, options);
      if (arrived && filter._id === rawId) {
        await new Promise<void>((resolve) => {
          arrived!.push(resolve);
          if (arrived!.length === 2) {
            for (const release of arrived!) release();
            arrived = null;
          }
        });
      }
      return doc;
    }) as typeof collection.findOne;

    const [closed, cancelled] = await Promise.all([
      w.gql(Q.close, { id }, 'bureauManager'),
      w.gql(Q.cancel, { id }, 'bureauAdmin'),
    ]);
    collection.findOne = findOne;

    const outcomes = [closed, cancelled].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    const winner = closed.errors ? 'CANCELLED' : 'CLOSED';
    const now = await w.ok(`query($id: ID!) { challenge(id: $id) { status version } }`, { id }, 'anonymous');
    // Created (1), published (2), moved once (3): the loser wrote nothing.
    expect(now.challenge).toEqual({ status: winner, version: 3 });
  });
});

describe('phases', () => {
  it('opens the next phase to those shortlisted in the last, with the phase deadline', async () => {
    const w = await world();
    const id = await open(w, {
      phases: [{ name: 'Final round', submissionDeadline: '2027-03-15T00:00:00Z' }],
      evaluationEnd: '2027-04-30T00:00:00Z',
    });
    const a = await enter(w, id, 'companyAAdmin');
    const b = await enter(w, id, 'companyBDev');
    await w.ok(Q.close, { id }, 'bureauManager');
    await w.ok(Q.shortlist, { id: a }, 'bureauManager');
    await w.ok(Q.reject, { id: b }, 'bureauManager');
    const advanced = await w.ok(Q.advance, { id }, 'bureauManager');
    expect(advanced.advanceChallengePhase.challenge).toEqual({
      status: 'OPEN',
      currentPhase: 1,
      submissionDeadline: '2027-03-15T00:00:00.000Z',
    });

    const next = await w.ok(
      Q.createSubmission,
      { i: { challengeId: id, title: 'Final entry', proposal: 'The full build.' } },
      'companyADev',
    );
    expect(next.createSubmission.submission).toMatchObject({ status: 'DRAFT', phase: 1 });
    await expectRefused(w, 'FORBIDDEN', undefined, () =>
      w.gql(Q.createSubmission, { i: { challengeId: id, title: 'Again' } }, 'companyBDev'),
    );

    // The phase's own deadline now governs.
    w.setNow(Date.parse('2027-03-16T00:00:00Z'));
    await expectRefused(w, 'CONFLICT', undefined, () =>
      w.gql(Q.submit, { id: next.createSubmission.submission.id, ack: true }, 'companyADev'),
    );
  });
});

interface Seed {
  name: string;
  agency: 'ministry' | 'bureau' | 'division';
  title: string;
  summary: string;
  tags: string[];
  type: string;
  deadline: string;
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
}

const POSTER = { ministry: 'ministryAdmin', bureau: 'bureauManager', division: 'divisionAdmin' } as const;

/** Posted one minute apart in this order, so NEWEST is the reverse. */
const SEEDS: Seed[] = [
  {
    name: 'M1',
    agency: 'ministry',
    title: 'Nearest disaster shelter',
    summary: 'Tell residents where to go',
    tags: ['safety', 'address'],
    type: 'PROTOTYPE',
    deadline: '2027-03-10T00:00:00Z',
    status: 'OPEN',
  },
  {
    name: 'B1',
    agency: 'bureau',
    title: '지진 대피소 안내',
    summary: '가장 가까운 대피소를 알려 줍니다',
    tags: ['safety', '재난'],
    type: 'IDEA',
    deadline: '2027-02-15T00:00:00Z',
    status: 'OPEN',
  },
  {
    name: 'B2',
    agency: 'bureau',
    title: 'Address cleanup',
    summary: 'Shelter addresses are stale',
    tags: ['address', 'open-data'],
    type: 'PROOF_OF_CONCEPT',
    deadline: '2027-02-15T00:00:00Z',
    status: 'OPEN',
  },
  {
    name: 'D1',
    agency: 'division',
    title: 'Open data quality checks',
    summary: 'Find broken datasets',
    tags: ['open-data'],
    type: 'PROTOTYPE',
    deadline: '2027-04-01T00:00:00Z',
    status: 'CLOSED',
  },
  {
    name: 'D2',
    agency: 'division',
    title: 'Petition reply drafts',
    summary: 'AI helps civil servants answer',
    tags: ['ai'],
    type: 'IDEA',
    deadline: '2027-02-20T00:00:00Z',
    status: 'OPEN',
  },
  {
    name: 'B3',
    agency: 'bureau',
    title: 'Shelter signage (draft)',
    summary: 'Not published yet',
    tags: ['safety'],
    type: 'IDEA',
    deadline: '2027-02-25T00:00:00Z',
    status: 'DRAFT',
  },
];

describe('finding challenges', () => {
  let w: World;
  /** Seed name by global id. */
  const names = new Map<string, string>();

  /** The seed names `challenges` returns, in order; `$o` is an organization id when `variables` has one. */
  const find = async (
    args: string,
    who: Caller = 'anonymous',
    variables: Record<string, unknown> = {},
  ): Promise<string[]> => {
    const data = await w.ok(
      `query${'o' in variables ? '($o: ID)' : ''} { challenges(first: 100 ${args}) { totalCount nodes { id } } }`,
      variables,
      who,
    );
    const found = data.challenges.nodes.map((n: { id: string }) => names.get(n.id)!);
    expect(data.challenges.totalCount).toBe(found.length);
    return found;
  };
  const set = (list: string[]) => [...list].sort();

  // One hub for all of these: they only read.
  beforeAll(async () => {
    w = await world(true);
    let now = T0;
    for (const seed of SEEDS) {
      w.setNow((now += 60_000));
      const agency = w.f[seed.agency];
      const data = await w.ok(
        Q.create,
        {
          i: {
            ...challengeInput(w),
            agencyId: encodeGlobalId('Organization', agency._id),
            title: seed.title,
            summary: seed.summary,
            tags: seed.tags,
            type: seed.type,
            submissionDeadline: seed.deadline,
            evaluationEnd: '2027-06-01T00:00:00Z',
          },
        },
        POSTER[seed.agency],
      );
      const id = data.createChallenge.challenge.id;
      names.set(id, seed.name);
      if (seed.status !== 'DRAFT') await w.ok(Q.publish, { id }, POSTER[seed.agency]);
      if (seed.status === 'CLOSED') await w.ok(Q.close, { id }, POSTER[seed.agency]);
    }
  });
  afterAll(() => w.hub.close());

  it('matches every word of the search, in any order and case, in title, summary or tags', async () => {
    expect(set(await find(', filter: { search: "shelter" }'))).toEqual(['B2', 'M1']);
    expect(set(await find(', filter: { search: "SHELTER" }'))).toEqual(['B2', 'M1']);
    expect(await find(', filter: { search: "shelter nearest" }')).toEqual(['M1']);
    expect(await find(', filter: { search: "stale Shelter" }')).toEqual(['B2']);
    expect(await find(', filter: { search: "shelter petition" }')).toEqual([]);
    expect(set(await find(', filter: { search: "open-data" }'))).toEqual(['B2', 'D1']);
    // A search is text, not a pattern.
    expect(await find(', filter: { search: "shel.er" }')).toEqual([]);
  });

  it('searches Korean text, alone and mixed with English', async () => {
    expect(await find(', filter: { search: "대피소" }')).toEqual(['B1']);
    expect(await find(', filter: { search: "대피소 지진" }')).toEqual(['B1']);
    expect(await find(', filter: { search: "재난" }')).toEqual(['B1']);
    expect(await find(', filter: { search: "대피소 nearest" }')).toEqual([]);
  });

  it('shows a draft only to its own agency, in searches too', async () => {
    expect(set(await find(', filter: { search: "shelter" }', 'companyADev'))).toEqual(['B2', 'M1']);
    expect(set(await find(', filter: { search: "shelter" }', 'bureauManager'))).toEqual(['B2', 'B3', 'M1']);
  });

  it('filters by agency, with the agencies below it unless told not to', async () => {
    const o = (org: 'ministry' | 'bureau' | 'division') => ({ o: encodeGlobalId('Organization', w.f[org]._id) });
    expect(set(await find(', filter: { agencyId: $o }', 'anonymous', o('ministry')))).toEqual([
      'B1',
      'B2',
      'D1',
      'D2',
      'M1',
    ]);
    expect(await find(', filter: { agencyId: $o, includeSubAgencies: false }', 'anonymous', o('ministry'))).toEqual([
      'M1',
    ]);
    expect(set(await find(', filter: { agencyId: $o }', 'anonymous', o('bureau')))).toEqual(['B1', 'B2', 'D1', 'D2']);
    expect(set(await find(', filter: { agencyId: $o, includeSubAgencies: false }', 'anonymous', o('bureau')))).toEqual([
      'B1',
      'B2',
    ]);
    expect(set(await find(', filter: { agencyId: $o }', 'anonymous', o('division')))).toEqual(['D1', 'D2']);
  });

  it('filters by tags (all of them, any case), type, statuses and deadline window', async () => {
    expect(set(await find(', filter: { tags: ["address"] }'))).toEqual(['B2', 'M1']);
    expect(await find(', filter: { tags: ["address", "safety"] }')).toEqual(['M1']);
    expect(set(await find(', filter: { tags: ["ADDRESS"] }'))).toEqual(['B2', 'M1']);
    expect(set(await find(', filter: { type: PROTOTYPE }'))).toEqual(['D1', 'M1']);
    expect(await find(', filter: { statuses: [CLOSED] }')).toEqual(['D1']);
    expect(set(await find(', filter: { statuses: [OPEN] }'))).toEqual(['B1', 'B2', 'D2', 'M1']);
    // From is inclusive, to is exclusive.
    expect(
      set(await find(', filter: { deadlineFrom: "2027-02-15T00:00:00Z", deadlineTo: "2027-03-10T00:00:00Z" }')),
    ).toEqual(['B1', 'B2', 'D2']);
    expect(set(await find(', filter: { deadlineFrom: "2027-03-01T00:00:00Z" }'))).toEqual(['D1', 'M1']);
    expect(await find(', filter: { search: "shelter", statuses: [OPEN], tags: ["open-data"] }')).toEqual(['B2']);
  });

  it('sorts by soonest deadline or newest', async () => {
    const byDeadline = await find(', sort: DEADLINE');
    expect(set(byDeadline.slice(0, 2))).toEqual(['B1', 'B2']); // the same deadline
    expect(byDeadline.slice(2)).toEqual(['D2', 'M1', 'D1']);
    expect(await find(', sort: NEWEST')).toEqual(['D2', 'D1', 'B2', 'B1', 'M1']);
    expect(await find('')).toEqual(['D2', 'D1', 'B2', 'B1', 'M1']);
  });

  it('pages through either order, two at a time, without gaps or repeats', async () => {
    for (const sort of ['DEADLINE', 'NEWEST']) {
      const whole = await find(`, sort: ${sort}`);
      const walked: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data: any = await w.ok(
          `query($after: String) { challenges(first: 2, after: $after, sort: ${sort}) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after },
          'anonymous',
        );
        const page = data.challenges;
        expect(page.totalCount).toBe(5);
        walked.push(...page.nodes.map((n: { id: string }) => names.get(n.id)!));
        pages++;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages, sort).toBe(3);
      expect(walked, sort).toEqual(whole);
    }
  });
});
