import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

// The story, as a platform admin sees it (drafts and every entry included): the list, then each challenge's details.
const LIST = '{ challenges(first: 100) { nodes { id } } }';
const DETAILS = `query($id: ID!) { challenge(id: $id) {
  title status createdAt publishedAt submissionDeadline evaluationEnd closedAt awardedAt updatedAt cancelReason
  questions(first: 20) { nodes { askedAt answeredAt } }
  announcements(first: 20) { nodes { createdAt } }
  submissions(first: 20) { nodes { title status createdAt submittedAt organization { slug } reviews { updatedAt publicComment scores { comment } } } }
  winners { organization { slug } }
  results { publicComments submission { title } }
} }`;

interface Story {
  title: string;
  status: string;
  createdAt: string;
  publishedAt: string | null;
  submissionDeadline: string;
  evaluationEnd: string;
  closedAt: string | null;
  awardedAt: string | null;
  updatedAt: string;
  cancelReason: string | null;
  questions: { nodes: Array<{ askedAt: string; answeredAt: string | null }> };
  announcements: { nodes: Array<{ createdAt: string }> };
  submissions: {
    nodes: Array<{
      title: string;
      status: string;
      createdAt: string;
      submittedAt: string | null;
      organization: { slug: string };
      reviews: Array<{ updatedAt: string; publicComment: string | null; scores: Array<{ comment: string }> }> | null;
    }>;
  };
  winners: Array<{ organization: { slug: string } }>;
  results: Array<{ publicComments: string[]; submission: { title: string } }> | null;
}

const COMPANIES = ['hanbit-data', 'sejong-civic-tech'];
const ms = (iso: string | null) => Date.parse(iso!);

