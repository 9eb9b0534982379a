/**
 * `extensions.field` of a BAD_USER_INPUT names what the client sent: an argument of the refused field, then the path
 * inside it. Mutations whose arguments are the input itself (no `input:` object) used to name a made-up `input.`
 * or `args.` argument (`input.dailyQuota` for `approveServiceAccess(id, dailyQuota)`), found by probing (issue #18).
 * Each row sends one bad value; the path's first segment must be an argument of the mutation, as introspection
 * lists them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { encodeGlobalId } from './global-id.js';

const T0 = Date.parse('2027-01-01T00:00:00Z');
const SCORE = `mutation($s: ID!, $sc: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $sc) { review { scores { score } } } }`;
const AWARD = `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w) { challenge { id } } }`;

describe('extensions.field names an argument of the refused mutation', () => {
  let hub: TestHub;
  let args: Map<string, Set<string>>;
  const ids: Record<string, string> = {};
  const ok = async (query: string, variables: Record<string, unknown>, who: string) => {
    const res = await hub.gql(query, variables, hub.fixtures.keys[who]!);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    hub = await createTestHub({ clock: () => T0, rateLimit: false });
    const introspected = await hub.gql(
      `{ __schema { mutationType { fields(includeDeprecated: true) { name args { name } } } } }`,
      {},
      hub.fixtures.keys.companyADev,
    );
    args = new Map(
      (introspected.data.__schema.mutationType.fields as Array<{ name: string; args: Array<{ name: string }> }>).map(
        (f) => [f.name, new Set(f.args.map((a) => a.name))],
      ),
    );
    // An EVALUATING challenge with two entries, a question, the division's reviewer on the panel.
    const created = await ok(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', hub.fixtures.bureau._id),
          title: 'Find the nearest shelter',
          summary: 'Address lookup for disaster shelters',
          type: 'PROTOTYPE',
          criteria: [
            { key: 'impact', name: 'Impact', weight: 60 },
            { key: 'feasibility', name: 'Feasibility', weight: 40 },
          ],
          submissionDeadline: '2027-02-01T00:00:00Z',
          evaluationEnd: '2027-03-01T00:00:00Z',
        },
      },
      'bureauManager',
    );
    const challenge = (ids.challenge = created.createChallenge.challenge.id as string);
    await ok(
      `mutation($id: ID!) { publishChallenge(id: $id) { challenge { id } } }`,
      { id: challenge },
      'bureauManager',
    );
    ids.question = (
      await ok(
        `mutation($c: ID!) { askQuestion(challengeId: $c, question: "May we use open data?") { question { id } } }`,
        { c: challenge },
        'companyAAdmin',
      )
    ).askQuestion.question.id;
    for (const who of ['companyAAdmin', 'companyBDev']) {
      const draft = await ok(
        `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }`,
        { i: { challengeId: challenge, title: `Entry of ${who}`, proposal: 'We will build it.' } },
        who,
      );
      ids[who] = draft.createSubmission.submission.id;
      await ok(
        `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }`,
        { id: ids[who] },
        who,
      );
    }
    await ok(
      `mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }`,
      { id: challenge, m: [encodeGlobalId('Member', hub.fixtures.members.divisionReviewer!._id)] },
      'bureauManager',
    );
    await ok(
      `mutation($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }`,
      { c: challenge },
      'divisionReviewer',
    );
    await ok(`mutation($id: ID!) { closeChallenge(id: $id) { challenge { id } } }`, { id: challenge }, 'bureauManager');
    await ok(
      `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { id } } }`,
      { id: challenge },
      'bureauManager',
    );
    // A plugin's service, listed as the plugins module does when the plugin loads, and a grant of it.
    await hub.services.catalogue.registerPluginServices('@maru-test/lookup', [
      { key: 'address-lookup', name: 'Address lookup', operations: [{ name: 'find', kind: 'query' }] },
    ]);
    ids.grant = (
      await ok(
        `mutation { requestServiceAccess(service: "address-lookup", purpose: "Shelters") { grant { id } } }`,
        {},
        'companyAAdmin',
      )
    ).requestServiceAccess.grant.id;
  });
  afterAll(() => hub.close());

  const rows: Array<
    [mutation: string, query: string, variables: () => Record<string, unknown>, who: string, field: string]
  > = [
    [
      'askQuestion',
      `mutation($c: ID!) { askQuestion(challengeId: $c, question: "  ") { question { id } } }`,
      () => ({ c: ids.challenge }),
      'companyAAdmin',
      'question',
    ],
    [
      'answerQuestion',
      `mutation($id: ID!) { answerQuestion(id: $id, answer: " ") { question { id } } }`,
      () => ({ id: ids.question }),
      'bureauManager',
      'answer',
    ],
    [
      'requestServiceAccess',
      `mutation { requestServiceAccess(service: "address-lookup", purpose: " ") { grant { id } } }`,
      () => ({}),
      'companyAAdmin',
      'purpose',
    ],
    [
      'approveServiceAccess',
      `mutation($id: ID!) { approveServiceAccess(id: $id, dailyQuota: 0) { grant { id } } }`,
      () => ({ id: ids.grant }),
      'platformAdmin',
      'dailyQuota',
    ],
    [
      'cancelChallenge',
      `mutation($id: ID!) { cancelChallenge(id: $id, reason: " ") { challenge { id } } }`,
      () => ({ id: ids.challenge }),
      'bureauManager',
      'reason',
    ],
    [
      'postAnnouncement',
      `mutation($c: ID!) { postAnnouncement(challengeId: $c, title: " ", body: "Soon.") { announcement { title } } }`,
      () => ({ c: ids.challenge }),
      'bureauManager',
      'title',
    ],
    [
      'announceChallengeUpdate',
      `mutation($id: ID!) { announceChallengeUpdate(id: $id, title: "Soon", body: " ") { challenge { id } } }`,
      () => ({ id: ids.challenge }),
      'bureauManager',
      'body',
    ],
    [
      'scoreSubmission',
      SCORE,
      () => ({ s: ids.companyAAdmin, sc: [{ criterionKey: 'impact', score: 11 }] }),
      'divisionReviewer',
      'scores.0.score',
    ],
    [
      'scoreSubmission',
      SCORE,
      () => ({ s: ids.companyAAdmin, sc: [{ criterionKey: 'beauty', score: 5 }] }),
      'divisionReviewer',
      'scores',
    ],
    [
      'awardChallenge',
      AWARD,
      () => ({ id: ids.challenge, w: [{ submissionId: ids.companyAAdmin }, { submissionId: ids.companyAAdmin }] }),
      'bureauManager',
      'winners.1.submissionId',
    ],
    [
      'registerPublisherKey',
      `mutation { registerPublisherKey(keyId: "not a key id!", publisher: "Gov", publicKey: "x") { keyId } }`,
      () => ({}),
      'platformAdmin',
      'keyId',
    ],
  ];

  it.each(rows)('%s: a bad value is named by its argument path', async (mutation, query, variables, who, field) => {
    const res = await hub.gql(query, variables(), hub.fixtures.keys[who]!);
    const error = res.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.field, error?.message).toBe(field);
    expect([...args.get(mutation)!]).toContain(field.split('.')[0]);
    expect(error?.message, 'the message names the same path').toContain(`\`${field}\``);
  });
});
