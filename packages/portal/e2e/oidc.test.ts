import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { freePort, startHub, type RunningHub } from './hub';
import {
  startTestProvider as startIdentityProvider,
  TEST_CLIENT_ID as CLIENT_ID,
  TEST_CLIENT_SECRET as CLIENT_SECRET,
  type TestProvider as IdentityProvider,
} from '@maru/devtools/test-support/oidc';
import { signOut } from './session';

const ADMIN_EMAIL = 'ops@maru.example.go.kr';

describe.skipIf(!chromiumAvailable())('the portal of a production hub signing people in through OpenID Connect', () => {
  let idp: IdentityProvider;
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider(`${base}/auth/callback`, {
      ops: { email: ADMIN_EMAIL, name: 'Ops' },
      stranger: { email: 'stranger@elsewhere.example', name: 'Stranger' },
    });
    [hub, browser] = await Promise.all([
      startHub({
        demo: false,
        port,
        setup: ['--email', ADMIN_EMAIL, '--name', '운영 담당자', '--organization-name', '마루 운영팀'],
        env: {
          MARU_PUBLIC_URL: base,
          MARU_OIDC_ISSUER: idp.issuer,
          MARU_OIDC_CLIENT_ID: CLIENT_ID,
          MARU_OIDC_CLIENT_SECRET: CLIENT_SECRET,
          MARU_OIDC_PROVIDER_NAME: '행정 SSO',
        },
      }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await idp?.close();
  });

  it("offers the configured provider's button, no demo member, and comes back signed in to the page asked for", async () => {
    await page.goto(`${hub.origin}/account`);
    await page.getByRole('heading', { level: 1, name: 'Please sign in' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    const button = page.getByRole('link', { name: 'Sign in with 행정 SSO' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/auth/login?returnTo=%2Faccount');
    expect(await page.locator('body').innerText()).not.toMatch(/demo/i);
    await screenshot(page, '17-sign-in-oidc');
    idp.signInAs('ops');
    await button.click();
    await page.waitForURL(`${hub.origin}/account`);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText(ADMIN_EMAIL).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'This browser' }).waitFor();
    await signOut(page);
  });

  it('sends a person the hub does not know to a page that says so, with its code', async () => {
    // Another browser: the provider remembers who signed in on the first one.
    const stranger = await browser.newPage({ locale: 'en-US' });
    try {
      await stranger.goto(`${hub.origin}/sign-in`);
      idp.signInAs('stranger');
      await stranger.getByRole('link', { name: 'Sign in with 행정 SSO' }).click();
      await stranger.getByText('SIGN_IN_UNKNOWN_PERSON').waitFor();
      await stranger.goto(hub.origin);
      await stranger.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
      expect((await stranger.context().cookies()).find((c) => c.name === 'maru_session')).toBeUndefined();
    } finally {
      await stranger.close();
    }
  });

  it('raised no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
