import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { signInAs } from './session';

const AGENCY_MEMBER = 'manager@mois.example';
const QUERY = `query($o: ID) { insights(organizationId: $o) {
  participation(top: 10) { challenges { title entries } sizeBands { sizeBand entries organizations } }
  timeToAward { awarded medianDays } } }`;

interface Answer {
  insights: {
    participation: {
      challenges: Array<{ title: string; entries: number }>;
      sizeBands: Array<{ sizeBand: string | null; entries: number; organizations: number }>;
    };
  };
}

describe.skipIf(!chromiumAvailable())('the portal in a browser: an agency team reads its insights', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let key: string;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, locale: 'en-US', acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    key = (
      await graphql<{ demoLogin: { secret: string } }>(
        hub.origin,
        'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
        { e: AGENCY_MEMBER },
      )
    ).demoLogin.secret;
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows the same figures as the API in its tables, draws charts and downloads the table as CSV', async () => {
    const viewer = await graphql<{ viewer: { organization: { id: string } } }>(
      hub.origin,
      '{ viewer { organization { id } } }',
      {},
      key,
    );
    const api = await graphql<Answer>(hub.origin, QUERY, { o: viewer.viewer.organization.id }, key);
    const challenges = api.insights.participation.challenges;
    // The demo has entries to the bureau's challenges: the dashboard has something to show.
    expect(challenges.length).toBeGreaterThan(0);

    await signInAs(page, hub.origin, AGENCY_MEMBER, '/insights');
    const figure = page.locator('[data-figure="challenges"]');
    await figure.getByRole('table').waitFor();
    const rows = await figure
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
    expect(rows).toEqual(challenges.map((c) => [c.title, String(c.entries)]));
    const bands = await page
      .locator('[data-figure="size-bands"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => Number(cell.textContent))));
    expect(bands).toEqual(api.insights.participation.sizeBands.map((b) => [b.entries, b.organizations]));
    // A chart is drawn (ECharts' SVG) and named for screen readers, who are pointed at the table.
    const chart = figure.locator('.insight-chart');
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/table below/);
    await chart.locator('svg').waitFor();
    await screenshot(page, 'insights-agency');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('maru-challenges.csv');
    const bytes = await readFile((await download.path())!);
    // UTF-8 with a byte order mark, so Excel reads Korean titles right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Challenge,Entries');
    expect(lines.slice(1)).toEqual(
      challenges.map((c) => `${/[",]/.test(c.title) ? `"${c.title.replace(/"/g, '""')}"` : c.title},${c.entries}`),
    );
  });

  it("refuses another organization's insights to the agency member, with the refusal shown", async () => {
    const other = await graphql<{ organizations: { nodes: Array<{ id: string; slug: string }> } }>(
      hub.origin,
      '{ organizations(first: 50) { nodes { id slug } } }',
    );
    const hanbit = other.organizations.nodes.find((o) => o.slug === 'hanbit-data')!;
    const res = await fetch(`${hub.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: QUERY, variables: { o: hanbit.id } }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
