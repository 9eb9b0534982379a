import { generateKeyPairSync } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, WIDTHS, type Width } from './portal-page';
import { demoApi } from './demo-api';

const ADMIN = 'admin@maru.example';
const COMPANY_ADMIN = 'admin@hanbit.example';

/** The platform admin's screens, with their main heading in each language and a text that shows they loaded. */
const SCREENS = [
  {
    path: '/admin',
    name: 'dashboard',
    ko: '플랫폼 관리',
    en: 'Platform administration',
    ready: { ko: '상태별 서비스', en: 'Services by status' },
  },
  {
    path: '/admin/plugins',
    name: 'plugins',
    ko: '플러그인',
    en: 'Plugins',
    ready: { ko: '신뢰하는 배포자 키', en: 'Trusted publisher keys' },
  },
  {
    path: '/admin/plugins/%40maru%2Fplugin-notify',
    name: 'plugin',
    ko: '@maru/plugin-notify',
    en: '@maru/plugin-notify',
    ready: { ko: '플러그인 정보', en: 'About this plugin' },
  },
  {
    path: '/admin/services',
    name: 'services',
    ko: '서비스 상태',
    en: 'Service status',
    ready: { ko: 'notifications', en: 'notifications' },
  },
  {
    path: '/admin/deliveries',
    name: 'deliveries',
    ko: '플러그인 이벤트 전달',
    en: 'Plugin event deliveries',
    ready: { ko: '전달 0건', en: '0 deliveries' },
  },
  {
    path: '/audit',
    name: 'audit',
    ko: '감사 기록',
    en: 'Audit trail',
    ready: { ko: '감사 이벤트, 최신순', en: 'Audit events, newest first' },
  },
] as const;

