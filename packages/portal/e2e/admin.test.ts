import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { clickHeaderLink, signIn, signOut } from './session';

const keys = new Map<string, string>();
/** A key to read state with, one per member (the hub rate-limits by address). */
const login = async (origin: string, email: string) => {
  if (!keys.has(email))
    keys.set(
      email,
      (
        await graphql<{ demoLogin: { secret: string } }>(
          origin,
          `
            mutation ($e: String!) {
              demoLogin(email: $e) {
                secret
              }
            }
          `,
          { e: email },
        )
      ).demoLogin.secret,
    );
  return keys.get(email)!;
};

describe.skipIf(!chromiumAvailable())('the portal in a browser: sign-in, access and the admin pages', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    // Generous: the machine running the suite may be busy with other builds.
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push(`${response.status()} ${response.url()} ${response.request().postData() ?? ''}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('lists on the sign-in page exactly the members the demo hub has, with their roles and organizations', async () => {
    const { demoMembers } = await graphql<{
      demoMembers: Array<{ email: string; name: string; organizationName: string; roles: string[] }>;
    }>(hub.origin, '{ demoMembers { email name organizationName roles } }', {});
    expect(demoMembers.length).toBeGreaterThan(0);
    await page.goto(`${hub.origin}/sign-in`);
    const cards = page.getByRole('region', { name: 'Try it as a demo member' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.locator('.demo-member__name').allTextContents()).toEqual(demoMembers.map((m) => m.name));
    expect(await cards.locator('.demo-member__org').allTextContents()).toEqual(
      demoMembers.map((m) => m.organizationName),
    );
    expect(await cards.locator('.demo-member__email').allTextContents()).toEqual(demoMembers.map((m) => m.email));
    for (const member of demoMembers) {
      const key = await login(hub.origin, member.email);
      const { viewer } = await graphql<{ viewer: { name: string; roles: string[]; organization: { name: string } } }>(
        hub.origin,
        '{ viewer { name roles organization { name } } }',
        {},
        key,
      );
      expect(viewer).toEqual({
        name: member.name,
        roles: member.roles,
        organization: { name: member.organizationName },
      });
    }
  });

  it('fits a phone screen: the sign-in page never scrolls sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'en-US' });
    phone.setDefaultTimeout(20_000);
    try {
      await phone.goto(`${hub.origin}/sign-in`);
      await phone.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await phone.getByRole('button', { name: /^Sign in as Lee Seoyeon/ }).waitFor();
      await screenshot(phone, '08-sign-in-phone');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await phone.goto(`${hub.origin}/`);
      await phone.getByRole('article').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('lets an agency ask for a shared service and the platform admin grant it', async () => {
    await page.goto(hub.origin);
    await signIn(page, 'Choi Yuna');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shared services' }).waitFor();
    const card = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 2 }) })
      .first();
    const serviceName = (await card.getByRole('heading', { level: 2 }).textContent())!.trim();
    await screenshot(page, '09-services');
    await card.getByText(`Request access to ${serviceName}`).click();
    await card.getByLabel('Purpose').fill('Notify residents of their certificate status.');
    await card.getByRole('button', { name: 'Send the request' }).click();
    await card.getByRole('status').getByText('Request sent.', { exact: false }).waitFor();

    await signIn(page, 'Maru Operator');
    await clickHeaderLink(page, 'Access');
    await page.getByRole('button', { name: 'Approve Ministry of Science and ICT (과학기술정보통신부)' }).click();
    await expect
      .poll(async () => {
        const key = await login(hub.origin, 'admin@msit.example');
        const { serviceGrants } = await graphql<{
          serviceGrants: { nodes: Array<{ status: string; service: { name: string } }> };
        }>(hub.origin, '{ serviceGrants(first: 20) { nodes { status service { name } } } }', {}, key);
        return serviceGrants.nodes.filter((g) => g.service.name === serviceName).map((g) => g.status);
      })
      .toEqual(['ACTIVE']);
  });

  it('lets a company ask for restricted data and the owning agency approve it', async () => {
    await signIn(page, 'Jang Siwoo');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data catalogue' }).waitFor();
    await page.getByRole('combobox', { name: 'Classification' }).selectOption('RESTRICTED');
    await page.getByRole('button', { name: 'Search' }).click();
    const name = '소상공인 지원금 지급 내역 — Small-business subsidy payments';
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await screenshot(page, '10-data-catalogue');
    await page.getByRole('button', { name: `Request access to ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Request access to ${name}` });
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByLabel('Purpose').fill('Check that subsidies reach the businesses we serve.');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Request sent to the owning agency', { exact: false }).waitFor();

    await signIn(page, 'Kim Minjun');
    await clickHeaderLink(page, 'Access');
    await page.getByRole('heading', { level: 2, name: 'Requests for your agency’s data' }).waitFor();
    await page.getByRole('button', { name: 'Approve Sejong Civic Tech (세종시빅테크)' }).click();
    await expect
      .poll(async () => {
        const key = await login(hub.origin, 'admin@sejong-civic.example');
        const { dataAccessRequests } = await graphql<{ dataAccessRequests: { nodes: Array<{ status: string }> } }>(
          hub.origin,
          '{ dataAccessRequests(direction: OUTGOING, first: 10) { nodes { status } } }',
          {},
          key,
        );
        return dataAccessRequests.nodes.map((r) => r.status);
      })
      .toEqual(['APPROVED']);
  });

  it('lets the platform admin disable and enable a plugin, and verify the audit chain', async () => {
    await signIn(page, 'Maru Operator');
    await clickHeaderLink(page, 'Plugins');
    await page.getByRole('heading', { level: 1, name: 'Plugins' }).waitFor();
    // The bundled plugins are of plugin API 2: each runs in an isolate, none unconfined.
    await page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: '@maru/plugin-notify' }) })
      .getByText('Isolated', { exact: true })
      .waitFor();
    expect(await page.getByText('Unconfined (legacy)').count()).toBe(0);
    await page.getByRole('button', { name: 'Disable @maru/plugin-notify' }).click();
    await page.getByRole('button', { name: 'Enable @maru/plugin-notify' }).waitFor();
    const admin = await login(hub.origin, 'admin@maru.example');
    const status = async () =>
      (
        await graphql<{ plugins: Array<{ name: string; status: string }> }>(
          hub.origin,
          '{ plugins { name status } }',
          {},
          admin,
        )
      ).plugins.find((p) => p.name === '@maru/plugin-notify')?.status;
    expect(await status()).toBe('DISABLED');
    await page.getByRole('button', { name: 'Enable @maru/plugin-notify' }).click();
    await page.getByRole('button', { name: 'Disable @maru/plugin-notify' }).waitFor();
    expect(await status()).toBe('ENABLED');
    await screenshot(page, '11-plugins');

    await clickHeaderLink(page, 'Audit trail');
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText('The chain is intact', { exact: false }).waitFor();
    await page.getByRole('table').getByText('plugin.enable', { exact: false }).first().waitFor();
    await screenshot(page, '12-audit');
    await signOut(page);
  });

  it('raised no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
