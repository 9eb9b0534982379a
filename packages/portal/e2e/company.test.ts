import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, type Width } from './portal-page';
import { signInAs } from './session';
import { demoApi } from './demo-api';

const RUN = Date.now().toString(36);
const TAG = `h5-${RUN}`;
const TITLE = `주소 정제 챌린지 ${RUN}`;
const CLOSING_TITLE = `곧 마감되는 챌린지 ${RUN}`;
const DRAFT_TITLE = `초안 수정 챌린지 ${RUN}`;
const HANBIT = 'admin@hanbit.example';
const HANBIT_DEV = 'dev@hanbit.example';
const SEJONG = 'admin@sejong-civic.example';
const MANAGER = 'manager@mois.example';

interface Submission {
  id: string;
  title: string;
  status: string;
}

describe.skipIf(!chromiumAvailable())('the portal in a browser: a company’s own work (/my)', () => {
  let hub: RunningHub;
  let browser: Browser;
  /** State set up or read through the API, as the member named (never the UI's own doing). */
  const { as, createChallenge } = demoApi(() => hub.origin);
  const organizationOf = async (email: string) =>
    (await as<{ viewer: { id: string; organization: { id: string } } }>(email, '{ viewer { id organization { id } } }'))
      .viewer;
  const submissionOf = async (id: string, email = HANBIT) =>
    (
      await as<{ node: Submission | null }>(
        email,
        'query ($id: ID!) { node(id: $id) { ... on Submission { id title status } } }',
        { id },
      )
    ).node;
  const openChallenge = async (title: string) => {
    const agency = await organizationOf(MANAGER);
    const created = await createChallenge(MANAGER, {
      agencyId: agency.organization.id,
      title,
      summary: '도로명주소를 정제하고 좌표로 바꾸는 방법을 찾습니다.',
      type: 'PROTOTYPE',
      tags: [TAG],
      criteria: [{ key: 'impact', name: '효과', weight: 100 }],
      submissionDeadline: '2031-02-01T09:00:00Z',
      evaluationEnd: '2031-03-01T09:00:00Z',
    });
    const id = created;
    await as(MANAGER, 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', { id });
    return id;
  };
  const enter = async (email: string, challengeId: string, title: string, send: boolean) => {
    const made = await as<{ createSubmission: { submission: { id: string } } }>(
      email,
      'mutation ($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }',
      { i: { challengeId, title, summary: '요약', proposal: '## 제안\n내용', teamSize: 3 } },
    );
    const id = made.createSubmission.submission.id;
    if (send)
      await as(
        email,
        'mutation ($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }',
        {
          id,
        },
      );
    return id;
  };
  /** The audit trail's withdrawals of one submission, as the platform admin reads it (its raw id is the target). */
  const withdrawalsOf = async (id: string) => {
    const rawId = Buffer.from(id, 'base64url').toString('utf8').split(':').pop();
    return (
      await as<{ auditEvents: { nodes: Array<{ outcome: string }> } }>(
        'admin@maru.example',
        'query ($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { nodes { outcome } } }',
        { f: { action: 'submission.withdraw', targetId: rawId } },
      )
    ).auditEvents.nodes.map((event) => event.outcome);
  };

  let challengeId: string;
  let submittedId: string;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    // Hanbit Data declares the test's tag, so the challenge is one "for us"; the demo data is not relied upon.
    const hanbit = await organizationOf(HANBIT);
    await as(
      HANBIT,
      'mutation ($o: ID!, $i: InterestsInput!) { setInterests(organizationId: $o, input: $i) { interests { version } } }',
      { o: hanbit.organization.id, i: { tags: [TAG] } },
    );
    challengeId = await openChallenge(TITLE);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const open = async (email: string, path: string, lang: 'ko' | 'en' = 'ko', width: Width = 'desktop') => {
    const opened = await openPortalPage(browser, { lang, width });
    await signInAs(opened.page, hub.origin, email, path);
    return opened;
  };
  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('lands on the dashboard, finds a challenge for us, submits, views it and withdraws it after checking', async () => {
    const { page, problems } = await open(HANBIT, '/my');
    await page.getByRole('heading', { level: 1, name: '우리 기업 업무' }).waitFor();
    const forUs = page.getByRole('region', { name: '우리 기업 맞춤 챌린지' });
    await forUs.getByRole('link', { name: TITLE, exact: true }).waitFor();
    // The deadline in Korea time, labelled, with a D-day.
    await forUs
      .getByText(/2031\. 02\. 01\. 18:00 KST/)
      .first()
      .waitFor();
    await screenshot(page, 'company-dashboard-journey-ko-1280');
    await forUs.getByRole('link', { name: `“${TITLE}” 제안서 작성` }).click();

    await page.getByRole('heading', { level: 1, name: `“${TITLE}” 제안서` }).waitFor();
    await page.getByRole('textbox', { name: '제목', exact: true }).fill('한빛 주소 정제기');
    await page.getByRole('textbox', { name: '요약', exact: true }).fill('주소를 도로명주소 대장과 맞춰 정제합니다.');
    await page.getByRole('textbox', { name: '제안서', exact: true }).fill('## 방법\n대장과 대조한 뒤 좌표를 붙입니다.');
    await page.getByLabel('팀 인원').fill('4');
    await page.getByRole('checkbox', { name: /동의합니다/ }).check();
    await page.getByRole('button', { name: '제출하기', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: '내 제안서' }).waitFor();
    await page.getByText('“한빛 주소 정제기”을(를) 제출했습니다.', { exact: false }).waitFor();
    const row = page.getByRole('row', { name: /한빛 주소 정제기/ });
    await row.getByText('제출했습니다. 접수 마감 전까지 철회할 수 있습니다.').waitFor();
    await row.getByRole('link', { name: '한빛 주소 정제기' }).click();

    await page.getByRole('heading', { level: 1, name: '한빛 주소 정제기' }).waitFor();
    submittedId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect((await submissionOf(submittedId))?.status).toBe('SUBMITTED');
    await page.getByText('대장과 대조한 뒤 좌표를 붙입니다.').waitFor();
    await page.getByRole('button', { name: '이 제안서 철회' }).click();
    const confirm = page.getByRole('group', { name: '이 제안서 철회' });
    await confirm.getByText('“한빛 주소 정제기”을(를) 철회할까요?', { exact: false }).waitFor();
    await confirm
      .getByText('철회는 되돌릴 수 없으며, 이번 단계에는 다시 제출할 수 없습니다', { exact: false })
      .waitFor();
    await confirm.getByRole('definition').filter({ hasText: TITLE }).waitFor();
    await screenshot(page, 'company-withdraw-confirm-ko-1280');
    expect((await submissionOf(submittedId))?.status).toBe('SUBMITTED');
    await confirm.getByRole('button', { name: '네, 철회합니다' }).click();

    await page.getByRole('status').getByText('“한빛 주소 정제기”을(를) 철회했습니다.', { exact: false }).waitFor();
    await page.getByText('철회했습니다. 기관은 검토하지 않습니다.', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '이 제안서 철회' }).count()).toBe(0);
    await screenshot(page, 'company-withdrawn-ko-1280');
    expect((await submissionOf(submittedId))?.status).toBe('WITHDRAWN');
    expect(await withdrawalsOf(submittedId)).toEqual(['SUCCESS']);
    // One entry per organization and phase: the dashboard and the form say it was withdrawn instead of offering a new one.
    await page.goto(`${hub.origin}/my`);
    await page
      .getByRole('region', { name: '우리 기업 맞춤 챌린지' })
      .getByRole('link', { name: '이미 참여함(철회) — 제안서 보기' })
      .first()
      .waitFor();
    await page.goto(`${hub.origin}/challenges/${challengeId}/submit`);
    await page
      .getByText('“한빛 주소 정제기”을(를) 철회했습니다. 단계마다 한 번만 참여할 수 있어', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: '제출하기', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('tells another company it cannot see our submission, and changes nothing', async () => {
    const { page, problems } = await open(SEJONG, `/my/submissions/${encodeURIComponent(submittedId)}`);
    await page.getByRole('heading', { level: 1, name: '이 제안서를 볼 수 없습니다' }).waitFor();
    await page.getByText('다른 조직의 제안서이거나 없는 제안서입니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /철회/ }).count()).toBe(0);
    expect(await page.getByText('한빛 주소 정제기').count()).toBe(0);
    await screenshot(page, 'company-submission-hidden-ko-1280');
    expect((await submissionOf(submittedId))?.status).toBe('WITHDRAWN');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('explains that a submission can no longer be withdrawn once the challenge closed, and changes nothing', async () => {
    const closing = await openChallenge(CLOSING_TITLE);
    const id = await enter(HANBIT, closing, '마감 직전 제안서', true);
    const { page } = await open(HANBIT, `/my/submissions/${encodeURIComponent(id)}`, 'en');
    await page.getByRole('heading', { level: 1, name: '마감 직전 제안서' }).waitFor();
    await page.getByRole('button', { name: 'Withdraw this submission' }).click();
    // Submissions close while the page is open.
    await as(MANAGER, 'mutation ($id: ID!) { closeChallenge(id: $id) { challenge { id } } }', { id: closing });
    const confirm = page.getByRole('group', { name: 'Withdraw this submission' });
    await confirm.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page
      .getByRole('alert')
      .getByText('It can no longer be withdrawn: the challenge no longer takes submissions (it is now “Closed”).', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByText(/withdraw.*while it is OPEN/).count()).toBe(0);
    await screenshot(page, 'company-withdraw-refused-en-1280');
    expect((await submissionOf(id))?.status).toBe('SUBMITTED');
    expect(await withdrawalsOf(id)).not.toContain('SUCCESS');
    await page.context().close();
  });

  it('refuses to save a draft that was sent meanwhile, in people’s words, and keeps what was sent', async () => {
    const drafting = await openChallenge(DRAFT_TITLE);
    const id = await enter(HANBIT, drafting, '보낸 제목', false);
    const { page } = await open(HANBIT, `/my/submissions/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { level: 1, name: '보낸 제목' }).waitFor();
    await page.getByRole('link', { name: '임시 저장본 수정' }).click();
    await page.getByRole('textbox', { name: '제목', exact: true }).fill('바꾼 제목');
    // Another member of the company sends the draft before this one saves.
    await as(
      HANBIT_DEV,
      'mutation ($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { id } } }',
      {
        id,
      },
    );
    await page.getByRole('button', { name: '임시 저장' }).click();
    await page.getByText('(CONFLICT)', { exact: false }).first().waitFor();
    expect(await page.getByText('Only drafts can be edited', { exact: false }).count()).toBe(0);
    await screenshot(page, 'company-draft-refused-ko-1280');
    expect(await submissionOf(id)).toMatchObject({ title: '보낸 제목', status: 'SUBMITTED' });
    await page.context().close();
  });

  it('shows our services and their use, and tries one with a TEST key made on the spot', async () => {
    const { page, problems } = await open(HANBIT_DEV, '/my/services', 'en', 'phone');
    await page.getByRole('heading', { level: 1, name: 'Our services' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Address lookup' }) });
    await card.getByText('Approved: your live keys may call it.').waitFor();
    await card.getByText(/live calls of 1,000/).waitFor();
    await screenshot(page, 'company-services-en-375');
    await card.getByRole('link', { name: 'Try Address lookup with a TEST key' }).click();

    await page.getByRole('heading', { level: 1, name: 'Try Address lookup' }).waitFor();
    await page.getByText('A TEST key calls the service in its sandbox mode', { exact: false }).waitFor();
    // Without a key, and with broken JSON: the summary names both, each field is marked.
    await page.getByLabel('Input (JSON)').fill('{ "query": "세종대로 209", }');
    await page.getByRole('button', { name: 'Run' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter the secret of a TEST key, or create one.' }).waitFor();
    await summary.getByRole('link', { name: /The input is not valid JSON/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('try-input');
    expect(await page.getByLabel('Input (JSON)').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Create a TEST key for me' }).click();
    await page.getByText('A TEST key (read and write) was created', { exact: false }).waitFor();
    const secret = await page.getByLabel('TEST key secret').inputValue();
    expect(secret).toMatch(/^maru_/);
    await page.getByLabel('Operation').selectOption('search');
    await page.getByLabel('Input (JSON)').fill('{ "query": "세종대로 209", "limit": 3 }');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText('search answered:').waitFor();
    const output = JSON.parse(await page.getByLabel('The answer as JSON').innerText()) as {
      total: number;
      addresses: unknown[];
    };
    expect(output.total).toBeGreaterThan(0);
    expect(output.addresses.length).toBeGreaterThan(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'company-try-result-en-375');

    // The key is a TEST key of the member's; the browser kept no secret.
    const mine = await as<{ viewer: { apiKeys: { nodes: Array<{ mode: string; prefix: string }> } } }>(
      HANBIT_DEV,
      '{ viewer { apiKeys(first: 50) { nodes { mode prefix } } } }',
    );
    expect(mine.viewer.apiKeys.nodes).toContainEqual({ mode: 'TEST', prefix: secret.slice(0, 12) });
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(secret);
    // The sandbox call is metered: it shows in the organization's usage of the service.
    const usage = await as<{ service: { dailyUsage: Array<{ calls: number }> } }>(
      HANBIT,
      '{ service(key: "address-lookup") { dailyUsage { calls } } }',
    );
    expect(usage.service.dailyUsage.reduce((sum, day) => sum + day.calls, 0)).toBeGreaterThan(0);

    // A wrong input comes back as the hub's refusal in people's words.
    await page.getByLabel('Input (JSON)').fill('{ "limit": 3 }');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('alert').getByText('(BAD_USER_INPUT)', { exact: false }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('tells a company without a grant that it has no access to the service, and that TEST keys reach the sandbox', async () => {
    const grants = await as<{
      serviceGrants: { nodes: Array<{ id: string; status: string; service: { key: string } | null }> };
    }>(SEJONG, '{ serviceGrants(first: 100) { nodes { id status service { key } } } }');
    const grant = grants.serviceGrants.nodes.find((g) => g.service?.key === 'address-lookup' && g.status === 'ACTIVE');
    expect(grant).toBeDefined();
    await as('admin@maru.example', 'mutation ($id: ID!) { revokeServiceAccess(id: $id) { grant { id } } }', {
      id: grant!.id,
    });
    const { page, problems } = await open(SEJONG, '/my/services/address-lookup/try');
    await page.getByRole('heading', { level: 2, name: '우리 조직은 이 서비스 이용 허가가 없습니다' }).waitFor();
    await page.getByText('운영(LIVE) 키로는 호출할 수 없습니다', { exact: false }).waitFor();
    await screenshot(page, 'company-try-no-grant-ko-1280');
    const after = await as<{ serviceGrants: { nodes: Array<{ id: string; status: string }> } }>(
      SEJONG,
      '{ serviceGrants(first: 100) { nodes { id status } } }',
    );
    expect(after.serviceGrants.nodes.find((g) => g.id === grant!.id)?.status).toBe('REVOKED');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['ko', 'desktop'],
    ['ko', 'phone'],
    ['en', 'desktop'],
    ['en', 'phone'],
  ] as const)(
    'shows each company page in %s at %s width, accessible and without horizontal scroll',
    async (lang, width) => {
      const pages: Array<[string, string, string]> = [
        ['dashboard', '/my', lang === 'ko' ? '우리 기업 업무' : 'Our work'],
        ['submissions', '/my/submissions', lang === 'ko' ? '내 제안서' : 'My submissions'],
        ['submission', `/my/submissions/${encodeURIComponent(submittedId)}`, '한빛 주소 정제기'],
        ['services', '/my/services', lang === 'ko' ? '이용 중인 서비스' : 'Our services'],
        ['try', '/my/services/address-lookup/try', lang === 'ko' ? '주소 검색 시험 호출' : 'Try Address lookup'],
      ];
      const { page, problems } = await open(HANBIT, '/my', lang, width);
      for (const [name, path, heading] of pages) {
        await page.goto(`${hub.origin}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await noHorizontalScroll(page), `${name} scrolls sideways`).toBe(true);
        expect(await axeViolations(page), name).toEqual([]);
        await screenshot(page, `company-${name}-${lang}-${width === 'desktop' ? 1280 : 375}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