describe.skipIf(!chromiumAvailable())('the platform admin console in a browser', () => {
  let hub: RunningHub;
  let browser: Browser;
  /** A key to read state with, one per member (never used to do what the test asks of the UI). */
  const { keyOf } = demoApi(() => hub.origin);
  const asAdmin = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(hub.origin, query, variables, await keyOf(ADMIN));
  /** Opens a session through `POST /auth/demo` (the subject here is not the sign-in page), then loads `path`. */
  const signInAs = async (page: Page, _origin: string, email: string, path: string) => {
    const response = await page.request.post(`${hub.origin}/auth/demo`, { data: { email } });
    expect(response.ok()).toBe(true);
    await page.goto(`${hub.origin}${path}`);
  };
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows each admin screen in Korean and English, on a desktop and a phone: axe clean, no sideways scroll', async () => {
    for (const lang of ['ko', 'en'] as const) {
      for (const width of ['desktop', 'phone'] as Width[]) {
        const { page, problems } = await openPortalPage(browser, { lang, width });
        try {
          await signInAs(page, hub.origin, ADMIN, '/admin');
          for (const screen of SCREENS) {
            await page.goto(`${hub.origin}${screen.path}`);
            await page.getByRole('heading', { level: 1, name: screen[lang], exact: true }).waitFor();
            await page.getByText(screen.ready[lang], { exact: true }).first().waitFor();
            expect(await axeViolations(page), `${screen.path} ${lang} ${width}`).toEqual([]);
            expect(await fitsWidth(page), `${screen.path} ${lang} ${width}`).toBe(true);
            await screenshot(page, `admin-${screen.name}-${lang}-${WIDTHS[width]}`);
          }
          expect(problems).toEqual([]);
        } finally {
          await page.context().close();
        }
      }
    }
  });

  it('tells a company admin the admin pages are for platform admins only, and refuses their uninstall (audited)', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const { page, problems } = await openPortalPage(browser, { lang, width: 'phone' });
      try {
        await signInAs(page, hub.origin, COMPANY_ADMIN, '/admin');
        const title = lang === 'ko' ? '플랫폼 관리자만 볼 수 있습니다' : 'For platform admins only';
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page
          .locator('.admin-only')
          .getByText(lang === 'ko' ? '한빛데이터' : 'Hanbit Data', { exact: false })
          .waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `admin-refused-${lang}-375`);
        await page.goto(`${hub.origin}/admin/plugins/%40maru%2Fplugin-notify`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(await page.getByRole('button', { name: /Uninstall|제거/ }).count()).toBe(0);
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
    // The API refuses the company admin too, and the plugin keeps running.
    const refused = await fetch(`${hub.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf(COMPANY_ADMIN)}` },
      body: JSON.stringify({ query: 'mutation { uninstallPlugin(name: "@maru/plugin-notify") { name } }' }),
    }).then((r) => r.json() as Promise<{ errors?: Array<{ extensions: { code: string } }> }>);
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const { plugins } = await asAdmin<{ plugins: Array<{ name: string; status: string }> }>(
      '{ plugins { name status } }',
    );
    expect(plugins.find((p) => p.name === '@maru/plugin-notify')?.status).toBe('ENABLED');

    // The platform admin reads the refusal on the trail, in people's words.
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    try {
      await signInAs(page, hub.origin, ADMIN, '/audit');
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      await page.getByLabel('Action').selectOption({ label: 'Plugin uninstalled' });
      await page.getByLabel('Outcome').selectOption({ label: 'Refused: not allowed' });
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByText('1 event', { exact: true }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Plugin uninstalled' });
      await row.getByText('Refused: not allowed (FORBIDDEN)').waitFor();
      await row.getByText('Kang Doyoon', { exact: false }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("shows a company admin's audit trail with only their organization's events", async () => {
    const companyKey = await keyOf(COMPANY_ADMIN);
    const { viewer } = await graphql<{ viewer: { organization: { id: string } } }>(
      hub.origin,
      '{ viewer { organization { id } } }',
      {},
      companyKey,
    );
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    try {
      await signInAs(page, hub.origin, COMPANY_ADMIN, '/audit');
      await page.getByRole('heading', { level: 1, name: '감사 기록' }).waitFor();
      await page.locator('.audit-table tbody tr').first().waitFor();
      // Read after the page: the sign-in itself is on the trail.
      const own = await graphql<{ auditEvents: { totalCount: number; nodes: Array<{ seq: number }> } }>(
        hub.origin,
        'query ($o: ID!) { auditEvents(first: 50, filter: { organizationId: $o }) { totalCount nodes { seq } } }',
        { o: viewer.organization.id },
        companyKey,
      );
      const all = await asAdmin<{ auditEvents: { totalCount: number } }>('{ auditEvents { totalCount } }');
      expect(all.auditEvents.totalCount).toBeGreaterThan(own.auditEvents.totalCount);
      await page.getByText(`이벤트 ${own.auditEvents.totalCount}건`, { exact: true }).waitFor();
      // No organization to choose: they read their own only.
      expect(await page.getByLabel('기관·기업').count()).toBe(0);
      const seqs = await page.locator('.audit-table tbody tr td:first-child').allTextContents();
      expect(seqs.map(Number)).toEqual(own.auditEvents.nodes.map((n) => n.seq));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'audit-company-ko-1280');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('lets the platform admin set a service status, register a publisher key and see that a bundled plugin takes no configuration', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    try {
      await signInAs(page, hub.origin, ADMIN, '/admin');
      await page
        .getByRole('navigation', { name: 'Administration' })
        .getByRole('link', { name: 'Service status' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Service status' }).waitFor();
      // Suspending stops every caller: it asks first.
      await page.getByLabel('New status for Notifications').selectOption('SUSPENDED');
      await page.getByRole('button', { name: 'Change the status of Notifications' }).click();
      await page.getByText('Suspend Notifications? Every call to it is refused', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Yes, suspend it' }).click();
      await page.getByRole('status').getByText('Notifications is now Suspended.').waitFor();
      const status = async () =>
        (await asAdmin<{ service: { status: string } }>('{ service(key: "notifications") { status } }')).service.status;
      expect(await status()).toBe('SUSPENDED');
      await page.getByLabel('New status for Notifications').selectOption('ACTIVE');
      await page.getByRole('button', { name: 'Change the status of Notifications' }).click();
      await page.getByRole('status').getByText('Notifications is now Active.').waitFor();
      expect(await status()).toBe('ACTIVE');
      await screenshot(page, 'admin-services-changed-en-1280');

      // A publisher key: first the form's own checks, then the key.
      await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Plugins' }).click();
      await page.getByRole('heading', { level: 2, name: 'Trusted publisher keys' }).waitFor();
      await page.getByRole('button', { name: 'Register the key' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Enter the Key id.' });
      await summary.waitFor();
      expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(await page.getByLabel('Key id').getAttribute('aria-invalid')).toBe('true');
      await summary.getByRole('link', { name: 'The public key must be PEM text', exact: false }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('key-pem');
      const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
      await page.getByLabel('Key id').fill('hanbit-2026');
      await page.getByRole('textbox', { name: /^Publisher/ }).fill('Hanbit Data');
      await page.getByLabel('Public key (PEM)').fill(pem);
      await page
        .getByLabel('Company the key belongs to (optional)')
        .selectOption({ label: 'Hanbit Data (한빛데이터)' });
      await page.getByRole('button', { name: 'Register the key' }).click();
      await page.getByRole('status').getByText('Key hanbit-2026 of Hanbit Data is trusted from now on.').waitFor();
      const registered = await asAdmin<{ auditEvents: { nodes: Array<{ outcome: string; targetId: string }> } }>(
        '{ auditEvents(first: 1, filter: { action: "publisherKey.register" }) { nodes { outcome targetId } } }',
      );
      expect(registered.auditEvents.nodes).toEqual([{ outcome: 'SUCCESS', targetId: 'hanbit-2026' }]);
      await page
        .getByRole('region', { name: 'Keys trusted now' })
        .getByRole('row')
        .filter({ hasText: 'hanbit-2026' })
        .getByText('Hanbit Data (한빛데이터)')
        .waitFor();

      // Configuration: the bundled notify plugin declares none, so there is nothing to edit.
      await page.getByRole('link', { name: 'Manage @maru/plugin-notify' }).click();
      await page.getByRole('heading', { level: 1, name: '@maru/plugin-notify' }).waitFor();
      const config = page.getByRole('region', { name: 'Configuration' });
      await config.getByText('This plugin takes no configuration', { exact: false }).waitFor();
      expect(await config.getByRole('textbox').count()).toBe(0);
      const { plugins } = await asAdmin<{
        plugins: Array<{ name: string; configSchema: unknown; configured: boolean }>;
      }>('{ plugins { name configSchema configured } }');
      expect(plugins.find((p) => p.name === '@maru/plugin-notify')).toMatchObject({
        configSchema: null,
        configured: false,
      });
      await screenshot(page, 'admin-plugin-config-en-1280');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('lets the platform admin add a company and, on a demo hub, add its first member at once', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    try {
      await signInAs(page, hub.origin, ADMIN, '/organizations');
      const companies = page.getByRole('region', { name: 'Companies' });
      await companies.getByRole('button', { name: 'Add a company' }).click();
      await companies.getByRole('textbox', { name: /^Name/ }).fill('Gaon Robotics');
      await companies.getByRole('textbox', { name: /^Short name for addresses/ }).fill('gaon-robotics');
      await companies.getByRole('button', { name: 'Create the company' }).click();
      await companies.getByRole('status').getByText('Gaon Robotics is created.').waitFor();
      const { organizations } = await asAdmin<{ organizations: { nodes: Array<{ name: string }> } }>(
        '{ organizations(kind: COMPANY, first: 100) { nodes { name } } }',
      );
      expect(organizations.nodes.map((o) => o.name)).toContain('Gaon Robotics');

      await companies.getByRole('link', { name: 'Gaon Robotics' }).click();
      await page.getByRole('heading', { level: 1, name: 'Members of Gaon Robotics' }).waitFor();
      const add = page.getByRole('region', { name: 'Add a member at once (demo hub)' });
      await add.getByRole('button', { name: 'Add a member without an invitation' }).click();
      await add.getByRole('button', { name: 'Add the member' }).click();
      await add.getByRole('alert').getByText('Choose at least one role.').waitFor();
      await add.getByRole('textbox', { name: /^E-mail/ }).fill('ceo@gaon.example');
      await add.getByRole('textbox', { name: /^Name/ }).fill('Seo Gaon');
      await add.getByRole('checkbox', { name: /^Company admin/ }).check();
      await add.getByRole('button', { name: 'Add the member' }).click();
      await add.getByRole('status').getByText('Seo Gaon is a member of Gaon Robotics now.').waitFor();
      await page.getByRole('row').filter({ hasText: 'Seo Gaon' }).waitFor();
      await screenshot(page, 'organization-add-member-en-1280');
      const { demoMembers } = await graphql<{ demoMembers: Array<{ email: string; roles: string[] }> }>(
        hub.origin,
        '{ demoMembers { email roles } }',
      );
      expect(demoMembers.find((m) => m.email === 'ceo@gaon.example')?.roles).toEqual(['COMPANY_ADMIN']);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('lets the platform admin uninstall a plugin after saying what stops; its service leaves the catalogue', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko', width: 'phone' });
    try {
      await signInAs(page, hub.origin, ADMIN, '/admin/plugins/%40maru%2Fplugin-address');
      await page.getByRole('heading', { level: 1, name: '@maru/plugin-address' }).waitFor();
      await page.getByRole('button', { name: '@maru/plugin-address 제거' }).click();
      const question = page.getByText('@maru/plugin-address을(를) 제거할까요?', { exact: false });
      await question.waitFor();
      expect(await question.textContent()).toContain('Address lookup');
      expect(await question.evaluate((node) => node === document.activeElement)).toBe(true);
      await screenshot(page, 'admin-uninstall-confirm-ko-375');
      await page.getByRole('button', { name: '예, 제거합니다' }).click();
      await page.getByRole('status').getByText('@maru/plugin-address을(를) 제거했습니다.', { exact: false }).waitFor();
      const after = await asAdmin<{ services: { nodes: Array<{ key: string }> } }>(
        '{ services(first: 100) { nodes { key } } }',
      );
      expect(after.services.nodes.map((s) => s.key)).not.toContain('address-lookup');
      expect(after.services.nodes.map((s) => s.key)).toContain('notifications');
      await page.goto(`${hub.origin}/services`);
      await page.getByText('Notifications', { exact: false }).first().waitFor();
      expect(await page.getByText('Address lookup', { exact: false }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('lets the platform admin filter the audit trail by action, organization and KST dates, and open the object', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    try {
      /** Waits until the count and every row say `n` events of `what` (the old rows stay while the new ones load). */
      const shows = async (what: string, n: number) =>
        expect
          .poll(async () => ({
            count: await page.getByText(n === 1 ? '1 event' : `${n} events`, { exact: true }).count(),
            rows: await page.locator('.audit-table tbody tr').count(),
            matching: await page.locator('.audit-table tbody tr').filter({ hasText: what }).count(),
          }))
          .toEqual({ count: 1, rows: Math.min(n, 50), matching: Math.min(n, 50) });
      await signInAs(page, hub.origin, ADMIN, '/audit');
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.getByText('The chain is intact', { exact: false }).waitFor();

      await page.getByLabel('Action').selectOption({ label: 'Plugin uninstalled' });
      await page.getByLabel('Outcome').selectOption({ label: 'Done' });
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await shows('Plugin uninstalled', 1);
      await page
        .getByRole('row')
        .filter({ hasText: 'Plugin uninstalled' })
        .getByText('Maru Operator', { exact: false })
        .waitFor();

      // One organization's events: as many as the API counts for it.
      const { organizations } = await asAdmin<{ organizations: { nodes: Array<{ id: string; name: string }> } }>(
        '{ organizations(first: 100) { nodes { id name } } }',
      );
      // Every sign-in is on the trail with the member's organization: as many for Hanbit Data as the API counts.
      const hanbit = organizations.nodes.find((o) => o.name.startsWith('Hanbit Data'))!;
      const counted = await asAdmin<{ auditEvents: { totalCount: number } }>(
        'query ($o: ID!) { auditEvents(filter: { organizationId: $o, action: "demo.login" }) { totalCount } }',
        { o: hanbit.id },
      );
      expect(counted.auditEvents.totalCount).toBeGreaterThan(0);
      await page.getByLabel('Action').selectOption({ label: 'Demo sign-in' });
      await page.getByLabel('Outcome').selectOption({ label: 'Any outcome' });
      await page.getByLabel('Organization').selectOption({ label: hanbit.name });
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      const total = counted.auditEvents.totalCount;
      await shows('Demo sign-in', total);

      // Dates are Korea days: today's events are in, tomorrow has none, and a backwards range is refused.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
        new Date(Date.now() + 86_400_000),
      );
      await page.getByLabel('Organization').selectOption({ label: 'Any organization' });
      await page.getByLabel('Action').selectOption({ label: 'Plugin uninstalled' });
      await page.getByLabel('Outcome').selectOption({ label: 'Done' });
      await page.getByLabel('From (KST)').fill(today);
      await page.getByLabel('Until (KST, inclusive)').fill(today);
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await shows('Plugin uninstalled', 1);
      await page.getByLabel('From (KST)').fill(tomorrow);
      await page.getByLabel('Until (KST, inclusive)').fill(tomorrow);
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByText('No events match.').waitFor();
      await page.getByLabel('Until (KST, inclusive)').fill(today);
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByRole('alert').getByText('The start date must not be after the end date.').waitFor();
      expect(await page.getByLabel('From (KST)').getAttribute('aria-invalid')).toBe('true');

      // Follow an event to its object.
      await page.getByRole('button', { name: 'Clear the filters' }).click();
      await page.getByLabel('Action').selectOption({ label: 'Service status changed' });
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await shows('Service status changed', 2);
      const row = page.getByRole('row').filter({ hasText: 'Service status changed' }).first();
      await screenshot(page, 'audit-filtered-en-1280');
      await row.getByRole('link', { name: 'Open the service' }).click();
      await page.getByRole('heading', { level: 1, name: 'Service status' }).waitFor();
      await page.waitForURL(/\/admin\/services#service-notifications$/);
      await page.getByLabel('New status for Notifications').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
