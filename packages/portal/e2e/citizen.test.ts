import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage } from './portal-page';
import { demoKey } from './demo-api';

const AGENCY_ADMIN = 'admin@mois.example';
const COMPANY_ADMIN = 'admin@hanbit.example';
const PLATFORM_ADMIN = 'admin@maru.example';
/** A person in the demo's youth rent dataset who consented to Hanbit Data seeing their name. */
const PERSON = 'YH-0003';

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const storedKey = (page: Page) => page.evaluate(() => sessionStorage.getItem('maru.subjectKey'));

interface Consents {
  dataConnection: { consents: { nodes: Array<{ id: string; status: string; revokedBy: string | null }> } };
}
const CONSENTS = `query ($id: ID!, $s: String) { dataConnection(id: $id) { consents(subjectId: $s) { nodes { id status revokedBy } } } }`;

describe.skipIf(!chromiumAvailable())('the portal in a browser: a person sees and controls their data', () => {
  let hub: RunningHub;
  let browser: Browser;
  let agencyKey: string;
  let companyKey: string;
  let connectionId: string;
  let subjectKey: string;

  /** Hanbit Data reads the youth rent records under its approval: every read that returns the person's record is theirs to see. */
  const companyReads = () =>
    graphql(
      hub.origin,
      'query ($id: ID!) { dataConnection(id: $id) { records(first: 100) { nodes { key } } } }',
      { id: connectionId },
      companyKey,
    );

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    [agencyKey, companyKey] = await Promise.all([
      demoKey(hub.origin, AGENCY_ADMIN),
      demoKey(hub.origin, COMPANY_ADMIN),
    ]);
    const list = await graphql<{ dataConnections: { nodes: Array<{ id: string; classification: string }> } }>(
      hub.origin,
      '{ dataConnections(first: 50, filter: { classifications: [PERSONAL] }) { nodes { id classification } } }',
    );
    connectionId = list.dataConnections.nodes[0]!.id;
    subjectKey = (
      await graphql<{ issueSubjectKey: { key: string } }>(
        hub.origin,
        'mutation ($s: String!) { issueSubjectKey(subjectId: $s) { key } }',
        { s: PERSON },
        agencyKey,
      )
    ).issueSubjectKey.key;
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('says a wrong key is not valid, in people’s words, and keeps nothing', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await page.goto(`${hub.origin}/me/data`);
    await page.getByRole('heading', { level: 1, name: '내 데이터' }).waitFor();
    await page.getByLabel('정보주체 키').fill('msk_thisKeyWasNeverIssued');
    await page.getByRole('button', { name: '내 데이터 보기' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '유효하지 않은 키입니다' });
    await summary.waitFor();
    await expect(page.getByLabel('정보주체 키').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText('UNAUTHENTICATED').count()).resolves.toBe(0);
    expect(await storedKey(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'citizen-wrong-key-ko-1280');
    // The hub refused the unknown key (HTTP 401 or a GraphQL error); nothing else went wrong.
    expect(problems.filter((p) => !/graphql|401/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('shows who issued the key, my consents and who read my data; I revoke a consent after checking', async () => {
    await companyReads();
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    // A person finds the page from the foot of any page, with no account.
    await page.goto(hub.origin);
    await page.getByRole('contentinfo').getByRole('link', { name: '내 데이터 열람 기록' }).click();
    await page.getByRole('heading', { level: 1, name: '내 데이터' }).waitFor();
    await page.getByLabel('정보주체 키').fill(subjectKey);
    await page.getByRole('button', { name: '내 데이터 보기' }).click();
    await page.getByText(/에서 발급한 키$/).waitFor();
    expect(await storedKey(page)).toBe(subjectKey);
    await expect(page.locator('.citizen-who code').textContent()).resolves.toBe(PERSON);

    const consents = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '나의 동의' }) });
    await consents
      .getByRole('heading', { level: 3, name: /Hanbit Data \(한빛데이터\)에 내 정보 제공에 동의함/ })
      .waitFor();
    const reads = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: '누가 내 정보를 열람했나요' }),
    });
    const read = reads.getByRole('listitem').first();
    await expect(read.textContent()).resolves.toContain('Hanbit Data (한빛데이터)이(가)');
    await expect(read.textContent()).resolves.toContain('KST');
    await expect(read.textContent()).resolves.toContain('청년 주거 지원 자격 확인');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'citizen-my-data-ko-1280');

    await consents.getByRole('button', { name: 'Hanbit Data (한빛데이터)에 대한 동의 철회' }).click();
    const confirm = page.getByRole('group', { name: 'Hanbit Data (한빛데이터)에 대한 동의 철회' });
    await expect(confirm.textContent()).resolves.toContain('이 화면에서는 되돌릴 수 없습니다');
    await expect(confirm.textContent()).resolves.toContain('name');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'citizen-revoke-check-ko-1280');
    await confirm.getByRole('button', { name: '네, 동의를 철회합니다' }).click();
    await page.getByTestId('success-message').filter({ hasText: '동의를 철회했습니다' }).waitFor();
    await consents.getByText('본인이 철회').waitFor();
    await screenshot(page, 'citizen-revoked-ko-1280');
    expect(problems).toEqual([]);
    await page.context().close();

    // The store says the same: revoked by the person; Hanbit Data's next read no longer shows the name.
    const stored = await graphql<Consents>(hub.origin, CONSENTS, { id: connectionId, s: PERSON }, agencyKey);
    expect(stored.dataConnection.consents.nodes.map((c) => [c.status, c.revokedBy])).toContainEqual([
      'REVOKED',
      'SUBJECT',
    ]);
    const after = await graphql<{
      dataConnection: { records: { nodes: Array<{ key: string; data: Record<string, unknown>; masked: string[] }> } };
    }>(
      hub.origin,
      'query ($id: ID!) { dataConnection(id: $id) { records(first: 100) { nodes { key data masked } } } }',
      { id: connectionId },
      companyKey,
    );
    const masked = after.dataConnection.records.nodes.filter((r) => r.masked.includes('name'));
    expect(masked.length).toBeGreaterThan(0);
    expect(after.dataConnection.records.nodes.some((r) => r.data.name && r.data.subject_id === PERSON)).toBe(false);
    // The audit trail has the revocation, done by no member (the person, with their key).
    const platformKey = await demoKey(hub.origin, PLATFORM_ADMIN);
    const audit = await graphql<{
      auditEvents: { nodes: Array<{ action: string; outcome: string; actorMemberId: string | null }> };
    }>(
      hub.origin,
      '{ auditEvents(first: 5, filter: { action: "dataConsent.revoke" }) { nodes { action outcome actorMemberId } } }',
      {},
      platformKey,
    );
    expect(audit.auditEvents.nodes).toEqual([
      { action: 'dataConsent.revoke', outcome: 'SUCCESS', actorMemberId: null },
    ]);
  });

  it('the other two views — Korean on a phone, English on a desktop — are axe clean without sideways scroll', async () => {
    for (const [lang, width, label, open] of [
      ['ko', 'phone', '정보주체 키', '내 데이터 보기'],
      ['en', 'desktop', 'Your subject key', 'See my data'],
    ] as const) {
      const { page, problems } = await openPortalPage(browser, { lang, width });
      await page.goto(`${hub.origin}/me/data`);
      await page.getByLabel(label).fill(subjectKey);
      await page.getByRole('button', { name: open }).click();
      await page.locator('.citizen-reads > li').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, `citizen-my-data-${lang}-${width === 'desktop' ? 1280 : 375}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('reads as clearly in English on a phone', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en', width: 'phone' });
    await page.goto(`${hub.origin}/me/data`);
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'citizen-key-en-375');
    await page.getByLabel('Your subject key').fill(subjectKey);
    await page.getByRole('button', { name: 'See my data' }).click();
    await page.getByRole('heading', { level: 2, name: 'Who read my data' }).waitFor();
    await page.getByText('by you').waitFor();
    await page
      .getByText(/read your record in/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'citizen-my-data-en-375');

    // The agency revokes the person's keys (lost key): the open page, asked again, says so and forgets the key.
    await graphql(hub.origin, 'mutation ($s: String!) { revokeSubjectKeys(subjectId: $s) }', { s: PERSON }, agencyKey);
    const before = await graphql<Consents>(hub.origin, CONSENTS, { id: connectionId, s: PERSON }, agencyKey);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'the agency has revoked it' }).waitFor();
    expect(await storedKey(page)).toBeNull();
    await screenshot(page, 'citizen-revoked-key-en-375');
    const after = await graphql<Consents>(hub.origin, CONSENTS, { id: connectionId, s: PERSON }, agencyKey);
    expect(after).toEqual(before);
    expect(problems.filter((p) => !/graphql|401/.test(p))).toEqual([]);
    await page.context().close();
  });
});
