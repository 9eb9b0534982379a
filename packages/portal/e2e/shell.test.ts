import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage } from './portal-page';
import { signInAs } from './session';

const banner = (page: Page) => page.getByRole('banner');
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/** The focus ring of the focused element, as drawn: its outline, and whether an ancestor clips it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    let clipped = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement)
      if (getComputedStyle(parent).overflow === 'hidden' && parent.offsetWidth <= element.offsetWidth + 8)
        clipped = true;
    return { outline: `${style.outlineStyle} ${style.outlineWidth}`, clipped, text: element.textContent?.trim() };
  });

describe.skipIf(!chromiumAvailable())('the shell: KRDS identity, Korean first, phone menu', () => {
  let hub: RunningHub;
  let browser: Browser;
  const opened: Array<{ problems: string[] }> = [];
  const seen = (test: string) => (problem: string) => `${test}: ${problem}`;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('speaks Korean to a newcomer whatever the browser language, and English once chosen', async () => {
    // A browser that prefers English, with no choice stored: the site still opens in Korean.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.setExtraHTTPHeaders({ 'accept-language': 'en-US,en;q=0.9' });
    const page = await context.newPage();
    await page.goto(hub.origin);
    await page.getByRole('heading', { level: 1, name: '챌린지' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    // The static page says Korean before any script runs, too.
    expect(await (await page.request.get(hub.origin)).text()).toContain('<html lang="ko">');
    const languages = banner(page).getByRole('group', { name: '언어' }).getByRole('button');
    expect(await languages.allTextContents()).toEqual(['한국어', 'English']);
    await languages.filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Challenges' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Challenges' }).waitFor();
    await context.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`shows the official banner, the operator, the footer's policy pages and the demo phase (${lang})`, async () => {
      const t = lang === 'ko' ? KO : EN;
      const { page, problems } = await openPortalPage(browser, { lang });
      opened.push({ problems, test: expect.getState().currentTestName ?? '' } as { problems: string[] });
      await page.goto(hub.origin);
      await page.getByRole('heading', { level: 1, name: t.home }).waitFor();
      // The skip link is the first thing the keyboard reaches.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.skip);

      // The official banner opens to explain how to tell an official site.
      const official = page.getByRole('button', { name: new RegExp(t.official) });
      expect(await official.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.getByText(t.domainSign).isVisible()).toBe(false);
      await official.click();
      expect(await official.getAttribute('aria-expanded')).toBe('true');
      await page.getByText(t.domainSign).waitFor();
      // The phase banner: a demo hub says so under the header.
      await page.getByText(t.demoText).waitFor();
      // No breadcrumbs on the home page.
      expect(await page.getByRole('navigation', { name: t.breadcrumbs }).count()).toBe(0);

      // The identifier and the footer: the operator, its contact, the policy pages with the privacy policy set apart.
      const footer = page.getByRole('contentinfo');
      await footer.getByRole('region', { name: t.operator }).getByText(t.operatorName, { exact: true }).waitFor();
      await footer.getByText('maru-demo@example.go.kr', { exact: false }).first().waitFor();
      const policies = footer.getByRole('list', { name: t.policies }).getByRole('link');
      expect(await policies.allTextContents()).toEqual(t.policyLinks);
      const privacy = policies.filter({ hasText: t.policyLinks[0] });
      expect(await privacy.evaluate((a) => getComputedStyle(a).fontWeight)).toBe('700');
      expect(await policies.last().getAttribute('href')).toBe('mailto:maru-demo@example.go.kr');
      await screenshot(page, `shell-home-${lang}-1280`);
      expect(await axeViolations(page)).toEqual([]);

      // Each policy page opens from the footer, rendered from the operator's Markdown, with breadcrumbs.
      await privacy.click();
      await page.getByRole('heading', { level: 1, name: t.policyLinks[0] }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/policies/privacy');
      const crumbs = page.getByRole('navigation', { name: t.breadcrumbs });
      expect(await crumbs.getByRole('listitem').allTextContents()).toEqual([t.homeCrumb, t.policyLinks[0]]);
      await page.getByRole('heading', { level: 2, name: t.privacySection }).waitFor();
      // Markdown shows formatted: no "**" left, the list is a list.
      const article = page.getByRole('article');
      expect(await article.innerText()).not.toContain('**');
      expect(await article.locator('ul > li').count()).toBeGreaterThan(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `shell-policy-${lang}-1280`);
      for (const [index, path] of ['/policies/terms', '/policies/copyright', '/policies/accessibility'].entries()) {
        await page
          .getByRole('contentinfo')
          .getByRole('link', { name: t.policyLinks[index + 1], exact: true })
          .click();
        await page.getByRole('heading', { level: 1, name: t.policyLinks[index + 1] }).waitFor();
        expect(new URL(page.url()).pathname).toBe(path);
      }
      // An unknown kind is a page not found, not an error.
      await page.goto(`${hub.origin}/policies/cookies`);
      await page.getByRole('heading', { level: 1, name: t.notFound }).waitFor();
      await page.context().close();
    });
  }

  it('shows breadcrumbs on the pages below home, from their titles', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    opened.push({ problems, test: expect.getState().currentTestName ?? '' } as { problems: string[] });
    await page.goto(`${hub.origin}/services`);
    const crumbs = page.getByRole('navigation', { name: '현재 위치' });
    await crumbs.waitFor();
    const items = await crumbs.getByRole('listitem').allTextContents();
    expect(items[0]).toBe('홈');
    expect(items).toHaveLength(2);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe(
      (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
    );
    await crumbs.getByRole('link', { name: '홈' }).click();
    await page.getByRole('heading', { level: 1, name: '챌린지' }).waitFor();
    // A page with a trail of its own shows that one only.
    await signInAs(page, hub.origin, 'admin@mois.example', '/account');
    await page.getByRole('heading', { level: 1, name: '내 계정' }).waitFor();
    expect(await page.getByRole('navigation', { name: '현재 위치' }).count()).toBe(1);
    await page.context().close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`folds the header behind a menu button on a phone: content starts high, keyboard opens and closes it (${lang})`, async () => {
      const t = lang === 'ko' ? KO : EN;
      const { page, problems } = await openPortalPage(browser, { lang, width: 'phone' });
      opened.push({ problems, test: expect.getState().currentTestName ?? '' } as { problems: string[] });
      await signInAs(page, hub.origin, 'manager@mois.example', '/services');
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The page starts within the first 120 px of an 812 px screen, signed in, phase banner and all.
      const top = await page.locator('#main').evaluate((main) => main.getBoundingClientRect().top);
      expect(top).toBeLessThanOrEqual(120);
      expect(await noSideScroll(page)).toBe(true);
      await screenshot(page, `shell-phone-closed-${lang}-375`);
      expect(await axeViolations(page)).toEqual([]);

      const menu = banner(page).getByRole('button', { name: t.menu, exact: true });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('navigation', { name: t.nav }).isVisible()).toBe(false);
      // By keyboard: Tab reaches the button with a visible focus ring; Enter opens; Escape closes and returns focus.
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const nav = page.getByRole('navigation', { name: t.nav });
      await nav.waitFor();
      // Public catalogues, then one "My work" leading to the member's own page, and the notices.
      expect(await nav.getByRole('link').allTextContents()).toEqual(t.navLinks);
      expect(await nav.getByRole('link', { name: t.myWork }).getAttribute('href')).toBe('/manage');
      // Touch targets at least 44 px tall: navigation, language, account links and sign out.
      for (const target of await banner(page)
        .locator('.site-nav a:visible, .account__links a:visible, .app-header__menu button:visible')
        .all())
        expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      expect(ring.outline).toMatch(/^solid [3-9]/);
      await screenshot(page, `shell-phone-open-${lang}-375`);
      expect(await noSideScroll(page)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('app-menu-button'))).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      // Following a link closes it.
      await menu.click();
      await nav.getByRole('link', { name: t.navLinks[2] }).click();
      await page.getByRole('heading', { level: 1, name: t.dataTitle }).waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await page.context().close();
    });
  }

  it('draws the focus ring of the language buttons whole, and of every header control', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    opened.push({ problems, test: expect.getState().currentTestName ?? '' } as { problems: string[] });
    await signInAs(page, hub.origin, 'admin@mois.example', '/services');
    await banner(page).getByRole('button', { name: 'English' }).focus();
    const ring = await focusRing(page);
    expect(ring).toMatchObject({ clipped: false, text: 'English' });
    expect(ring.outline).toMatch(/^solid [3-9]/);
    // The account menu: the name opens it (nothing else of it takes room in the header), Escape closes it.
    const account = banner(page).locator('button.account__toggle');
    await account.focus();
    expect((await focusRing(page)).outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Enter');
    const screens = banner(page).getByRole('list', { name: '내 화면' });
    await screens.getByRole('link', { name: '기관 구성원' }).waitFor();
    await screenshot(page, 'shell-account-menu-ko-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await screens.isVisible()).toBe(false);
    // The header is short: the public catalogues, "My work" and notices.
    expect(await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link').count()).toBeLessThanOrEqual(5);
    await page.context().close();
  });

  it('lands each member on their own work after sign-in, or on the page they asked for', async () => {
    // Each member in a browser of their own: nothing of the one before is left to race with the next.
    for (const [name, path] of [
      ['Lee Seoyeon', '/manage'],
      ['Kang Doyoon', '/my'],
      ['Park Jiho', '/reviews'],
      ['Maru Operator', '/admin'],
    ] as const) {
      const { page, problems } = await openPortalPage(browser, { lang: 'en' });
      opened.push({ problems, test: `landing of ${name}` } as { problems: string[] });
      await page.goto(`${hub.origin}/sign-in`);
      await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      await banner(page).locator('.account').waitFor({ state: 'attached' });
      await page.context().close();
    }
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    opened.push({ problems, test: 'landing asked for' } as { problems: string[] });
    // A page asked for wins: the sign-in link of a page brings its reader back to it.
    await page.goto(`${hub.origin}/data`);
    await banner(page).getByRole('link', { name: 'Sign in', exact: true }).click();
    expect(new URL(page.url()).search).toBe('?next=%2Fdata');
    await page.getByRole('button', { name: /^Sign in as Lee Seoyeon/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/data');
    // An OpenID Connect sign-in with nowhere asked comes back to /start, which sends the member on.
    await page.goto(`${hub.origin}/start`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/manage');
    await page.context().close();
  });

  it('raised no error in the browser', () => {
    expect(opened.flatMap((page) => page.problems.map(seen((page as { test?: string }).test ?? ''))).join('\n')).toBe(
      '',
    );
  });
});

describe.skipIf(!chromiumAvailable())('the shell of a production hub', () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const policies = mkdtempSync(join(tmpdir(), 'maru-policies-'));
    mkdirSync(join(policies, 'ko'));
    writeFileSync(
      join(policies, 'ko', 'privacy.md'),
      '# 개인정보 처리방침\n\n행정안전부는 **최소한의** 개인정보만 처리합니다.\n',
    );
    [hub, browser] = await Promise.all([
      startHub({
        demo: false,
        env: {
          MARU_OPERATOR_NAME: '행정안전부',
          MARU_OPERATOR_NAME_EN: 'Ministry of the Interior and Safety',
          MARU_OPERATOR_ADDRESS: '(30112) 세종특별자치시 도움6로 42',
          MARU_OPERATOR_CONTACT: '02-2100-3000',
          MARU_POLICIES_DIR: policies,
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('names the configured operator, links only the pages it wrote, and shows no phase banner', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const { page, problems } = await openPortalPage(browser, { lang });
      await page.goto(hub.origin);
      const footer = page.getByRole('contentinfo');
      const name = lang === 'ko' ? '행정안전부' : 'Ministry of the Interior and Safety';
      await footer.getByText(name, { exact: true }).waitFor();
      await banner(page).getByText(name, { exact: true }).waitFor();
      await footer.getByText('(30112) 세종특별자치시 도움6로 42').waitFor();
      // Only the privacy policy was written, in Korean only: it is linked, in Korean, in both languages.
      const links = footer
        .getByRole('list', { name: lang === 'ko' ? '누리집 정책' : 'Website policies' })
        .getByRole('link');
      expect(await links.allTextContents()).toEqual(['개인정보 처리방침']);
      expect(await page.locator('.maru-phase-banner').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/demo|데모/i);
      await links.first().click();
      await page.getByRole('heading', { level: 1, name: '개인정보 처리방침' }).waitFor();
      expect(await page.getByRole('article').getAttribute('lang')).toBe('ko');
      expect(await page.getByRole('article').locator('strong').textContent()).toBe('최소한의');
      await screenshot(page, `shell-production-policy-${lang}-1280`);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});

const KO = {
  home: '챌린지',
  skip: '본문 바로가기',
  official: '이 누리집은 대한민국 공식 전자정부 누리집입니다.',
  domainSign: '정부와 공공기관의 공식 누리집은 go.kr로 끝나는 주소를 사용합니다.',
  demoText: '시연용 누리집입니다. 모든 자료는 가상입니다.',
  breadcrumbs: '현재 위치',
  homeCrumb: '홈',
  operator: '운영기관',
  operatorName: '마루 시연 운영기관',
  policies: '누리집 정책',
  policyLinks: ['개인정보처리방침', '이용약관', '저작권정책', '웹 접근성 정책', '문의하기'],
  privacySection: '1. 처리하는 개인정보 항목',
  notFound: '페이지를 찾을 수 없습니다',
  menu: '메뉴',
  nav: '주 메뉴',
  navLinks: ['챌린지', '서비스', '데이터', '내 업무', '알림'],
  myWork: '내 업무',
  dataTitle: '데이터 카탈로그',
};
const EN: typeof KO = {
  home: 'Challenges',
  skip: 'Skip to content',
  official: 'This is an official website of the Government of the Republic of Korea.',
  domainSign: 'Official websites of the government and public bodies use addresses ending in go.kr.',
  demoText: 'A demo site: nothing here is real.',
  breadcrumbs: 'You are here',
  homeCrumb: 'Home',
  operator: 'Operating agency',
  operatorName: 'Maru demonstration operator',
  policies: 'Website policies',
  policyLinks: ['Privacy policy', 'Terms of use', 'Copyright policy', 'Accessibility statement', 'Contact us'],
  privacySection: '1. What we process',
  notFound: 'Page not found',
  menu: 'Menu',
  nav: 'Main',
  navLinks: ['Challenges', 'Services', 'Data', 'My work', 'Notices'],
  myWork: 'My work',
  dataTitle: 'Data catalogue',
};
