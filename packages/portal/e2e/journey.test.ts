import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { signIn, signOut } from './session';

// A word no demo challenge carries, so the company's search finds exactly this one.
const MARKER = `Gwangju${Date.now().toString(36)}`;
const TITLE = `Address cleansing for public notices ${MARKER}`;

interface ChallengeState {
  challenges: {
    nodes: Array<{
      id: string;
      title: string;
      status: string;
      winners: Array<{ title: string; organization: { name: string } }>;
    }>;
  };
}
const findChallenge = async (origin: string) =>
  (
    await graphql<ChallengeState>(
      origin,
      `
        query ($q: String!) {
          challenges(filter: { search: $q }) {
            nodes {
              id
              title
              status
              winners {
                title
                organization {
                  name
                }
              }
            }
          }
        }
      `,
      { q: MARKER },
    )
  ).challenges.nodes;

describe.skipIf(!chromiumAvailable())('the portal in a browser: a challenge from posting to public results', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    // A narrow-ish window: the pages must work without a wide screen.
    page = await browser.newPage({ viewport: { width: 900, height: 1000 }, locale: 'en-US' });
    // Generous: the machine running the suite may be busy with other builds.
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400)
        consoleErrors.push(`${response.status()} ${response.url()} ${response.request().postData() ?? ''}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('serves the portal at / and lists the challenges, in English and in Korean', async () => {
    await page.goto(hub.origin);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Challenges' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('article').first().waitFor();
    await screenshot(page, '01-challenge-list');

    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { level: 1, name: '챌린지' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.getByRole('button', { name: '검색' }).isVisible()).toBe(true);
    await screenshot(page, '02-challenge-list-ko');
    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '챌린지' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Challenges' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('lets an agency challenge manager post and publish a challenge', async () => {
    await signIn(page, 'Lee Seoyeon');
    await page.getByRole('link', { name: 'Post a challenge' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Post a challenge' }).waitFor();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Summary').fill('Normalise the addresses agencies hold, so that notices reach people.');
    await page
      .getByLabel('Problem statement')
      .fill(
        'Agencies hold addresses in many formats.\n\nA good solution cleans them against the road-name address register.',
      );
    await page.getByLabel('Tags', { exact: true }).fill(`address, 주소, ${MARKER}`);
    await page.getByLabel('Criterion 1 name').fill('Usefulness');
    await page.getByLabel('Criterion 1 weight (%)').fill('70');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Criterion 2 name').fill('Feasibility');
    await page.getByLabel('Criterion 2 weight (%)').fill('30');
    await page.getByText('Weights add up to 100 of 100.').waitFor();
    await page.getByLabel('Amount').fill('30000000');
    await page.getByRole('button', { name: 'Save as draft' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Draft', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Publish the challenge' }).click();
    await page.getByRole('button', { name: 'Yes, publish it' }).click();
    await page.getByRole('button', { name: 'Close submissions now' }).waitFor();
    expect((await findChallenge(hub.origin)).map((c) => c.status)).toEqual(['OPEN']);
    await screenshot(page, '03-challenge-page-agency');
    await signOut(page);
  });

  it('lets a company find it by search and submit a proposal', async () => {
    await signIn(page, 'Kang Doyoon');
    await page.getByRole('link', { name: 'Challenges' }).click();
    await page.getByRole('searchbox', { name: 'Search challenges' }).fill(MARKER);
    await page.getByLabel('Status').selectOption('OPEN');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Challenges found: 1').waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel('Ask the agency a question').fill('May we call the road-name address API?');
    await page.getByRole('button', { name: 'Send question' }).click();
    await page.getByText('Waiting for the agency’s answer.').waitFor();
    await screenshot(page, '04-challenge-page-public');
    await page.getByRole('link', { name: 'Submit a proposal' }).click();

    await page.getByRole('heading', { level: 1, name: `Your proposal for “${TITLE}”` }).waitFor();
    await page.getByLabel('Title').fill('Hanbit address cleanser');
    await page.getByLabel('Summary').fill('Cleans and geocodes addresses against the national register.');
    await page
      .getByLabel('Proposal')
      .fill('## Approach\nMatch each address to the road-name register, then geocode it.');
    await page.getByLabel('Team size').fill('4');
    await page.getByRole('checkbox', { name: /accept/i }).check();
    await screenshot(page, '05-submission-form');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'My submissions' }).waitFor();
    const row = page.getByRole('row', { name: /Hanbit address cleanser/ });
    await row.getByText('Submitted').waitFor();
    await signOut(page);
  });

  it('lets the agency seat a reviewer, close submissions and start the evaluation', async () => {
    await signIn(page, 'Lee Seoyeon');
    await page.getByRole('heading', { level: 1, name: 'My challenges' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: 'Manage this challenge' }).waitFor();
    await page.getByLabel('Your answer').fill("Yes, through the hub's shared service.");
    await page.getByRole('button', { name: 'Publish answer' }).click();
    await page.getByText("Yes, through the hub's shared service.").waitFor();
    // The conflict-of-interest rule is stated where the panel is chosen.
    await page
      .getByText('A reviewer whose organization has submitted to this challenge cannot be appointed to its panel', {
        exact: false,
      })
      .waitFor();
    await page.getByRole('checkbox', { name: /Park Jiho/ }).check();
    await page.getByRole('button', { name: 'Save the panel' }).click();
    await page.getByText('The review panel is saved.').waitFor();
    await page.getByRole('checkbox', { name: /Park Jiho.*not declared yet/ }).waitFor();
    await page.getByRole('button', { name: 'Close submissions now' }).click();
    await page.getByRole('button', { name: 'Yes, close submissions' }).click();
    await page.getByRole('button', { name: 'Start the evaluation' }).click();
    await page.getByRole('button', { name: 'Yes, start the evaluation' }).click();
    await page.getByRole('heading', { level: 3, name: 'Review progress' }).waitFor();
    expect((await findChallenge(hub.origin)).map((c) => c.status)).toEqual(['EVALUATING']);
    await signOut(page);
  });

  it('lets the reviewer score the submission', async () => {
    await signIn(page, 'Park Jiho');
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await page.getByRole('link', { name: `Score the submissions of “${TITLE}”` }).click();
    // The declaration comes first: no entry is offered for scoring until it is made.
    const declaration = page.getByRole('region', { name: 'Declare no conflict of interest' });
    await declaration.waitFor();
    expect(await page.getByRole('region', { name: 'Hanbit address cleanser' }).count()).toBe(0);
    await declaration.getByRole('button', { name: 'Declare and start scoring' }).click();
    await declaration.getByText('Tick the box to declare.').waitFor();
    await declaration.getByRole('checkbox', { name: /Neither I nor my organization/ }).check();
    await declaration.getByLabel('Anything to add').fill('No tie to any entrant.');
    await declaration.getByRole('button', { name: 'Declare and start scoring' }).click();
    const entry = page.getByRole('region', { name: 'Hanbit address cleanser' });
    await entry.waitFor();
    await entry.getByLabel('Score for Usefulness').fill('9');
    await entry.getByLabel('Score for Feasibility').fill('7');
    await entry.getByLabel('Public comment').fill('Ready for a pilot.');
    await screenshot(page, '06-scoring');
    await entry.getByRole('button', { name: 'Save review' }).click();
    await page.getByText('Your scores are saved.').waitFor();
    await signOut(page);
  });

  it('lets the agency award the winner', async () => {
    await signIn(page, 'Lee Seoyeon');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByText('Park Jiho (박지호): 1 of 1 scored').waitFor();
    await page.getByRole('checkbox', { name: /Winner: Hanbit address cleanser/ }).check();
    await page.getByLabel('Award note').fill('Piloting in 2027.');
    await page.getByRole('button', { name: 'Award and publish the results' }).click();
    await page.getByRole('button', { name: 'Yes, award and publish' }).click();
    await page.getByRole('heading', { level: 2, name: 'Results' }).waitFor();
    const [challenge] = await findChallenge(hub.origin);
    expect(challenge).toMatchObject({
      status: 'AWARDED',
      winners: [{ title: 'Hanbit address cleanser', organization: { name: 'Hanbit Data (한빛데이터)' } }],
    });
    await signOut(page);
  });

  it('shows an anonymous visitor the results', async () => {
    await page.goto(`${hub.origin}/`);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search challenges' }).fill(MARKER);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: 'Results' }).waitFor();
    const results = page.getByRole('table', { name: 'Ranking' });
    await results.getByRole('rowheader', { name: /Hanbit address cleanser/ }).waitFor();
    await page.getByText('Piloting in 2027.').waitFor();
    await page.getByText("Yes, through the hub's shared service.").waitFor();
    await screenshot(page, '07-results');
  });

  it('raised no error in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
