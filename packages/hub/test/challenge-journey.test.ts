import { decodeGlobalId } from '@maru/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, subscribe, tempDir, type EventStream, type HubProcess } from './helpers.js';

describe('a challenge, end to end over HTTP', () => {
  let hub: HubProcess;
  const streams: Array<EventStream<unknown>> = [];
  beforeAll(async () => {
    hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-journey-') }, ['--demo']);
  }, 60_000);
  afterAll(() => {
    for (const stream of streams) stream.close();
    hub?.child.kill('SIGTERM');
  });

  it('goes from posting to public results, with live events and an intact audit trail', async () => {
    const ok = async (query: string, variables: Record<string, unknown> = {}, key?: string) => {
      const res = await gql(hub.url, query, variables, key);
      expect(res.body.errors, `${query}\n${JSON.stringify(res.body.errors)}`).toBeUndefined();
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const login = async (email: string): Promise<string> =>
      (await ok(`mutation($e: String!) { demoLogin(email: $e) { secret } }`, { e: email })).demoLogin.secret;

    const operator = await login('admin@maru.example');
    const manager = await login('manager@mois.example');
    const reviewer = await login('reviewer@mois.example');
    const hanbit = await login('admin@hanbit.example');
    const sejong = await login('admin@sejong-civic.example');
    // A second reviewer for the panel, added by the platform operator to the public data division.
    const division = (
      await ok(`{ organizations(kind: AGENCY, first: 50) { nodes { id slug } } }`)
    ).organizations.nodes.find((o: { slug: string }) => o.slug === 'mois-public-data');
    await ok(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "Han Sora (한소라)", email: "reviewer2@mois.example", roles: [REVIEWER] }) { member { id } } }`,
      { o: division.id },
      operator,
    );
    const reviewer2 = await login('reviewer2@mois.example');
    const viewerOf = async (key: string) => (await ok(`{ viewer { id organization { id slug } } }`, {}, key)).viewer;
    const agency = (await viewerOf(manager)).organization;
    const panel = [(await viewerOf(reviewer)).id, (await viewerOf(reviewer2)).id];

    // Listening before anything is published: anyone for public events, the agency and a company for submissions.
    const publicEvents = await subscribe<{ challengeEvents: { kind: string; challengeId: string } }>(
      hub.url,
      `subscription { challengeEvents { kind challengeId } }`,
    );
    const agencyInbox = await subscribe<{ submissionReceived: { submission: { id: string } } }>(
      hub.url,
      `subscription { submissionReceived { submission { id } } }`,
      manager,
    );
    const companyInbox = await subscribe<{ submissionReceived: { submission: { id: string } } }>(
      hub.url,
      `subscription { submissionReceived { submission { id } } }`,
      hanbit,
    );
    streams.push(publicEvents, agencyInbox, companyInbox);
    const journeyStart = new Date().toISOString();

    // The agency posts and publishes.
    const day = 86_400_000;
    const created = await ok(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id status } } }`,
      {
        i: {
          agencyId: agency.id,
          title: '주소 정제 서비스 — Address cleansing for public records',
          summary: 'Normalise the addresses agencies hold, so notices reach people.',
          type: 'PROTOTYPE',
          tags: ['address', '주소'],
          criteria: [
            { key: 'usefulness', name: 'Usefulness', weight: 70 },
            { key: 'feasibility', name: 'Feasibility', weight: 30 },
          ],
          terms: 'The government receives a non-exclusive licence to operate the winning solution.',
          submissionDeadline: new Date(Date.now() + 7 * day).toISOString(),
          evaluationEnd: new Date(Date.now() + 14 * day).toISOString(),
        },
      },
      manager,
    );
    const id: string = created.createChallenge.challenge.id;
    expect(created.createChallenge.challenge.status).toBe('DRAFT');
    await ok(`mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`, { id }, manager);

    // A company asks; the agency answers in public. Another question stays unanswered.
    const asked = await ok(
      `mutation($c: ID!) { askQuestion(challengeId: $c, question: "May we call the road-name address API?") { question { id } } }`,
      { c: id },
      hanbit,
    );
    await ok(
      `mutation($q: ID!) { answerQuestion(id: $q, answer: "Yes, through the hub's shared service.") { question { answer } } }`,
      { q: asked.askQuestion.question.id },
      manager,
    );
    await ok(
      `mutation($c: ID!) { askQuestion(challengeId: $c, question: "Is a mobile app in scope?") { question { id } } }`,
      { c: id },
      sejong,
    );

    // Two companies submit.
    const enter = async (key: string, title: string, pluginPackage: { name: string; version: string } | null) => {
      const draft = await ok(
        `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id status } } }`,
        {
          i: {
            challengeId: id,
            title,
            proposal: `## ${title}\nHow we would build it.`,
            teamSize: 3,
            ...(pluginPackage ? { pluginPackage } : {}),
          },
        },
        key,
      );
      const submissionId: string = draft.createSubmission.submission.id;
      const sent = await ok(
        `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status termsAcknowledgedAt } } }`,
        { id: submissionId },
        key,
      );
      expect(sent.submitSubmission.submission.status).toBe('SUBMITTED');
      expect(sent.submitSubmission.submission.termsAcknowledgedAt).toBeTruthy();
      return submissionId;
    };
    const hanbitEntry = await enter(hanbit, 'Hanbit address cleanser', {
      name: '@hanbit/maru-address-cleanser',
      version: '1.2.0',
    });
    const sejongEntry = await enter(sejong, 'Sejong civic addresses', null);

    // The agency closes early, seats the panel and starts the evaluation.
    await ok(
      `mutation($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }`,
      { id, m: panel },
      manager,
    );
    expect(
      (await ok(`mutation($id: ID!) { closeChallenge(id: $id) { challenge { status } } }`, { id }, manager))
        .closeChallenge.challenge.status,
    ).toBe('CLOSED');
    expect(
      (await ok(`mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { status } } }`, { id }, manager))
        .startChallengeEvaluation.challenge.status,
    ).toBe('EVALUATING');

    // Two reviewers declare no conflict of interest, then score both entries.
    for (const key of [reviewer, reviewer2])
      await ok(
        `mutation($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }`,
        { c: id },
        key,
      );
    const score = (
      key: string,
      submissionId: string,
      usefulness: number,
      feasibility: number,
      publicComment: string | null,
    ) =>
      ok(
        `mutation($s: ID!, $sc: [CriterionScoreInput!]!, $c: String) { scoreSubmission(submissionId: $s, scores: $sc, publicComment: $c) { review { updatedAt } } }`,
        {
          s: submissionId,
          sc: [
            { criterionKey: 'usefulness', score: usefulness, comment: 'private note' },
            { criterionKey: 'feasibility', score: feasibility },
          ],
          c: publicComment,
        },
        key,
      );
    await score(reviewer, hanbitEntry, 9, 7, 'Ready for a pilot.');
    await score(reviewer, sejongEntry, 6, 8, null);
    await score(reviewer2, hanbitEntry, 8, 6, null);
    await score(reviewer2, sejongEntry, 7, 9, 'Solid engineering.');
    const progress = await ok(
      `query($id: ID!) { challenge(id: $id) { reviewProgress { scored of } } }`,
      { id },
      manager,
    );
    expect(progress.challenge.reviewProgress).toEqual([
      { scored: 2, of: 2 },
      { scored: 2, of: 2 },
    ]);

    // Until the award, the ranking is not public.
    const early = await gql(hub.url, `query($id: ID!) { challenge(id: $id) { results { rank } } }`, { id });
    expect(early.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    await ok(
      `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w, note: "Piloting in 2027.") { challenge { status } } }`,
      { id, w: [{ submissionId: hanbitEntry, note: 'Best usefulness.' }] },
      manager,
    );

    // Anyone can now read the outcome.
    const outcome = await ok(
      `query($id: ID!) { challenge(id: $id) {
        status awardNote
        questions { nodes { question answer askedBy { slug } } }
        results { rank weightedScore winner reviewCount publicComments criterionAverages { criterionKey average } submission { title status awardNote organization { slug } pluginPackage { name version } } }
        winners { id }
      } }`,
      { id },
    );
    // Hanbit: usefulness (9+8)/2 = 8.5, feasibility (7+6)/2 = 6.5 → 8.5×70 + 6.5×30 = 790 → 79.0; Sejong: 6.5 and 8.5 → 71.0.
    expect(outcome.challenge).toEqual({
      status: 'AWARDED',
      awardNote: 'Piloting in 2027.',
      questions: {
        nodes: [
          {
            question: 'May we call the road-name address API?',
            answer: "Yes, through the hub's shared service.",
            askedBy: { slug: 'hanbit-data' },
          },
        ],
      },
      results: [
        {
          rank: 1,
          weightedScore: 79,
          winner: true,
          reviewCount: 2,
          publicComments: ['Ready for a pilot.'],
          criterionAverages: [
            { criterionKey: 'usefulness', average: 8.5 },
            { criterionKey: 'feasibility', average: 6.5 },
          ],
          submission: {
            title: 'Hanbit address cleanser',
            status: 'WINNER',
            awardNote: 'Best usefulness.',
            organization: { slug: 'hanbit-data' },
            pluginPackage: { name: '@hanbit/maru-address-cleanser', version: '1.2.0' },
          },
        },
        {
          rank: 2,
          weightedScore: 71,
          winner: false,
          reviewCount: 2,
          publicComments: ['Solid engineering.'],
          criterionAverages: [
            { criterionKey: 'usefulness', average: 6.5 },
            { criterionKey: 'feasibility', average: 8.5 },
          ],
          submission: {
            title: 'Sejong civic addresses',
            status: 'REJECTED',
            awardNote: null,
            organization: { slug: 'sejong-civic-tech' },
            pluginPackage: null,
          },
        },
      ],
      winners: [{ id: hanbitEntry }],
    });
    // The reviewers' own scores and private notes stay private after the award.
    const peek = await gql(
      hub.url,
      `query($id: ID!) { challenge(id: $id) { results { submission { reviews { scores { comment } } } } } }`,
      { id },
    );
    expect(peek.body.errors?.length).toBeGreaterThan(0);
    expect(new Set(peek.body.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(peek.body)).not.toContain('private note');

    // What the subscribers saw.
    const ours = (events: Array<{ challengeEvents: { kind: string; challengeId: string } }>) =>
      events.filter((e) => e.challengeEvents.challengeId === id).map((e) => e.challengeEvents.kind);
    await publicEvents.until((events) => ours(events).includes('AWARDED'));
    expect(ours(publicEvents.events)).toEqual(['PUBLISHED', 'QUESTION_ANSWERED', 'CLOSED', 'AWARDED']);
    await agencyInbox.until((events) => events.length >= 2);
    expect(agencyInbox.events.map((e) => e.submissionReceived.submission.id)).toEqual([hanbitEntry, sejongEntry]);
    // Both arrived at the agency long ago; a company hears of none, not even its own.
    expect(companyInbox.events).toEqual([]);

    // The audit trail holds the whole journey, and its chain is intact.
    expect((await ok(`{ verifyAuditChain { ok firstBrokenSeq } }`, {}, operator)).verifyAuditChain).toEqual({
      ok: true,
      firstBrokenSeq: null,
    });
    const trail = await ok(
      `query($from: DateTime!) { auditEvents(first: 100, filter: { from: $from }) { nodes { action outcome targetId } } }`,
      { from: journeyStart },
      operator,
    );
    const events: Array<{ action: string; outcome: string; targetId: string }> = [...trail.auditEvents.nodes].reverse();
    expect(events.map((e) => e.action)).toEqual([
      'challenge.create',
      'challenge.publish',
      'question.ask',
      'question.answer',
      'question.ask',
      'submission.create',
      'submission.submit',
      'submission.create',
      'submission.submit',
      'challenge.assignReviewers',
      'challenge.close',
      'challenge.startEvaluation',
      'review.declareNoConflict',
      'review.declareNoConflict',
      'review.score',
      'review.score',
      'review.score',
      'review.score',
      'challenge.award',
    ]);
    expect(new Set(events.map((e) => e.outcome))).toEqual(new Set(['SUCCESS']));
    const raw = (globalId: string) => decodeGlobalId(globalId).id;
    expect(new Set(events.filter((e) => e.action.startsWith('challenge.')).map((e) => e.targetId))).toEqual(
      new Set([raw(id)]),
    );
    expect(events.filter((e) => e.action.startsWith('submission.')).map((e) => e.targetId)).toEqual([
      raw(hanbitEntry),
      raw(hanbitEntry),
      raw(sejongEntry),
      raw(sejongEntry),
    ]);
  });
});
