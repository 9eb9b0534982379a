import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, SCREENSHOTS } from './browser';
import { startHub, type RunningHub } from './hub';
import { openPortalPage } from './portal-page';
import { signInAs } from './session';
import { demoApi } from './demo-api';

/**
 * The Korean guides for government teams (docs/ko/) show screens this test takes, on a demo hub, walking the
 * steps the guides describe with the labels they name. `MARU_DOCS_SCREENSHOTS=1` writes them into docs/ko/images
 * (commit them); otherwise into test-results/docs-ko, so a plain run leaves the checkout as it was.
 */

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'ko');
const OUT = process.env.MARU_DOCS_SCREENSHOTS ? join(DOCS, 'images') : join(SCREENSHOTS, 'docs-ko');
const MANAGER = 'manager@mois.example';
const ADMIN = 'admin@mois.example';
const REVIEWER = 'reviewer@mois.example';
const COMPANY = 'dev@hanbit.example';
const DAY = 86_400_000;
const RUN = Date.now().toString(36);

/** Every screen the guides show, by file name (docs/ko/images/<name>.png). */
const SHOTS = [
  'home',
  'sign-in',
  'manage',
  'new-challenge',
  'publish-confirm',
  'challenge-agency',
  'award-confirm',
  'data-new',
  'data-detail',
  'access-requests',
  'audit',
] as const;
type Shot = (typeof SHOTS)[number];

const guides = readdirSync(DOCS).filter((name) => name.endsWith('.md'));
const referenced = guides.flatMap((name) =>
  [...readFileSync(join(DOCS, name), 'utf8').matchAll(/\]\(images\/([\w-]+)\.png\)/g)].map((m) => m[1]!),
);

it('the guides show exactly the screens this test takes, and each is committed', () => {
  expect([...new Set(referenced)].sort()).toEqual([...SHOTS].sort());
  const committed = readdirSync(join(DOCS, 'images'));
  expect(SHOTS.filter((shot) => !committed.includes(`${shot}.png`))).toEqual([]);
});