describe('the demo tells a coherent story', () => {
  let hub: HubProcess;
  let before: number;
  let after: number;
  let stories: Story[];
  const login = async (email: string) =>
    (await gql(hub.url, 'mutation($e: String!) { demoLogin(email: $e) { secret } }', { e: email })).body.data.demoLogin
      .secret as string;

  beforeAll(async () => {
    before = Date.now();
    hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-demo-story-') }, ['--demo']);
    after = Date.now();
    const admin = await login('admin@maru.example');
    const list = await gql<{ challenges: { nodes: Array<{ id: string }> } }>(hub.url, LIST, {}, admin);
    expect(list.body.errors).toBeUndefined();
    stories = [];
    for (const { id } of list.body.data!.challenges.nodes) {
      const res = await gql<{ challenge: Story }>(hub.url, DETAILS, { id }, admin);
      expect(res.body.errors).toBeUndefined();
      stories.push(res.body.data!.challenge);
    }
  }, 90_000);
  afterAll(() => {
    if (hub?.child.exitCode === null) hub.child.kill('SIGKILL');
  });

  it('has a realistic mix of states, open ones the most and cancelled ones few', () => {
    const count = (status: string) => stories.filter((s) => s.status === status).length;
    for (const status of ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'])
      expect(count(status), status).toBeGreaterThan(0);
    expect(count('OPEN')).toBeGreaterThanOrEqual(5);
    expect(count('CANCELLED')).toBeLessThan(count('OPEN'));
    expect(count('CANCELLED')).toBeLessThanOrEqual(Math.ceil(stories.length / 10));
  });

  it('dates every challenge as its state says, relative to when the hub started', () => {
    for (const s of stories) {
      const deadline = ms(s.submissionDeadline);
      const at = `${s.title} (${s.status})`;
      if (s.status === 'DRAFT') {
        expect(s.publishedAt, at).toBeNull();
        expect(deadline, at).toBeGreaterThan(after);
        continue;
      }
      // Published before its deadline, and before now.
      expect(ms(s.publishedAt), at).toBeLessThan(deadline);
      expect(ms(s.publishedAt), at).toBeLessThan(before);
      expect(ms(s.createdAt), at).toBeLessThanOrEqual(ms(s.publishedAt));
      if (s.status === 'OPEN') expect(deadline, at).toBeGreaterThan(after);
      if (s.status === 'CANCELLED') {
        expect(s.cancelReason, at).toEqual(expect.any(String));
        // Called off while it was open: before its deadline.
        expect(ms(s.updatedAt), at).toBeLessThan(deadline);
      }
      if (['CLOSED', 'EVALUATING', 'AWARDED'].includes(s.status)) {
        expect(deadline, at).toBeLessThan(before);
        // Closed at the deadline, not before (nobody cut it short), and not later than now.
        expect(ms(s.closedAt), at).toBeGreaterThanOrEqual(deadline);
        expect(ms(s.closedAt), at).toBeLessThan(deadline + 3_600_000);
      }
      if (s.status === 'AWARDED') {
        // No award announced before the deadline; the winners are known by now.
        expect(ms(s.awardedAt), at).toBeGreaterThan(deadline);
        expect(ms(s.awardedAt), at).toBeLessThan(before);
        // …and after the review it planned.
        expect(ms(s.evaluationEnd), at).toBeLessThanOrEqual(ms(s.awardedAt));
        expect(s.winners.length, at).toBeGreaterThan(0);
      } else expect(s.awardedAt, at).toBeNull();
      for (const q of s.questions.nodes) {
        expect(ms(q.askedAt), at).toBeGreaterThanOrEqual(ms(s.publishedAt));
        expect(ms(q.askedAt), at).toBeLessThan(Math.min(deadline, after));
        if (q.answeredAt) expect(ms(q.answeredAt), at).toBeGreaterThan(ms(q.askedAt));
      }
      for (const a of s.announcements.nodes) expect(ms(a.createdAt), at).toBeGreaterThanOrEqual(ms(s.publishedAt));
      for (const entry of s.submissions.nodes) {
        expect(ms(entry.createdAt), at).toBeGreaterThan(ms(s.publishedAt));
        if (entry.submittedAt) expect(ms(entry.submittedAt), at).toBeLessThan(deadline);
        // Scored after the deadline, before the award (or now).
        for (const review of entry.reviews ?? []) {
          expect(ms(review.updatedAt), at).toBeGreaterThan(deadline);
          expect(ms(review.updatedAt), at).toBeLessThan(s.awardedAt ? ms(s.awardedAt) : before);
        }
      }
    }
  });

  it('spreads the awards across the companies', () => {
    const wins = new Map(COMPANIES.map((slug) => [slug, 0]));
    for (const s of stories)
      for (const w of s.winners) wins.set(w.organization.slug, wins.get(w.organization.slug)! + 1);
    const counts = [...wins.values()];
    expect(Math.min(...counts), JSON.stringify([...wins])).toBeGreaterThan(0);
    expect(Math.max(...counts) - Math.min(...counts), JSON.stringify([...wins])).toBeLessThanOrEqual(1);
  });

  it("shows each reviewer's public comment on an entry once", () => {
    const ranked = stories.flatMap((s) => s.results ?? []);
    expect(ranked.some((r) => r.publicComments.length > 1)).toBe(true);
    for (const r of ranked) expect(new Set(r.publicComments).size, r.submission.title).toBe(r.publicComments.length);
  });

  it("gives each reviewer's remarks on an entry in their own words: the agency never reads one remark twice", () => {
    const entries = stories.flatMap((s) => s.submissions.nodes).filter((e) => (e.reviews ?? []).length > 1);
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const remarks = entry.reviews!.flatMap((r) => [
        ...(r.publicComment ? [r.publicComment] : []),
        ...r.scores.map((score) => score.comment),
      ]);
      expect(new Set(remarks).size, entry.title).toBe(remarks.length);
    }
  });

  it('titles challenges in plain Korean, without numbered or regional suffixes', () => {
    expect(new Set(stories.map((s) => s.title)).size).toBe(stories.length);
    for (const s of stories) {
      expect(s.title, s.title).toMatch(/[가-힣]/);
      expect(s.title, s.title).not.toMatch(/·\s*\S+\s+[A-Z][a-z]+\s+\d+$|\d+$/);
    }
  });

  it('leaves each demo company an open challenge it has not entered, so its submission form opens', async () => {
    for (const [email, slug] of [
      ['admin@hanbit.example', 'hanbit-data'],
      ['admin@sejong-civic.example', 'sejong-civic-tech'],
    ] as const) {
      const res = await gql<{
        challenges: {
          nodes: Array<{ title: string; submissions: { nodes: Array<{ organization: { slug: string } }> } }>;
        };
      }>(
        hub.url,
        '{ challenges(first: 20, filter: { statuses: [OPEN] }) { nodes { title submissions(first: 3) { nodes { organization { slug } } } } } }',
        {},
        await login(email),
      );
      expect(res.body.errors).toBeUndefined();
      const open = res.body.data!.challenges.nodes;
      const notEntered = open.filter((c) => !c.submissions.nodes.some((s) => s.organization.slug === slug));
      expect(notEntered.length, slug).toBeGreaterThan(0);
      // And the company has entered some: its own submissions are there to see and edit.
      expect(notEntered.length, slug).toBeLessThan(open.length);
    }
  });
});
