import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, type Width } from './portal-page';
import { signInAs } from './session';
import { demoApi } from './demo-api';

const RUN = Date.now().toString(36);
const TITLE = `심사 배정 챌린지 ${RUN}`;
const MANAGER = 'manager@mois.example';
const REVIEWER = 'reviewer@mois.example';

describe.skipIf(!chromiumAvailable())('the portal in a browser: a reviewer’s assignments (/reviews)', () => {
  let hub: RunningHub;
  let browser: Browser;
  let challengeId: string;
  let entries: string[];
  const { as, createChallenge } = demoApi(() => hub.origin);

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    // The assignment is made here, not taken from the demo data (which other work changes).
    const agency = await as<{ viewer: { organization: { id: string } } }>(
      MANAGER,
      '{ viewer { organization { id } } }',
    );
    const reviewer = await as<{ viewer: { id: string } }>(REVIEWER, '{ viewer { id } }');
    challengeId = await createChallenge(MANAGER, {
      agencyId: agency.viewer.organization.id,
      title: TITLE,
      summary: '심사위원 배정과 진행 상황을 확인합니다.',
      type: 'PROTOTYPE',
      criteria: [{ key: 'impact', name: '효과', weight: 100 }],
      submissionDeadline: '2031-02-01T09:00:00Z',
      evaluationEnd: '2031-03-01T09:00:00Z',
    });
    await as(MANAGER, 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', { id: challengeId });
    await as(
      MANAGER,
      'mutation ($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }',
      {
        id: challengeId,
        m: [reviewer.viewer.id],
      },
    );
    entries = [];
    for (const [email, title] of [
      ['admin@hanbit.example', '한빛 제안'],
      ['admin@sejong-civic.example', '세종 제안'],
    ] as const) {
      const id = (
        await as<{ createSubmission: { submission: { id: string } } }>(
          email,
          'mutation ($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }',
          { i: { challengeId, title, summary: '요약', proposal: '## 제안\n내용', teamSize: 2 } },
        )
      ).createSubmission.submission.id;
      await as(
        email,
        'mutation ($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }',
        {
          id,
        },
      );
      entries.push(id);
    }
    await as(MANAGER, 'mutation ($id: ID!) { closeChallenge(id: $id) { challenge { id } } }', { id: challengeId });
    await as(MANAGER, 'mutation ($id: ID!) { startChallengeEvaluation(id: $id) { challenge { id } } }', {
      id: challengeId,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const open = async (lang: 'ko' | 'en', width: Width = 'desktop') => {
    const opened = await openPortalPage(browser, { lang, width });
    await signInAs(opened.page, hub.origin, REVIEWER, '/reviews');
    return opened;
  };
  const card = (page: Page) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: TITLE }) });

  it('lists the assignment with its progress, deadline in KST and declaration, and follows the reviewer’s scoring', async () => {
    const { page, problems } = await open('ko');
    await page.getByRole('heading', { level: 1, name: '심사' }).waitFor();
    await card(page).getByText('2건 중 0건 채점').waitFor();
    await card(page).getByText('아직 신고하지 않음(채점 전에 필요)').waitFor();
    await card(page)
      .getByText(/2031\. 03\. 01\. 18:00 KST/)
      .waitFor();
    await screenshot(page, 'reviewer-assignments-before-ko-1280');
    await card(page)
      .getByRole('link', { name: `“${TITLE}” 제안서 심사` })
      .click();
    await page.waitForURL(/\/review$/);

    // The reviewer declares and scores one entry (through the API: the scoring page has its own test, journey.test.ts).
    await as(REVIEWER, 'mutation ($id: ID!) { declareNoConflict(challengeId: $id) { declaration { declaredAt } } }', {
      id: challengeId,
    });
    await as(
      REVIEWER,
      'mutation ($id: ID!, $s: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $id, scores: $s) { review { updatedAt } } }',
      { id: entries[0], s: [{ criterionKey: 'impact', score: 8 }] },
    );
    await page.goto(`${hub.origin}/reviews`);
    await card(page).getByText('2건 중 1건 채점').waitFor();
    await card(page).getByText('신고함: 이해충돌 없음').waitFor();
    expect(await card(page).getByRole('progressbar').getAttribute('value')).toBe('1');
    await screenshot(page, 'reviewer-assignments-after-ko-1280');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('tells a company member the reviews page is for reviewers', async () => {
    const opened = await openPortalPage(browser, { lang: 'ko' });
    await signInAs(opened.page, hub.origin, 'admin@hanbit.example', '/reviews');
    await opened.page.getByRole('heading', { level: 1, name: '이 역할로는 쓸 수 없습니다' }).waitFor();
    await opened.page.getByText('이 페이지를 쓸 수 있는 역할: 심사위원', { exact: false }).waitFor();
    expect(await opened.page.getByRole('listitem').filter({ hasText: TITLE }).count()).toBe(0);
    await opened.page.context().close();
  });

  it.each([
    ['ko', 'desktop'],
    ['ko', 'phone'],
    ['en', 'desktop'],
    ['en', 'phone'],
  ] as const)(
    'shows the assignments in %s at %s width, accessible and without horizontal scroll',
    async (lang, width) => {
      const { page, problems } = await open(lang, width);
      await page.getByRole('heading', { level: 1, name: lang === 'ko' ? '심사' : 'Reviews' }).waitFor();
      await card(page)
        .getByText(lang === 'ko' ? '2건 중 1건 채점' : '1 of 2 scored')
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `reviewer-assignments-${lang}-${width === 'desktop' ? 1280 : 375}`);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
