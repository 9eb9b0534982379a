import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';

describe.skipIf(!chromiumAvailable())('the portal of a production hub (no demo mode)', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub({ demo: false }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows no demo persona and no "demo hub" anywhere, only the sign-in it has', async () => {
    await page.goto(hub.origin);
    await page.getByRole('heading', { level: 1, name: 'Challenges' }).waitFor();
    await page.getByText('To post a challenge, submit a proposal or review, sign in.').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/demo/i);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('This hub offers no way to sign in yet', { exact: false }).waitFor();
    await screenshot(page, '16-sign-in-production');
    expect(await page.getByRole('button', { name: /^Sign in as / }).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/demo/i);
    // Nothing fictional is fetched either.
    const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(asked.filter((url) => url.includes('/auth/demo'))).toEqual([]);
  });

  it('refuses demo sign-in outright', async () => {
    const response = await page.request.post(`${hub.origin}/auth/demo`, { data: { email: 'admin@maru.example' } });
    expect(response.status()).toBe(403);
  });

  it('explains a refused sign-in sent back to the sign-in page, in Korean too', async () => {
    await page.goto(`${hub.origin}/sign-in?error=SIGN_IN_UNKNOWN_PERSON`);
    const alert = page.getByRole('alert').filter({ hasText: 'You could not be signed in' });
    await alert.getByText('belongs to no member of this hub', { exact: false }).waitFor();
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByText('이 전자우편 주소로 등록된 구성원이 없습니다', { exact: false }).waitFor();
  });

  it('raised no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
