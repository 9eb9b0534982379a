import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { signInAs } from './session';

const TITLE = '사업자 휴업·폐업 상태 확인 서비스';

describe.skipIf(!chromiumAvailable())('the portal in a browser: from the award to a pilot another agency sees', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let challengeId: string;
  const as = async <T>(email: string, query: string, variables: Record<string, unknown> = {}) => {
    const key = (
      await graphql<{ demoLogin: { secret: string } }>(
        hub.origin,
        'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
        { e: email },
      )
    ).demoLogin.secret;
    return graphql<T>(hub.origin, query, variables, key);
  };

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
    const found = await as<{ challenges: { nodes: Array<{ id: string; title: string }> } }>(
      'admin@maru.example',
      '{ challenges(first: 100) { nodes { id title } } }',
    );
    challengeId = found.challenges.nodes.find((c) => c.title === TITLE)!.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('the winning company uploads its signed package, a platform admin approves and launches it, MSIT finds it', async () => {
    // The company: its winning submission takes the signed package (the demo signed examples/partner-plugin).
    await signInAs(page, hub.origin, 'admin@hanbit.example', `/challenges/${encodeURIComponent(challengeId)}`);
    const upload = page.getByRole('region', { name: /Plugin package for the pilot/ });
    await upload.getByText(/@acme\/maru-business-status@1\.0\.0 uploaded, signed with acme-demo-/).waitFor();
    await upload.getByRole('button', { name: 'Upload again' }).click();
    await upload.getByText('Choose the package file.').first().waitFor();
    // Not a tarball: the hub refuses it with its code, and the page says so.
    await upload
      .getByLabel('Signed package (.tgz)')
      .setInputFiles({ name: 'notes.tgz', mimeType: 'application/gzip', buffer: Buffer.from('not a tarball') });
    await upload.getByRole('button', { name: 'Upload again' }).click();
    await upload
      .getByText(/PACKAGE_INVALID/)
      .first()
      .waitFor();
    await upload
      .getByLabel('Signed package (.tgz)')
      .setInputFiles(join(hub.dataDir, 'demo-pilot', 'acme-maru-business-status-1.0.0.tgz'));
    await upload.getByRole('button', { name: 'Upload again' }).click();
    await expect.poll(() => upload.getByText(/PACKAGE_INVALID/).count(), { timeout: 20_000 }).toBe(0);
    await upload.getByText(/@acme\/maru-business-status@1\.0\.0 uploaded, signed with acme-demo-/).waitFor();
    expect(await upload.getByRole('alert').count()).toBe(0);

    // The platform admin: what it asks for, every capability approved, answers checked, launched.
    await signInAs(page, hub.origin, 'admin@maru.example', `/challenges/${encodeURIComponent(challengeId)}`);
    await page.getByRole('link', { name: 'Launch the pilot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Launch the winning plugin as a pilot' }).waitFor();
    await page.getByText(/Valid: signed with the key acme-demo-/).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByText(/Approve every capability the plugin asks for/)
      .first()
      .waitFor();
    await page.getByLabel('fetch — may reach bizreg.acme.example').check();
    await page.getByLabel('kv', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers before launching' }).waitFor();
    await page.getByRole('button', { name: 'Launch the pilot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilot launched' }).waitFor();

    const launched = await as<{ plugins: Array<{ name: string; status: string; grantedCapabilities: string[] }> }>(
      'admin@maru.example',
      '{ plugins { name status grantedCapabilities } }',
    );
    expect(launched.plugins.find((p) => p.name === '@acme/maru-business-status')).toEqual({
      name: '@acme/maru-business-status',
      status: 'ENABLED',
      grantedCapabilities: ['fetch', 'kv'],
    });

    // Another agency's member finds the new service in the catalogue, as a pilot.
    await signInAs(page, hub.origin, 'admin@msit.example', '/services');
    const card = page.getByRole('listitem').filter({ hasText: 'Business status check' }).first();
    await card.waitFor();
    await card.getByText('Pilot', { exact: true }).waitFor();
  }, 120_000);
});
