import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { clickHeaderLink, signIn, signInAs, signOut } from './session';
import { demoKey } from './demo-api';

const banner = (page: Page) => page.getByRole('banner');

describe.skipIf(!chromiumAvailable())('the portal in a browser: accounts, keys, members and agencies', () => {
  let hub: RunningHub;
  let mail: MailCatcher;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mail = await startMailCatcher();
    [hub, browser] = await Promise.all([startHub({ env: { MARU_MAIL_WEBHOOK_URL: mail.url } }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
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
    await mail?.close();
  });

  it('signs in with a session cookie, never a key in the browser, and the home page says it is a demo hub', async () => {
    await page.goto(hub.origin);
    await page.getByText('This is a demo hub', { exact: false }).waitFor();
    await signIn(page, 'Lee Seoyeon');
    const cookies = await page.context().cookies(hub.origin);
    const session = cookies.find((cookie) => cookie.name === 'maru_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(cookies.find((cookie) => cookie.name === 'maru_csrf')?.httpOnly).toBe(false);
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toMatch(/maru_(live|test)_|apiKey/i);
  });

  it('lets a member create an API key, shows its secret once, and revoke it', async () => {
    await clickHeaderLink(page, 'My account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    // The form's problems come first, linked to their fields.
    await page.getByRole('button', { name: 'Create the key' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Give the key a name.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('key-name');

    await page.getByRole('textbox', { name: 'Key name', exact: true }).fill('Nightly sync');
    await page.getByRole('checkbox', { name: 'Write' }).check();
    await page.getByRole('radio', { name: 'Test' }).check();
    await page.getByRole('button', { name: 'Create the key' }).click();
    const secretField = page.getByRole('textbox', { name: 'Your new key' });
    await secretField.waitFor();
    await page.getByText('it is shown only this once', { exact: false }).waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, '13-new-api-key');
    const { viewer } = await graphql<{ viewer: { name: string } }>(hub.origin, '{ viewer { name } }', {}, secret);
    expect(viewer.name).toBe('Lee Seoyeon (이서연)');

    await page.getByRole('button', { name: 'I have copied the key' }).click();
    await secretField.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Nightly sync' });
    await row.getByText('Test', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Nightly sync' }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Revoke the key Nightly sync' }).click();
    await page.getByText('Programs using it stop working at once', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByRole('status').getByText('The key “Nightly sync” is revoked.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Nightly sync' }).getByText('Revoked').waitFor();
    await expect(graphql(hub.origin, '{ viewer { name } }', {}, secret)).rejects.toThrow();

    // The same screen in Korean.
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { level: 1, name: '내 계정' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '내 API 키' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '로그인한 곳' }).waitFor();
    await page.getByRole('button', { name: '모든 곳에서 로그아웃' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('lists where the member is signed in: signs out another browser, then everywhere', async () => {
    const other = await browser.newContext();
    try {
      const response = await other.request.post(`${hub.origin}/auth/demo`, {
        data: { email: 'manager@mois.example' },
        headers: { 'user-agent': 'Other browser' },
      });
      expect(response.ok()).toBe(true);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'This browser' }).waitFor();
      const there = page.getByRole('listitem').filter({ hasText: 'Other browser' });
      await there.getByRole('button', { name: 'Sign out of that browser' }).click();
      await there.getByRole('button', { name: 'Yes, sign out' }).click();
      await there.waitFor({ state: 'detached' });
      const viewer = await other.request.post(`${hub.origin}/graphql`, {
        data: { query: '{ viewer { id } }' },
        headers: { 'x-maru-csrf': (await other.cookies()).find((c) => c.name === 'maru_csrf')?.value ?? '' },
      });
      expect(JSON.stringify(await viewer.json())).not.toContain('"viewer":{');
    } finally {
      await other.close();
    }
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await banner(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await page.goto(`${hub.origin}/account`);
    await page.getByRole('heading', { level: 1, name: 'Please sign in' }).waitFor();
  });

  it('lets an agency admin invite a member: the link goes to the person by mail, the admin sees "sent"', async () => {
    await page.goto(hub.origin);
    await signIn(page, 'Kim Minjun');
    await clickHeaderLink(page, 'Organization');
    await page.getByRole('heading', { level: 1, name: /^Members of Ministry of the Interior/ }).waitFor();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Enter an e-mail address', exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('new.reviewer@mois.example');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Han Gyeol (한결)');
    await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Reviewer' }).check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('status').getByText('Invitation sent to new.reviewer@mois.example.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Han Gyeol' }).getByText('Invited').waitFor();
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByRole('button', { name: 'Revoke the invitation for new.reviewer@mois.example' }).waitFor();
    await screenshot(page, '14-organization-members');
    expect(mail.messages).toHaveLength(1);
    const link = String(mail.messages[0]!.link);
    expect(mail.messages[0]!.to).toBe('new.reviewer@mois.example');
    expect(link).toContain('/auth/login?invitation=');
    expect(await page.content()).not.toContain(link.split('invitation=')[1]);

    await pending.getByRole('button', { name: 'Revoke the invitation for new.reviewer@mois.example' }).click();
    await pending.getByRole('button', { name: 'Yes, revoke it' }).click();
    await pending.getByText('The invitation for new.reviewer@mois.example is revoked.').waitFor();
    await pending.getByText('No pending invitations.').waitFor();
  });

  it('lets an agency admin disable a member of an agency below (their key stops at once) and enable them again', async () => {
    const leeKey = await demoKey(hub.origin, 'manager@mois.example');
    await clickHeaderLink(page, 'Agencies');
    await page.getByRole('heading', { level: 1, name: 'Agencies' }).waitFor();
    await page.getByRole('link', { name: 'Digital Government Bureau (디지털정부국)' }).click();
    await page.getByRole('heading', { level: 1, name: /^Members of Digital Government Bureau/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lee Seoyeon' });
    await row.getByRole('button', { name: 'Disable Lee Seoyeon (이서연)' }).click();
    await row.getByText('their API keys stop working at once', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Yes, disable' }).click();
    await page.getByRole('status').getByText('Lee Seoyeon (이서연) is disabled.').waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await expect(graphql(hub.origin, '{ viewer { name } }', {}, leeKey)).rejects.toThrow();

    await row.getByRole('button', { name: 'Enable Lee Seoyeon (이서연)' }).click();
    await row.getByRole('button', { name: 'Yes, enable' }).click();
    await page.getByRole('status').getByText('Lee Seoyeon (이서연) is enabled.').waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    const admin = await demoKey(hub.origin, 'admin@mois.example');
    const { organizations } = await graphql<{
      organizations: { nodes: Array<{ members: { nodes: Array<{ email: string; status: string }> } }> };
    }>(
      hub.origin,
      '{ organizations(search: "Digital Government Bureau") { nodes { members { nodes { email status } } } } }',
      {},
      admin,
    );
    expect(organizations.nodes[0]!.members.nodes.find((m) => m.email === 'manager@mois.example')?.status).toBe(
      'ACTIVE',
    );
  });

  it("lets an agency admin change a member's roles", async () => {
    const row = page.getByRole('row').filter({ hasText: 'Lee Seoyeon' });
    await row.getByRole('button', { name: 'Change roles of Lee Seoyeon (이서연)' }).click();
    await row.getByRole('checkbox', { name: 'Reviewer' }).check();
    await row.getByRole('button', { name: 'Save the roles' }).click();
    await page.getByRole('status').getByText('The roles of Lee Seoyeon (이서연) are saved.').waitFor();
    await row.getByText('Challenge manager, Reviewer').waitFor();
  });

  it('lets an agency admin add a sub-agency and rename it', async () => {
    await clickHeaderLink(page, 'Agencies');
    await page
      .getByRole('button', { name: 'Add a sub-agency under Ministry of the Interior and Safety (행정안전부)' })
      .click();
    const form = page.getByRole('form', { name: /^Add a sub-agency under Ministry of the Interior/ });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Local Data Team');
    await form.getByLabel('Short name for addresses').fill('mois-local-data');
    await form.getByRole('button', { name: 'Create the agency' }).click();
    await page.getByRole('status').getByText('Local Data Team is created.').waitFor();
    await page.getByRole('button', { name: 'Rename Local Data Team' }).click();
    const rename = page.getByRole('form', { name: 'Rename Local Data Team' });
    await rename.getByLabel('New name').fill('Local Data Division (지역데이터과)');
    await rename.getByRole('button', { name: 'Save the name' }).click();
    await page.getByRole('status').getByText('Renamed to Local Data Division (지역데이터과).').waitFor();
    await page.getByRole('link', { name: 'Local Data Division (지역데이터과)' }).waitFor();
    await screenshot(page, '15-agencies');
    const { organizations } = await graphql<{
      organizations: { nodes: Array<{ name: string; parent: { slug: string } | null }> };
    }>(hub.origin, '{ organizations(search: "Local Data") { nodes { name parent { slug } } } }');
    expect(organizations.nodes).toEqual([{ name: 'Local Data Division (지역데이터과)', parent: { slug: 'mois' } }]);
  });

  it('fits a phone screen: account, organization and agency pages never scroll sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'ko-KR' });
    phone.setDefaultTimeout(20_000);
    try {
      await signInAs(phone, hub.origin, 'admin@mois.example', '/account');
      for (const [path, heading] of [
        ['/account', '내 계정'],
        ['/organization', /구성원$/],
        ['/organizations', '기관 조직도'],
      ] as const) {
        await phone.goto(`${hub.origin}${path}`);
        await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      }
      await screenshot(phone, '18-organization-phone-ko');
    } finally {
      await phone.close();
    }
  });

  it('tells a member whose session ended elsewhere (disabled by an admin) why they are signed out', async () => {
    const admin = await demoKey(hub.origin, 'admin@mois.example');
    const { organizations } = await graphql<{
      organizations: { nodes: Array<{ members: { nodes: Array<{ id: string; email: string }> } }> };
    }>(
      hub.origin,
      '{ organizations(search: "Digital Government Bureau") { nodes { members { nodes { id email } } } } }',
      {},
      admin,
    );
    const lee = organizations.nodes[0]!.members.nodes.find((m) => m.email === 'manager@mois.example')!;
    const member = await browser.newPage({ locale: 'en-US' });
    member.setDefaultTimeout(20_000);
    try {
      await signInAs(member, hub.origin, 'manager@mois.example', '/account');
      await member.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      const toggle = (verb: 'disableMember' | 'enableMember') =>
        graphql(hub.origin, `mutation ($id: ID!) { ${verb}(id: $id) { member { status } } }`, { id: lee.id }, admin);
      await toggle('disableMember');
      try {
        await member.reload();
        await member.getByRole('heading', { level: 1, name: 'Please sign in' }).waitFor();
        await member
          .getByRole('alert')
          .getByText(/session has ended|membership is disabled/)
          .waitFor();
        await member.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
        expect((await member.context().cookies()).find((c) => c.name === 'maru_session')).toBeUndefined();
      } finally {
        await toggle('enableMember');
      }
    } finally {
      await member.close();
    }
  });

  it('signs out: the session ends on the hub and the browser forgets it', async () => {
    await signOut(page);
    expect((await page.context().cookies(hub.origin)).find((c) => c.name === 'maru_session')?.value ?? '').toBe('');
    await page.reload();
    await banner(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    const { viewer } = await page
      .evaluate(async () => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        });
        return (await response.json()) as { data: { viewer: unknown } };
      })
      .then((body) => body.data);
    expect(viewer).toBeNull();
  });

  it('raised no error in the browser', () => {
    expect(problems).toEqual([]);
  });
});