describe.skipIf(!chromiumAvailable())('the screens of the Korean guides, as the guides walk them', () => {
  let hub: RunningHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const { as, createChallenge } = demoApi(() => hub.origin);
  const take = async (page: Page, shot: Shot) => {
    mkdirSync(OUT, { recursive: true });
    // The visible window, not the whole page: a guide shows what a person sees first.
    await page.screenshot({ path: join(OUT, `${shot}.png`) });
  };
  const open = async (email: string | null, path: string) => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko', width: 'desktop' });
    contexts.push(page.context());
    if (email) await signInAs(page, hub.origin, email, path);
    else await page.goto(`${hub.origin}${path}`);
    return { page, problems };
  };
  const newChallenge = async (title: string) => {
    const agencyId = (
      await as<{ viewer: { organization: { id: string } } }>(MANAGER, '{ viewer { organization { id } } }')
    ).viewer.organization.id;
    return await createChallenge(MANAGER, {
      agencyId,
      title,
      summary: '태풍이 올 때 주민마다 가장 가까운 대피소를 알려 줍니다.',
      problemStatement: '## 문제\n\n대피소 안내가 **지역마다 다릅니다**.\n\n- 문자\n- 누리집',
      type: 'PROTOTYPE',
      tags: ['재난'],
      criteria: [
        { key: 'impact', name: '공공 효과', weight: 60 },
        { key: 'feasibility', name: '실현 가능성', weight: 40 },
      ],
      submissionDeadline: new Date(Date.now() + 21 * DAY).toISOString(),
      evaluationEnd: new Date(Date.now() + 50 * DAY).toISOString(),
    });
  };
  const move = (mutation: string, id: string) =>
    as(MANAGER, `mutation ($id: ID!) { ${mutation}(id: $id) { challenge { id } } }`, { id });

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await hub?.stop();
  });

  it('getting started: the official banner, sign-in and the agency’s own page', async () => {
    const home = await open(null, '/');
    await home.page.getByText('이 누리집은 대한민국 공식 전자정부 누리집입니다.').first().waitFor();
    await home.page.getByRole('heading', { level: 1, name: '챌린지' }).waitFor();
    await home.page.getByRole('article').first().waitFor();
    await take(home.page, 'home');

    const signIn = await open(null, '/sign-in');
    await signIn.page.getByRole('heading', { level: 1, name: '로그인' }).waitFor();
    await signIn.page.getByRole('heading', { name: '데모 구성원으로 체험하기' }).waitFor();
    await take(signIn.page, 'sign-in');

    const manage = await open(MANAGER, '/manage');
    await manage.page.getByRole('heading', { level: 1, name: '우리 기관 챌린지' }).waitFor();
    const table = manage.page.getByRole('table', { name: '우리 기관 챌린지: 상태, 마감, 현황, 다음 할 일' });
    for (const column of ['상태', /마감$/, '제출', '답변할 질문', '심사 진행', '다음 할 일'])
      await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
    await manage.page.getByLabel('상태별로 보기').waitFor();
    const other = manage.page.getByRole('navigation', { name: '기관의 다른 업무' });
    for (const name of ['데이터셋', '서류', '이용 신청', '구성원', '인사이트'])
      await other.getByRole('link', { name: new RegExp(name) }).waitFor();
    await take(manage.page, 'manage');
    expect([...home.problems, ...signIn.problems, ...manage.problems]).toEqual([]);
  });

  it('posting a challenge: the form, publishing after the check, the agency’s page, the award check', async () => {
    const form = await open(MANAGER, '/challenges/new');
    await form.page.getByRole('heading', { level: 1, name: '챌린지 등록' }).waitFor();
    await form.page.getByRole('textbox', { name: /^제목/ }).fill('재난 대피소 안내');
    await take(form.page, 'new-challenge');

    const draft = await newChallenge(`재난 대피소 안내 ${RUN}`);
    const { page, problems } = await open(MANAGER, `/challenges/${encodeURIComponent(draft)}`);
    await page.getByRole('heading', { level: 2, name: '챌린지 관리' }).waitFor();
    await page.getByRole('link', { name: '챌린지 수정' }).waitFor();
    await page.getByRole('button', { name: '챌린지 공개' }).click();
    await page.getByRole('group', { name: '챌린지 공개' }).getByText('이 챌린지를 공개할까요?').waitFor();
    await take(page, 'publish-confirm');
    await page.getByRole('button', { name: '네, 공개합니다' }).click();
    await page.getByTestId('success-message').getByText('챌린지를 공개했습니다.', { exact: false }).waitFor();
    await page.getByRole('form', { name: '공지 올리기' }).waitFor();
    await take(page, 'challenge-agency');

    // A challenge ready for its award: one entry, scored by the panel, in evaluation.
    const ready = await newChallenge(`주소 안내문 발송 ${RUN}`);
    await move('publishChallenge', ready);
    const entry = (
      await as<{ createSubmission: { submission: { id: string } } }>(
        COMPANY,
        'mutation ($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }',
        {
          i: {
            challengeId: ready,
            title: `한빛 대피소 알리미 ${RUN}`,
            summary: '문자와 지도로 알립니다.',
            proposal: '## 접근\n대피소 위치를 지도와 문자로 보냅니다.',
            teamSize: 4,
          },
        },
      )
    ).createSubmission.submission.id;
    await as(
      COMPANY,
      'mutation ($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }',
      {
        id: entry,
      },
    );
    const reviewer = (await as<{ viewer: { id: string } }>(REVIEWER, '{ viewer { id } }')).viewer.id;
    await as(
      MANAGER,
      'mutation ($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }',
      {
        id: ready,
        m: [reviewer],
      },
    );
    await move('closeChallenge', ready);
    await move('startChallengeEvaluation', ready);
    await as(REVIEWER, 'mutation ($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }', {
      c: ready,
    });
    await as(
      REVIEWER,
      'mutation ($s: ID!, $x: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $x) { review { updatedAt } } }',
      {
        s: entry,
        x: [
          { criterionKey: 'impact', score: 9 },
          { criterionKey: 'feasibility', score: 7 },
        ],
      },
    );
    const award = await open(MANAGER, `/challenges/${encodeURIComponent(ready)}`);
    await award.page.getByRole('checkbox', { name: new RegExp(`수상작: 한빛 대피소 알리미 ${RUN}`) }).check();
    await award.page.getByLabel('시상 메모').fill('2027년 태풍철에 시범 운영합니다.');
    await award.page.getByRole('button', { name: '시상하고 결과 공개' }).click();
    const check = award.page.getByRole('group', { name: '시상하고 결과 공개' });
    await check.getByText('이 수상작으로 시상하고 결과를 공개할까요?').waitFor();
    await check.getByRole('button', { name: '네, 시상하고 공개합니다' }).waitFor();
    await take(award.page, 'award-confirm');
    expect([...form.problems, ...problems, ...award.problems]).toEqual([]);
  });

  it('connecting data and deciding access: the connect form, a dataset’s page, requests, the audit trail', async () => {
    const connect = await open(ADMIN, '/manage/data/new');
    await connect.page.getByRole('heading', { level: 1, name: '데이터셋 연결' }).waitFor();
    await take(connect.page, 'data-new');

    const mine = await as<{ viewer: { organization: { id: string } } }>(ADMIN, '{ viewer { organization { id } } }');
    const datasets = await as<{ dataConnections: { nodes: Array<{ id: string; name: string }> } }>(
      ADMIN,
      'query ($a: ID!) { dataConnections(first: 20, filter: { agencyId: $a }) { nodes { id name } } }',
      { a: mine.viewer.organization.id },
    );
    const dataset = datasets.dataConnections.nodes[0]!;
    const detail = await open(ADMIN, `/manage/data/${encodeURIComponent(dataset.id)}`);
    await detail.page.getByRole('heading', { level: 1, name: dataset.name }).waitFor();
    await detail.page.getByRole('button', { name: '지금 동기화' }).waitFor();
    await detail.page.getByRole('heading', { name: '동기화 이력' }).waitFor();
    for (const section of ['동의', '정보주체 키', '열람 기록'])
      await detail.page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    await take(detail.page, 'data-detail');

    const access = await open(ADMIN, '/access');
    await access.page.getByRole('heading', { level: 1, name: '이용 권한' }).waitFor();
    await access.page.getByRole('heading', { name: '우리 기관 데이터에 대한 신청' }).waitFor();
    await take(access.page, 'access-requests');

    const audit = await open(ADMIN, '/audit');
    await audit.page.getByRole('heading', { level: 1, name: '감사 기록' }).waitFor();
    await audit.page.getByRole('table').first().waitFor();
    await take(audit.page, 'audit');
    expect([...connect.problems, ...detail.problems, ...access.problems, ...audit.problems]).toEqual([]);
  });
});
