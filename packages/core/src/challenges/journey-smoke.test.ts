import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain } from '../testing/test-hub.js';

describe('challenge journey (in-process)', () => {
  it('runs from draft to public results', async () => {
    let now = Date.parse('2027-01-01T00:00:00Z');
    const hub = await createTestHub({ clock: () => now });
    const { keys, bureau, members } = hub.fixtures;
    const ok = async (query: string, variables: Record<string, unknown>, key?: string | null) => {
      const res = await hub.gql(query, variables, key);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data;
    };
    const created = await ok(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id status } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Find the nearest shelter',
          summary: 'Address lookup for disaster shelters',
          type: 'PROTOTYPE',
          tags: ['Address', 'safety'],
          criteria: [
            { key: 'impact', name: 'Impact', weight: 60 },
            { key: 'feasibility', name: 'Feasibility', weight: 40 },
          ],
          submissionDeadline: '2027-02-01T00:00:00Z',
          evaluationEnd: '2027-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const id = created.createChallenge.challenge.id;
    await ok(`mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`, { id }, keys.bureauManager);
    const q = await ok(
      `mutation($id: ID!) { askQuestion(challengeId: $id, question: "Is open data allowed?") { question { id } } }`,
      { id },
      keys.companyAAdmin,
    );
    await ok(
      `mutation($id: ID!) { answerQuestion(id: $id, answer: "Yes.") { question { answer } } }`,
      { id: q.askQuestion.question.id },
      keys.bureauManager,
    );
    const subs: string[] = [];
    for (const key of [keys.companyAAdmin, keys.companyBDev]) {
      const s = await ok(
        `mutation($c: ID!) { createSubmission(input: { challengeId: $c, title: "Ours", proposal: "We will build it." }) { submission { id } } }`,
        { c: id },
        key,
      );
      await ok(
        `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`,
        { id: s.createSubmission.submission.id },
        key,
      );
      subs.push(s.createSubmission.submission.id);
    }
    await ok(
      `mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }`,
      { id, m: [encodeGlobalId('Member', members.divisionReviewer!._id)] },
      keys.bureauManager,
    );
    await ok(
      `mutation($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }`,
      { c: id },
      keys.divisionReviewer,
    );
    now = Date.parse('2027-02-02T00:00:00Z');
    expect(await hub.services.challenges.closeDue()).toBe(1);
    await ok(
      `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { status } } }`,
      { id },
      keys.bureauManager,
    );
    for (const [i, sub] of subs.entries()) {
      await ok(
        `mutation($s: ID!, $sc: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $sc, publicComment: "solid") { review { scores { score } } } }`,
        {
          s: sub,
          sc: [
            { criterionKey: 'impact', score: 9 - i * 3 },
            { criterionKey: 'feasibility', score: 8 },
          ],
        },
        keys.divisionReviewer,
      );
    }
    const hidden = await hub.gql(`query($id: ID!) { challenge(id: $id) { title results { rank } } }`, { id });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(hidden.errors?.[0]?.path).toEqual(['challenge', 'results']);
    // The refusal blanks only the scores, not the public challenge around them.
    expect(hidden.data.challenge).toEqual({ title: 'Find the nearest shelter', results: null });
    await ok(
      `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w, note: "Congratulations") { challenge { status } } }`,
      { id, w: [{ submissionId: subs[0] }] },
      keys.bureauManager,
    );
    const pub = await ok(
      `query($id: ID!) { challenge(id: $id) { status questions { nodes { question answer } } results { rank weightedScore winner publicComments submission { organization { slug } status } } } }`,
      { id },
      null,
    );
    expect(pub.challenge.status).toBe('AWARDED');
    expect(pub.challenge.questions.nodes).toEqual([{ question: 'Is open data allowed?', answer: 'Yes.' }]);
    expect(pub.challenge.results).toEqual([
      {
        rank: 1,
        weightedScore: 86,
        winner: true,
        publicComments: ['solid'],
        submission: { organization: { slug: 'company-a' }, status: 'WINNER' },
      },
      {
        rank: 2,
        weightedScore: 68,
        winner: false,
        publicComments: ['solid'],
        submission: { organization: { slug: 'company-b' }, status: 'REJECTED' },
      },
    ]);
    await hub.close();
  });

  it('keeps a draft cancelled before publication out of public sight', async () => {
    const hub = await createTestHub();
    const { keys, bureau } = hub.fixtures;
    const created = await hub.gql(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'SECRET draft',
          summary: 's',
          type: 'IDEA',
          criteria: [{ key: 'a', name: 'A', weight: 100 }],
          submissionDeadline: '2099-01-01T00:00:00Z',
          evaluationEnd: '2099-02-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const id = created.data.createChallenge.challenge.id;
    expect(
      (
        await hub.gql(
          'mutation($id: ID!) { cancelChallenge(id: $id, reason: "dropped") { challenge { status } } }',
          { id },
          keys.bureauManager,
        )
      ).data.cancelChallenge.challenge.status,
    ).toBe('CANCELLED');
    const anonymous = await hub.gql('query($id: ID!) { challenge(id: $id) { title } challenges { nodes { title } } }', {
      id,
    });
    expect(anonymous.data).toEqual({ challenge: null, challenges: { nodes: [] } });
    const cancelled = await hub.gql(
      '{ challenges(filter: { statuses: [CANCELLED] }) { totalCount } }',
      {},
      keys.companyAAdmin,
    );
    expect(cancelled.data.challenges.totalCount).toBe(0);
    const own = await hub.gql('query($id: ID!) { challenge(id: $id) { title } }', { id }, keys.bureauManager);
    expect(own.data.challenge.title).toBe('SECRET draft');
    await hub.close();
  });

  it('refuses a winner listed twice before awarding anything', async () => {
    let now = Date.parse('2027-01-01T00:00:00Z');
    const hub = await createTestHub({ clock: () => now });
    const { keys, bureau, members } = hub.fixtures;
    const c = await hub.gql(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'T',
          summary: 's',
          type: 'IDEA',
          criteria: [{ key: 'a', name: 'A', weight: 100 }],
          submissionDeadline: '2027-02-01T00:00:00Z',
          evaluationEnd: '2027-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    const id = c.data.createChallenge.challenge.id;
    await hub.gql('mutation($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', { id }, keys.bureauManager);
    const s = await hub.gql(
      'mutation($c: ID!) { createSubmission(input: { challengeId: $c, title: "x", proposal: "p" }) { submission { id } } }',
      { c: id },
      keys.companyAAdmin,
    );
    const sub = s.data.createSubmission.submission.id;
    await hub.gql(
      'mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }',
      { id: sub },
      keys.companyAAdmin,
    );
    await hub.gql(
      'mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }',
      { id, m: [encodeGlobalId('Member', members.divisionReviewer!._id)] },
      keys.bureauManager,
    );
    await hub.gql('mutation($id: ID!) { closeChallenge(id: $id) { challenge { id } } }', { id }, keys.bureauManager);
    await hub.gql(
      'mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { id } } }',
      { id },
      keys.bureauManager,
    );
    const before = await snapshotDomain(hub);
    const res = await hub.gql(
      'mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w) { challenge { status } } }',
      { id, w: [{ submissionId: sub }, { submissionId: sub }] },
      keys.bureauManager,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'winners.1.submissionId',
    });
    expect(await snapshotDomain(hub)).toBe(before);
    now += 1;
    await hub.close();
  });
});
