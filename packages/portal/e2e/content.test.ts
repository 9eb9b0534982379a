import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, type Width } from './portal-page';
import { signInAs } from './session';

const MANAGER = 'manager@mois.example';
const COMPANY_ADMIN = 'admin@hanbit.example';
const DAY = 86_400_000;
const RUN = Date.now().toString(36);
const LANGS = ['ko', 'en'] as const;
const WIDTHS: Width[] = ['desktop', 'phone'];
const px = (width: Width) => (width === 'desktop' ? 1280 : 375);

// A deadline 45 days on, at 18:00 in Korea (09:00 UTC): later than the demo's open challenges, so the two orders differ.
const deadline = new Date(Date.now() + 45 * DAY);
deadline.setUTCHours(9, 0, 0, 0);
const DEADLINE = deadline.toISOString();
/** The D-day a reader in Korea sees: Korean calendar days between today and the deadline. */
const koreanDay = (ms: number) => Math.floor((ms + 9 * 3_600_000) / DAY);
const kstText = (lang: 'ko' | 'en') =>
  new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: lang === 'ko' ? '2-digit' : 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(deadline) + ' KST';

const MARKDOWN_TITLE = `마크다운 설명 챌린지 ${RUN}`;
const HOSTILE_TITLE = `위험한 입력 챌린지 ${RUN}`;
const MARKDOWN = [
  '## 추진 배경',
  '',
  '민원 처리에 **평균 3주**가 걸립니다.',
  '',
  '- 주소 검색 서비스 활용',
  '- [공공데이터포털](https://www.data.go.kr) 참고',
].join('\n');
const HOSTILE = [
  '소개 <script>window.__pwned = "script"</script> 끝.',
  '',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '',
  '<div onclick="window.__pwned = \'div\'">raw html</div>',
  '',
  '[여기를 누르세요](javascript:window.__pwned=%22link%22)',
].join('\n');

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!chromiumAvailable())('the portal in a browser: public content', () => {
  let hub: RunningHub;
  let browser: Browser;
  let managerKey: string;
  let markdownId: string;
  let hostileId: string;
  const as = async <T>(key: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(hub.origin, query, variables, key);

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    managerKey = (
      await graphql<{ demoLogin: { secret: string } }>(
        hub.origin,
        'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
        { e: MANAGER },
      )
    ).demoLogin.secret;
    const agencyId = (
      await as<{ viewer: { organization: { id: string } } }>(managerKey, '{ viewer { organization { id } } }')
    ).viewer.organization.id;
    const create = async (title: string, problemStatement: string) => {
      const id = (
        await as<{ createChallenge: { challenge: { id: string } } }>(
          managerKey,
          'mutation ($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }',
          {
            i: {
              agencyId,
              title,
              summary: '공고문의 마크다운이 제대로 보이는지 확인합니다.',
              problemStatement,
              type: 'IDEA',
              tags: ['시험'],
              criteria: [{ key: 'impact', name: '효과', weight: 100 }],
              submissionDeadline: DEADLINE,
              evaluationEnd: new Date(deadline.getTime() + 30 * DAY).toISOString(),
            },
          },
        )
      ).createChallenge.challenge.id;
      await as(managerKey, 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', { id });
      return id;
    };
    markdownId = await create(MARKDOWN_TITLE, MARKDOWN);
    hostileId = await create(HOSTILE_TITLE, HOSTILE);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      it(`shows open challenges first on the home page, with a sort control kept in the URL (${lang}, ${px(width)} px)`, async () => {
        const { page, problems } = await openPortalPage(browser, { lang, width });
        await page.goto(`${hub.origin}/`);
        const open = page.locator('section.challenge-section').first();
        await open.locator('.maru-challenge-card').first().waitFor();
        // The first section holds only OPEN challenges, and its first card is one.
        const openTitle = lang === 'ko' ? '접수 중인 챌린지' : 'Open for entries';
        await expect(open.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(openTitle);
        const firstBadge = await open.locator('.maru-challenge-card .maru-badge').first().textContent();
        expect(firstBadge).toBe(lang === 'ko' ? '접수 중' : 'Open');
        // Default order: closing soonest, as the API answers it.
        const byDeadline = await as<{ challenges: { nodes: Array<{ title: string }> } }>(
          managerKey,
          '{ challenges(first: 3, sort: DEADLINE, filter: { statuses: [OPEN] }) { nodes { title } } }',
        );
        const cardTitles = () => open.locator('.maru-challenge-card .maru-card__title').allTextContents();
        expect((await cardTitles()).slice(0, 3)).toEqual(byDeadline.challenges.nodes.map((n) => n.title));
        // Every open card shows its deadline in Korea time with a D-day.
        const firstDeadline = await open.locator('.maru-challenge-card .maru-deadline').first().innerText();
        expect(firstDeadline).toMatch(/KST/);
        expect(firstDeadline).toMatch(/D-(\d+|DAY)/);
        await screenshot(page, `content-home-${lang}-${px(width)}`);
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);

        // The other order, chosen by a link: the URL says so and the list follows.
        await page.getByRole('link', { name: lang === 'ko' ? '최신 등록순' : 'Newest' }).click();
        await page.waitForURL(/[?&]sort=newest/);
        const newest = await as<{ challenges: { nodes: Array<{ title: string }> } }>(
          managerKey,
          '{ challenges(first: 3, sort: NEWEST, filter: { statuses: [OPEN] }) { nodes { title } } }',
        );
        await expect
          .poll(async () => (await cardTitles()).slice(0, 3), { timeout: 15_000 })
          .toEqual(newest.challenges.nodes.map((n) => n.title));
        expect(newest.challenges.nodes[0]!.title).not.toBe(byDeadline.challenges.nodes[0]!.title);
        expect(
          await page.getByRole('link', { name: lang === 'ko' ? '최신 등록순' : 'Newest' }).getAttribute('aria-current'),
        ).toBe('true');
        // The URL can be shared: opened afresh, it shows the same order.
        const { page: shared } = await openPortalPage(browser, { lang, width });
        await shared.goto(page.url());
        const sharedOpen = shared.locator('section.challenge-section').first();
        await sharedOpen.locator('.maru-challenge-card').first().waitFor();
        expect((await sharedOpen.locator('.maru-card__title').allTextContents()).slice(0, 3)).toEqual(
          newest.challenges.nodes.map((n) => n.title),
        );
        await shared.context().close();
        expect(problems).toEqual([]);
        await page.context().close();
      }, 90_000);
    }
  }

  for (const lang of LANGS) {
    it(`shows a challenge's Markdown formatted and its deadline in KST with a D-day (${lang})`, async () => {
      const { page, problems } = await openPortalPage(browser, { lang });
      await page.goto(`${hub.origin}/challenges/${markdownId}`);
      await page.getByRole('heading', { level: 1, name: MARKDOWN_TITLE }).waitFor();
      const problem = page.locator('.maru-prose').first();
      await expect(problem.locator('strong').textContent()).resolves.toBe('평균 3주');
      expect(await problem.locator('li').count()).toBe(2);
      await expect(problem.getByRole('heading', { name: '추진 배경' }).count()).resolves.toBe(1);
      expect(await problem.getByRole('link', { name: '공공데이터포털' }).getAttribute('rel')).toBe(
        'noopener noreferrer nofollow',
      );
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('**');
      expect(text).not.toContain('## ');
      // The deadline in Korea time, with the zone and the D-day.
      const line = await page.locator('.maru-challenge-page__deadline').innerText();
      expect(line).toContain(kstText(lang));
      expect(line).toContain(`D-${koreanDay(deadline.getTime()) - koreanDay(Date.now())}`);
      await screenshot(page, `content-challenge-markdown-${lang}-1280`);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('shows the same KST deadline to a reader whose computer is in New York', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('maru.lang', 'ko'));
    const page = await context.newPage();
    await page.goto(`${hub.origin}/challenges/${markdownId}`);
    await page.getByRole('heading', { level: 1, name: MARKDOWN_TITLE }).waitFor();
    expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBeGreaterThan(0);
    expect(await page.locator('.maru-challenge-page__deadline').innerText()).toContain(kstText('ko'));
    await context.close();
  }, 60_000);

  it('renders hostile Markdown inert: no script runs, no handler, no javascript: link, no raw HTML', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await page.goto(`${hub.origin}/challenges/${hostileId}`);
    await page.getByRole('heading', { level: 1, name: HOSTILE_TITLE }).waitFor();
    const article = page.locator('article.maru-challenge-page');
    await article.getByText('여기를 누르세요').waitFor();
    expect(await article.locator('script, img, iframe, [onerror], [onclick]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(await article.getByRole('link', { name: '여기를 누르세요' }).count()).toBe(0);
    await article.getByText('여기를 누르세요').click();
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    const text = await article.innerText();
    expect(text).not.toContain('<script');
    expect(text).not.toContain('onerror');
    await screenshot(page, 'content-challenge-hostile-ko-1280');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      it(`gives each dataset its own page with its licence mark, an API query and the DCAT link (${lang}, ${px(width)} px)`, async () => {
        const { dataConnections } = await graphql<{
          dataConnections: { nodes: Array<{ id: string; name: string; licence: string; classification: string }> };
        }>(hub.origin, '{ dataConnections(first: 50) { nodes { id name licence classification } } }');
        const dataset = dataConnections.nodes.find((node) => node.licence === 'KOGL-Type1')!;
        expect(dataset).toBeDefined();
        const { page, problems } = await openPortalPage(browser, { lang, width });
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.origin });
        await page.goto(`${hub.origin}/data`);
        await page.getByRole('link', { name: dataset.name }).click();
        await page.waitForURL(`${hub.origin}/data/${dataset.id}`);
        await page.getByRole('heading', { level: 1, name: dataset.name }).waitFor();
        // The licence as its mark, named for screen readers.
        await page
          .getByRole('img', { name: lang === 'ko' ? '공공누리 제1유형: 출처표시' : /KOGL\) Type 1: Credit the source/ })
          .waitFor();
        // A query for this dataset, copied as shown.
        const snippet = await page.locator('.dataset-snippet__code').innerText();
        expect(snippet).toContain(`dataConnection(id: "${dataset.id}")`);
        await page.getByRole('button', { name: lang === 'ko' ? '쿼리 복사' : 'Copy the query' }).click();
        await page.getByText(lang === 'ko' ? '쿼리를 복사했습니다.' : 'Query copied.').waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
        // The query works as written.
        const answer = await graphql<{ dataConnection: { name: string; records: { nodes: unknown[] } } }>(
          hub.origin,
          snippet,
        );
        expect(answer.dataConnection.name).toBe(dataset.name);
        // The DCAT catalogue is linked, and lists this dataset under the identifier shown.
        const dcat = page.getByRole('link', {
          name: lang === 'ko' ? 'DCAT 카탈로그(dcat.jsonld)' : 'DCAT catalogue (dcat.jsonld)',
        });
        expect(await dcat.getAttribute('href')).toBe('/catalogue/dcat.jsonld');
        const catalogue = (await (await fetch(`${hub.origin}/catalogue/dcat.jsonld`)).json()) as {
          'dcat:dataset': Array<{ 'dct:identifier': string; 'dct:title': string }>;
        };
        expect(catalogue['dcat:dataset'].find((entry) => entry['dct:identifier'] === dataset.id)?.['dct:title']).toBe(
          dataset.name,
        );
        expect(await page.locator('.dataset-id').innerText()).toBe(dataset.id);
        // And the dataset's own entry, at the address the catalogue names it by.
        const entryLink = page.getByRole('link', {
          name: lang === 'ko' ? '이 데이터셋의 DCAT 항목' : 'This dataset’s DCAT entry',
        });
        const entry = (await (await fetch(`${hub.origin}${await entryLink.getAttribute('href')}`)).json()) as Record<
          string,
          unknown
        >;
        expect(entry['dct:identifier']).toBe(dataset.id);
        expect(entry['@id']).toBe(`${hub.origin}/catalogue/datasets/${dataset.id}`);
        await screenshot(page, `content-dataset-${lang}-${px(width)}`);
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      }, 60_000);
    }
  }

  it('lets a signed-in company ask for a restricted dataset from its page; a visitor is told to sign in', async () => {
    const { dataConnections } = await graphql<{
      dataConnections: { nodes: Array<{ id: string; name: string; classification: string; agency: { id: string } }> };
    }>(hub.origin, '{ dataConnections(first: 50) { nodes { id name classification agency { id } } } }');
    const restricted = dataConnections.nodes.find((node) => node.classification !== 'PUBLIC')!;
    expect(restricted).toBeDefined();
    const visitor = await openPortalPage(browser, { lang: 'ko' });
    await visitor.page.goto(`${hub.origin}/data/${restricted.id}`);
    await visitor.page.getByText('이용을 신청하려면 소속 기관 구성원으로 로그인하세요.').waitFor();
    await visitor.page.context().close();

    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await signInAs(page, hub.origin, COMPANY_ADMIN, `/data/${restricted.id}`);
    await page.getByRole('button', { name: `${restricted.name} 이용 신청` }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('describes the services in Korean in Korean and in English in English', async () => {
    for (const [lang, name, other] of [
      ['ko', '주소 검색', 'Address lookup'],
      ['en', 'Address lookup', '주소 검색'],
    ] as const) {
      for (const width of WIDTHS) {
        const { page, problems } = await openPortalPage(browser, { lang, width });
        await page.goto(`${hub.origin}/services`);
        await page.getByRole('heading', { level: 2, name }).waitFor();
        expect(await page.getByRole('heading', { level: 2, name: other }).count()).toBe(0);
        const text = await page.locator('main').innerText();
        expect(text).toContain(
          lang === 'ko' ? '도로명주소를 한국어나 영어로 검색하고' : 'Search Korean road-name addresses',
        );
        // The operations too.
        expect(text).toContain(
          lang === 'ko' ? '주소의 일부로 도로명주소를 찾습니다' : 'Finds road-name addresses by any part of them',
        );
        await screenshot(page, `content-services-${lang}-${px(width)}`);
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        if (width === 'desktop') {
          // Switching the language switches the services' texts.
          await page
            .getByRole('button', { name: lang === 'ko' ? 'English' : '한국어' })
            .first()
            .click();
          await page.getByRole('heading', { level: 2, name: other }).waitFor();
        }
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  }, 120_000);
});
