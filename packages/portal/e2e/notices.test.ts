import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { signInAs } from './session';

// A tag no seeded challenge carries, so the notice and the "for you" card are this test's.
const TAG = `e2e-${Date.now().toString(36)}`;
const TITLE = `Notices reach the interested ${TAG}`;

describe.skipIf(!chromiumAvailable())('the portal in a browser: a company hears of a matching challenge', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const as = async <T>(email: string, query: string, variables: Record<string, unknown> = {}) => {
    const { demoLogin } = await graphql<{ demoLogin: { secret: string } }>(
      hub.origin,
      'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
      { e: email },
    );
    return graphql<T>(hub.origin, query, variables, demoLogin.secret);
  };

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1000, height: 1100 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('declares an interest, the agency publishes a match, and the company sees the notice and the challenge "for you"', async () => {
    // The company's admin declares the interest in the portal.
    await signInAs(page, hub.origin, 'admin@hanbit.example', '/notices/settings');
    await page.getByRole('heading', { level: 1, name: 'Notice settings' }).waitFor();
    await page.getByLabel('Tags').fill(TAG);
    await page.getByRole('button', { name: 'Save interests' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    // The agency publishes a matching challenge (its own journey is tested elsewhere).
    const agency = await as<{ viewer: { organization: { id: string } } }>(
      'manager@mois.example',
      '{ viewer { organization { id } } }',
    );
    const created = await as<{ createChallenge: { challenge: { id: string } } }>(
      'manager@mois.example',
      'mutation ($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }',
      {
        i: {
          agencyId: agency.viewer.organization.id,
          title: TITLE,
          summary: 'Matches the tag the company declared',
          type: 'IDEA',
          tags: [TAG],
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2031-02-01T00:00:00Z',
          evaluationEnd: '2031-03-01T00:00:00Z',
        },
      },
    );
    await as('manager@mois.example', 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', {
      id: created.createChallenge.challenge.id,
    });

    // Home: the unread badge in the header, and the challenge under "Challenges for you".
    await page.goto(`${hub.origin}/`);
    const forYou = page.getByRole('region', { name: 'Challenges for you' });
    await forYou.getByRole('heading', { name: TITLE }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav
      .getByRole('link', { name: /Notices/ })
      .getByText(/\d+ unread notices/)
      .waitFor();

    // The inbox: the notice, unread, linking to the challenge; marking it read updates the page.
    await nav.getByRole('link', { name: /Notices/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notices' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `New challenge for you: ${TITLE}` }) });
    await card.getByText('Matches your interests').waitFor();
    await card.getByText('Unread').waitFor();
    await card.getByRole('button', { name: 'Mark read' }).click();
    await card.getByRole('button', { name: 'Mark read' }).waitFor({ state: 'detached' });
    await card.getByRole('link', { name: 'Open the challenge' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Another company, which declared nothing of the kind, heard nothing of it.
    const other = await as<{ notices: { nodes: Array<{ title: string }> } }>(
      'admin@sejong-civic.example',
      '{ notices(first: 50) { nodes { title } } }',
    );
    expect(other.notices.nodes.map((n) => n.title)).not.toContain(TITLE);
  }, 120_000);
});
