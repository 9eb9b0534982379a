import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, type Width } from './portal-page';
import { signInAs } from './session';
import { demoApi } from './demo-api';

/**
 * The agency's challenge work in a browser, as a demo challenge manager of the Digital Government Bureau: the task
 * table, editing, publishing, announcing, answering, deciding on entries, the next phase and the award — each
 * checked against what GraphQL says afterwards. The test makes its own challenges (the demo rows may change).
 */

const MANAGER = 'manager@mois.example';
const OTHER_AGENCY = 'manager@msit.example';
const REVIEWER = 'reviewer@mois.example';
const HANBIT = 'dev@hanbit.example';
const SEJONG = 'dev@sejong-civic.example';
const RUN = Date.now().toString(36);
const DAY = 86_400_000;

describe.skipIf(!chromiumAvailable())('the portal in a browser: an agency runs its challenges', () => {
  let hub: RunningHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Sets up what is not the subject, or reads what the UI did, as a member over GraphQL. */
  const { as, raw, createChallenge } = demoApi(() => hub.origin);

  let agencyId: string;
  const create = async (title: string, extra: Record<string, unknown> = {}) =>
    await createChallenge(MANAGER, {
      agencyId,
      title,
      summary: '주민센터 안내문을 주소에 맞게 보내는 방법을 찾습니다.',
      problemStatement: '기관마다 주소 형식이 다릅니다.',
      type: 'PROTOTYPE',
      tags: ['주소'],
      criteria: [
        { key: 'impact', name: '효과', weight: 60 },
        { key: 'feasibility', name: '실현 가능성', weight: 40 },
      ],
      submissionDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
      evaluationEnd: new Date(Date.now() + 40 * DAY).toISOString(),
      ...extra,
    });
  const transition = (mutation: string, id: string) =>
    as(MANAGER, `mutation ($id: ID!) { ${mutation}(id: $id) { challenge { id } } }`, { id });
  const enter = async (email: string, challengeId: string, title: string) => {
    const id = (
      await as<{ createSubmission: { submission: { id: string } } }>(
        email,
        'mutation ($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }',
        {
          i: { challengeId, title, summary: `${title} 요약`, proposal: '## 접근\n도로명주소로 맞춥니다.', teamSize: 3 },
        },
      )
    ).createSubmission.submission.id;
    await as(email, 'mutation ($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }', {
      id,
    });
    return id;
  };
  const ask = (email: string, challengeId: string, question: string) =>
    as(email, 'mutation ($c: ID!, $q: String!) { askQuestion(challengeId: $c, question: $q) { question { id } } }', {
      c: challengeId,
      q: question,
    });
  const challengeState = (id: string) =>
    as<{
      challenge: {
        title: string;
        summary: string;
        status: string;
        version: number;
        currentPhase: number;
        unansweredQuestionCount: number | null;
        announcements: { nodes: Array<{ title: string; body: string }> };
        submissions: { nodes: Array<{ title: string; status: string }> };
        winners: Array<{ title: string }>;
      };
    }>(
      MANAGER,
      `query ($id: ID!) { challenge(id: $id) { title summary status version currentPhase unansweredQuestionCount
        announcements(first: 10) { nodes { title body } }
        submissions(first: 20) { nodes { title status } } winners { title } } }`,
      { id },
    ).then((d) => d.challenge);

  /** A page signed in as `email`, in `lang` at `width`, with its console and HTTP problems collected. */
  const open = async (email: string, path: string, lang: 'ko' | 'en' = 'ko', width: Width = 'desktop') => {
    const { page, problems } = await openPortalPage(browser, { lang, width });
    contexts.push(page.context());
    await signInAs(page, hub.origin, email, path);
    return { page, problems };
  };
  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const success = (page: Page) => page.getByTestId('success-message');

  let draftId: string;
  let questionsId: string;
  let phasedId: string;
  let awardId: string;
  let otherDraftId: string;
  const DRAFT = `주소 정비 챌린지 ${RUN}`;
  const QUESTIONS = `질문이 많은 챌린지 ${RUN}`;
  const PHASED = `두 단계 챌린지 ${RUN}`;
  const AWARD = `시상할 챌린지 ${RUN}`;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    agencyId = (await as<{ viewer: { organization: { id: string } } }>(MANAGER, '{ viewer { organization { id } } }'))
      .viewer.organization.id;
    draftId = await create(DRAFT);

    questionsId = await create(QUESTIONS);
    await transition('publishChallenge', questionsId);
    await ask(HANBIT, questionsId, '공공 API를 써도 되나요?');
    await ask(SEJONG, questionsId, '클라우드에서 운영해도 되나요?');

    phasedId = await create(PHASED, {
      phases: [{ name: '2단계 시제품', submissionDeadline: new Date(Date.now() + 25 * DAY).toISOString() }],
    });
    await transition('publishChallenge', phasedId);
    await enter(HANBIT, phasedId, `한빛 주소 정제 ${RUN}`);
    await enter(SEJONG, phasedId, `세종 주소 도우미 ${RUN}`);
    await transition('closeChallenge', phasedId);

    awardId = await create(AWARD);
    await transition('publishChallenge', awardId);
    const winner = await enter(HANBIT, awardId, `한빛 안내문 발송기 ${RUN}`);
    const reviewer = (await as<{ viewer: { id: string } }>(REVIEWER, '{ viewer { id } }')).viewer.id;
    await as(
      MANAGER,
      'mutation ($id: ID!, $m: [ID!]!) { assignReviewers(id: $id, memberIds: $m) { challenge { id } } }',
      {
        id: awardId,
        m: [reviewer],
      },
    );
    await transition('closeChallenge', awardId);
    await transition('startChallengeEvaluation', awardId);
    await as(REVIEWER, 'mutation ($c: ID!) { declareNoConflict(challengeId: $c) { declaration { declaredAt } } }', {
      c: awardId,
    });
    await as(
      REVIEWER,
      'mutation ($s: ID!, $x: [CriterionScoreInput!]!) { scoreSubmission(submissionId: $s, scores: $x) { review { updatedAt } } }',
      {
        s: winner,
        x: [
          { criterionKey: 'impact', score: 9 },
          { criterionKey: 'feasibility', score: 8 },
        ],
      },
    );

    // Another agency's draft: its own agency alone may see or edit it.
    const msitAgency = (
      await as<{ viewer: { organization: { id: string } } }>(OTHER_AGENCY, '{ viewer { organization { id } } }')
    ).viewer.organization.id;
    otherDraftId = await createChallenge(OTHER_AGENCY, {
      agencyId: msitAgency,
      title: `AI 정책 초안 ${RUN}`,
      summary: '다른 기관의 작성 중 챌린지',
      type: 'IDEA',
      criteria: [{ key: 'impact', name: '효과', weight: 100 }],
      submissionDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
      evaluationEnd: new Date(Date.now() + 40 * DAY).toISOString(),
    });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await hub?.stop();
  });

  it('shows the task table with the same figures GraphQL gives, and filters by status', async () => {
    const { page, problems } = await open(MANAGER, '/manage');
    await page.getByRole('heading', { level: 1, name: '우리 기관 챌린지' }).waitFor();
    const table = page.getByRole('table', { name: '우리 기관 챌린지: 상태, 마감, 현황, 다음 할 일' });
    await table.getByRole('rowheader', { name: QUESTIONS }).waitFor();
    const expected = await as<{
      challenges: {
        nodes: Array<{
          title: string;
          status: string;
          unansweredQuestionCount: number | null;
          submissions: { totalCount: number };
        }>;
      };
    }>(
      MANAGER,
      `query ($a: ID!) { challenges(first: 20, sort: NEWEST, filter: { agencyId: $a }) {
        nodes { title status unansweredQuestionCount submissions(first: 1) { totalCount } } } }`,
      { a: agencyId },
    );
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (label: string) =>
          (row.querySelector(`[data-label="${label}"]`) as HTMLElement | null)?.innerText.trim() ?? '';
        return {
          title: cell('챌린지'),
          submissions: cell('제출'),
          questions: cell('답변할 질문'),
          next: cell('다음 할 일'),
        };
      }),
    );
    expect(shown.map((row) => row.title)).toEqual(expected.challenges.nodes.map((c) => c.title));
    expect(shown.map((row) => [row.submissions, row.questions])).toEqual(
      expected.challenges.nodes.map((c) => [
        c.status === 'DRAFT' ? '–' : String(c.submissions.totalCount),
        String(c.unansweredQuestionCount),
      ]),
    );
    const row = (title: string) => shown.find((r) => r.title === title)!;
    expect(row(QUESTIONS)).toMatchObject({ questions: '2', next: '답변할 질문 2건' });
    expect(row(DRAFT)).toMatchObject({ submissions: '–', next: '확인 후 공개' });
    expect(row(PHASED)).toMatchObject({ submissions: '2', next: '심사위원 배정' });
    // Review progress of the challenge in evaluation: 1 of 1 scored, so the next step is the award.
    const awardRow = table.getByRole('row', { name: new RegExp(AWARD) });
    await awardRow.getByText('1건 중 1건').waitFor();
    await awardRow.getByRole('link', { name: '수상작 선정' }).waitFor();
    // The agency's other work, one step away.
    const other = page.getByRole('navigation', { name: '기관의 다른 업무' });
    for (const name of ['데이터셋', '서류', '이용 신청', '구성원', '인사이트'])
      await other.getByRole('link', { name: new RegExp(name) }).waitFor();

    await page.getByLabel('상태별로 보기').selectOption('OPEN');
    await expect.poll(() => table.getByRole('rowheader', { name: DRAFT }).count()).toBe(0);
    const openOnes = await as<{ challenges: { totalCount: number } }>(
      MANAGER,
      'query ($a: ID!) { challenges(first: 1, filter: { agencyId: $a, statuses: [OPEN] }) { totalCount } }',
      { a: agencyId },
    );
    await page.getByText(`챌린지 ${openOnes.challenges.totalCount}건`).waitFor();
    expect(page.url()).toContain('status=OPEN');
    await screenshot(page, 'agency-challenges-tasks-filtered-ko-1280');
    expect(problems).toEqual([]);
  });

  it('answers the waiting questions from the task table’s next step', async () => {
    const { page, problems } = await open(MANAGER, '/manage');
    await page
      .getByRole('row', { name: new RegExp(QUESTIONS) })
      .getByRole('link', { name: '답변할 질문 2건' })
      .click();
    await page.getByRole('heading', { level: 1, name: QUESTIONS }).waitFor();
    await page.getByText('답변을 기다리는 질문이 2건 있습니다.', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: /^답변/ }).first().fill('네, 공공 API를 쓸 수 있습니다.');
    await page.getByRole('button', { name: '답변 공개' }).first().click();
    await page.getByText('네, 공공 API를 쓸 수 있습니다.').waitFor();
    await expect.poll(async () => (await challengeState(questionsId)).unansweredQuestionCount).toBe(1);
    await page.goto(`${hub.origin}/manage`);
    await page
      .getByRole('row', { name: new RegExp(QUESTIONS) })
      .getByRole('link', { name: '답변할 질문 1건' })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('edits a draft, then publishes it through the check-your-answers step', async () => {
    const { page, problems } = await open(MANAGER, `/challenges/${encodeURIComponent(draftId)}`);
    await page.getByRole('heading', { level: 2, name: '챌린지 관리' }).waitFor();
    await page.getByRole('link', { name: '챌린지 수정' }).click();
    await page.getByRole('heading', { level: 1, name: '챌린지 수정' }).waitFor();
    await page.getByText('작성 중인 챌린지입니다. 공개하기 전까지 모든 항목을 바꿀 수 있습니다.').waitFor();
    const edited = `${DRAFT} (수정)`;
    await page.getByRole('textbox', { name: /^제목/ }).fill(edited);
    await page.getByRole('textbox', { name: /^요약/ }).fill('주소를 도로명주소 대장에 맞게 정비합니다.');
    await screenshot(page, 'agency-challenges-edit-draft-ko-1280');
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await page.getByRole('heading', { level: 1, name: edited }).waitFor();
    await expect.poll(() => success(page).textContent()).toContain('챌린지를 저장했습니다.');
    expect(await challengeState(draftId)).toMatchObject({
      title: edited,
      summary: '주소를 도로명주소 대장에 맞게 정비합니다.',
      status: 'DRAFT',
    });

    // Publishing asks first, says what follows, and that it cannot be undone.
    await page.getByRole('button', { name: '챌린지 공개' }).click();
    const check = page.getByRole('group', { name: '챌린지 공개' });
    await check.getByText('이 챌린지를 공개할까요?').waitFor();
    await check.getByText(edited).waitFor();
    await check.getByText('되돌릴 수 없습니다.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'agency-challenges-publish-check-ko-1280');
    // "Cancel" leaves it a draft.
    await check.getByRole('button', { name: '취소' }).click();
    expect((await challengeState(draftId)).status).toBe('DRAFT');
    await page.getByRole('button', { name: '챌린지 공개' }).click();
    await page.getByRole('button', { name: '네, 공개합니다' }).click();
    await expect.poll(() => success(page).textContent()).toContain('챌린지를 공개했습니다.');
    await page.getByRole('button', { name: '지금 접수 마감' }).waitFor();
    expect((await challengeState(draftId)).status).toBe('OPEN');

    // Published: the edit form says plainly what no longer changes, and the hub keeps it so.
    await page.getByRole('link', { name: '챌린지 수정' }).click();
    await page.getByRole('heading', { level: 2, name: '공개한 뒤에는 바꿀 수 없는 항목' }).waitFor();
    expect(await page.getByRole('group', { name: '평가 기준' }).count()).toBe(0);
    await screenshot(page, 'agency-challenges-edit-open-ko-1280');
    // An earlier deadline is refused beside the field, and nothing is sent.
    const published = await challengeState(draftId);
    const deadline = page.getByLabel(/^제출 마감/);
    // Two days from now in Seoul (the page's time zone): ahead, but before the published deadline (ten days).
    const sooner = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Seoul',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(Date.now() + 2 * DAY)
      .replace(' ', 'T');
    await deadline.fill(sooner);
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await page.getByText('공개된 챌린지의 제출 마감은 늦추기만 할 수 있습니다.').waitFor();
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');
    expect(await challengeState(draftId)).toEqual(published);
    expect(problems).toEqual([]);
  });

  it('reads and shows the deadline fields as Korea time in a browser set to another time zone', async () => {
    const id = await create(`시간대 챌린지 ${RUN}`);
    const deadlineOf = async () =>
      (
        await as<{ challenge: { submissionDeadline: string } }>(
          MANAGER,
          'query ($id: ID!) { challenge(id: $id) { submissionDeadline } }',
          { id },
        )
      ).challenge.submissionDeadline;
    const inSeoul = (at: string | number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' })
        .format(new Date(at))
        .replace(' ', 'T');
    const { page, problems } = await openPortalPage(browser, { lang: 'ko', timezoneId: 'America/Los_Angeles' });
    contexts.push(page.context());
    await signInAs(page, hub.origin, MANAGER, `/manage/challenges/${encodeURIComponent(id)}/edit`);
    await page.getByRole('heading', { level: 1, name: '챌린지 수정' }).waitFor();
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
    const deadline = page.getByLabel(/^제출 마감 \(KST\)/);
    expect(await deadline.inputValue()).toBe(inSeoul(await deadlineOf()));
    // 18:00 in Seoul on a day three weeks ahead is 09:00 UTC that day, whatever the browser's zone.
    const day = inSeoul(Date.now() + 21 * DAY).slice(0, 10);
    await deadline.fill(`${day}T18:00`);
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await expect.poll(() => success(page).textContent()).toContain('챌린지를 저장했습니다.');
    expect(Date.parse(await deadlineOf())).toBe(Date.parse(`${day}T09:00:00Z`));
    expect(problems).toEqual([]);
  });

  it('posts an announcement written in Markdown', async () => {
    const { page, problems } = await open(MANAGER, `/challenges/${encodeURIComponent(questionsId)}`);
    const form = page.getByRole('form', { name: '공지 올리기' });
    await form.getByRole('button', { name: '공지 올리기' }).click();
    await form.getByText('공지 제목을 적어 주세요.').first().waitFor();
    await form.getByLabel('제목').fill('온라인 설명회');
    await form.getByLabel('공지 내용').fill('**온라인 설명회**를 엽니다.\n\n- 일시: 화요일 14시\n- 장소: 온라인');
    await form.getByRole('button', { name: '공지 올리기' }).click();
    await expect.poll(() => success(page).textContent()).toContain('공지를 올렸습니다.');
    const list = page.getByRole('region', { name: '공지' });
    await list.getByRole('heading', { level: 3, name: '온라인 설명회' }).waitFor();
    await list.locator('strong', { hasText: '온라인 설명회' }).waitFor();
    await list.getByRole('listitem').filter({ hasText: '장소: 온라인' }).first().waitFor();
    expect((await challengeState(questionsId)).announcements.nodes[0]).toEqual({
      title: '온라인 설명회',
      body: '**온라인 설명회**를 엽니다.\n\n- 일시: 화요일 14시\n- 장소: 온라인',
    });
    await screenshot(page, 'agency-challenges-announcement-ko-1280');
    expect(problems).toEqual([]);
  });

  it('shortlists one entry, rejects another through the check, and opens the next phase', async () => {
    const { page, problems } = await open(MANAGER, `/challenges/${encodeURIComponent(phasedId)}`);
    const hanbit = `한빛 주소 정제 ${RUN}`;
    const sejong = `세종 주소 도우미 ${RUN}`;
    await page.getByRole('button', { name: `“${hanbit}” 선정` }).click();
    await expect.poll(() => success(page).textContent()).toContain(`“${hanbit}”을(를) 선정했습니다.`);
    await page.getByRole('button', { name: `“${sejong}” 탈락` }).click();
    const check = page.getByRole('group', { name: `“${sejong}” 탈락` });
    await check.getByText('이 제안서를 탈락 처리할까요?').waitFor();
    await check.getByText('Sejong Civic Tech (세종시빅테크)').waitFor();
    await screenshot(page, 'agency-challenges-reject-check-ko-1280');
    await check.getByRole('button', { name: '네, 탈락 처리합니다' }).click();
    await expect.poll(() => success(page).textContent()).toContain(`“${sejong}”을(를) 탈락 처리했습니다.`);
    await expect
      .poll(async () => (await challengeState(phasedId)).submissions.nodes.map((s) => [s.title, s.status]).sort())
      .toEqual(
        [
          [hanbit, 'SHORTLISTED'],
          [sejong, 'REJECTED'],
        ].sort(),
      );

    await page.getByRole('button', { name: '다음 단계 열기' }).click();
    const advance = page.getByRole('group', { name: '다음 단계 열기' });
    await advance.getByText('2단계 시제품').waitFor();
    await advance.getByText(hanbit).waitFor();
    await advance.getByRole('button', { name: '네, 다음 단계를 엽니다' }).click();
    await expect.poll(() => success(page).textContent()).toContain('다음 단계를 열었습니다.');
    expect(await challengeState(phasedId)).toMatchObject({ status: 'OPEN', currentPhase: 1 });
    expect(problems).toEqual([]);
  });

  it('awards the winner through the check and says so', async () => {
    const { page, problems } = await open(MANAGER, `/challenges/${encodeURIComponent(awardId)}`);
    const winner = `한빛 안내문 발송기 ${RUN}`;
    // No winner picked: the page says what is missing, nothing is sent.
    await page.getByRole('button', { name: '시상하고 결과 공개' }).click();
    await page.getByText('수상작을 하나 이상 고르세요.').waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`수상작: ${winner}`) }).check();
    await page.getByLabel('시상 메모').fill('2027년에 시범 운영합니다.');
    await page.getByRole('button', { name: '시상하고 결과 공개' }).click();
    const check = page.getByRole('group', { name: '시상하고 결과 공개' });
    await check.getByText('이 수상작으로 시상하고 결과를 공개할까요?').waitFor();
    await check.getByText('2027년에 시범 운영합니다.').waitFor();
    await screenshot(page, 'agency-challenges-award-check-ko-1280');
    await check.getByRole('button', { name: '네, 시상하고 공개합니다' }).click();
    await expect.poll(() => success(page).textContent()).toContain('시상을 마치고 결과를 공개했습니다.');
    expect(await challengeState(awardId)).toMatchObject({ status: 'AWARDED', winners: [{ title: winner }] });
    await page.goto(`${hub.origin}/manage`);
    await page
      .getByRole('row', { name: new RegExp(AWARD) })
      .getByRole('link', { name: '파일럿 시작' })
      .click();
    // Who starts the pilot, and how, is said where the step leads.
    await page.getByRole('heading', { level: 3, name: '파일럿' }).waitFor();
    await page.getByText('플랫폼 관리자가 요청 권한을 확인하고 파일럿 서비스로 시작합니다', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });

  it('refuses another agency in people’s words and changes nothing', async () => {
    const before = await challengeState(questionsId);
    const { page } = await open(OTHER_AGENCY, `/challenges/${encodeURIComponent(questionsId)}`);
    await page.getByRole('heading', { level: 1, name: QUESTIONS }).waitFor();
    // The public page is there (its questions and answers), without the agency's controls.
    await page.getByRole('heading', { level: 2, name: '질의응답' }).waitFor();
    expect(await page.getByRole('link', { name: '챌린지 수정' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: '공지 올리기' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '챌린지 관리' }).count()).toBe(0);

    await page.goto(`${hub.origin}/manage/challenges/${encodeURIComponent(questionsId)}/edit`);
    await page.getByRole('heading', { level: 1, name: '이 챌린지는 수정할 수 없습니다' }).waitFor();
    await page.getByText('Digital Government Bureau (디지털정부국)의 챌린지입니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '변경 내용 저장' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'agency-challenges-edit-refused-ko-1280');
    // The hub refuses the same edit, and the challenge is as it was.
    const refused = await raw(
      OTHER_AGENCY,
      'mutation ($id: ID!) { updateChallenge(id: $id, input: { title: "가로채기" }) { challenge { id } } }',
      { id: questionsId },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await challengeState(questionsId)).toEqual(before);

    // The other way round: another agency's draft is not even shown to MOIS's manager.
    const draftBefore = await as(OTHER_AGENCY, 'query ($id: ID!) { challenge(id: $id) { title version } }', {
      id: otherDraftId,
    });
    const mois = await open(MANAGER, `/manage/challenges/${encodeURIComponent(otherDraftId)}/edit`, 'en', 'phone');
    await mois.page.getByRole('heading', { level: 1, name: 'You cannot edit this challenge' }).waitFor();
    await mois.page.getByText('or it belongs to another agency and is not published', { exact: false }).waitFor();
    expect(await axeViolations(mois.page)).toEqual([]);
    await screenshot(mois.page, 'agency-challenges-edit-refused-en-375');
    expect(
      (
        await raw(
          MANAGER,
          'mutation ($id: ID!) { updateChallenge(id: $id, input: { title: "x" }) { challenge { id } } }',
          {
            id: otherDraftId,
          },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      await as(OTHER_AGENCY, 'query ($id: ID!) { challenge(id: $id) { title version } }', { id: otherDraftId }),
    ).toEqual(draftBefore);
  });

  describe.each([
    ['ko', 'desktop'],
    ['ko', 'phone'],
    ['en', 'desktop'],
    ['en', 'phone'],
  ] as const)('the pages in %s at %s width', (lang, width) => {
    const px = width === 'desktop' ? 1280 : 375;
    const pages = () => [
      { name: 'tasks', path: '/manage', heading: lang === 'ko' ? '우리 기관 챌린지' : 'My challenges' },
      {
        name: 'edit',
        path: `/manage/challenges/${encodeURIComponent(draftId)}/edit`,
        heading: lang === 'ko' ? '챌린지 수정' : 'Edit the challenge',
      },
      { name: 'challenge', path: `/challenges/${encodeURIComponent(phasedId)}`, heading: PHASED },
    ];
    it('render without horizontal scroll, axe clean, with no console or HTTP problems', async () => {
      for (const target of pages()) {
        const { page, problems } = await open(MANAGER, target.path, lang, width);
        await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
        if (target.name === 'tasks') await page.locator('.task-table tbody tr').first().waitFor();
        expect(await noHorizontalScroll(page), `${target.name} scrolls sideways`).toBe(true);
        expect(await axeViolations(page), target.name).toEqual([]);
        await screenshot(page, `agency-challenges-${target.name}-${lang}-${px}`);
        expect(problems, target.name).toEqual([]);
        await page.context().close();
      }
    });
  });
});
