import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage } from './portal-page';
import { signInAs } from './session';
import { demoKey } from './demo-api';

const AGENCY_ADMIN = 'admin@mois.example';
const OTHER_AGENCY_ADMIN = 'admin@msit.example';
const COMPANY_ADMIN = 'admin@hanbit.example';
const PURPOSE = 'Youth benefit eligibility check for the housing app';
const CSV = [
  'case_no,subject_id,name,benefit',
  'C-1,P-0001,김하나,320000',
  'C-2,P-0002,이두리,280000',
  'C-3,P-0003,박세나,notanumber',
].join('\n');

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

interface Connection {
  dataConnection: {
    id: string;
    name: string;
    version: number;
    recordCount: number;
    classification: string;
    subjectField: string | null;
    syncs: { nodes: Array<{ trigger: string; status: string; rejected: number }> };
    consents: {
      nodes: Array<{ id: string; subjectId: string; status: string; fields: string[]; revokedBy: string | null }>;
    };
  } | null;
}
const CONNECTION = `query ($id: ID!) { dataConnection(id: $id) { id name version recordCount classification subjectField
  syncs(first: 20) { nodes { trigger status rejected } }
  consents(first: 20) { nodes { id subjectId status fields revokedBy } } } }`;

describe.skipIf(!chromiumAvailable())('the portal in a browser: an agency connects and runs its datasets', () => {
  let hub: RunningHub;
  let browser: Browser;
  let agencyKey: string;
  let companyKey: string;
  let connectionId = '';

  let source: Server;
  let sourceOrigin = '';

  beforeAll(async () => {
    // A real JSON source on this machine: the hub may reach 127.0.0.1 only because this test's operator allows it.
    source = createServer((request, response) => {
      if (request.url === '/facilities') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            items: [
              { id: 'F-1', name: '세종 청년센터' },
              { id: 'F-2', name: '대전 청년센터' },
            ],
          }),
        );
      } else {
        response.writeHead(503).end();
      }
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceOrigin = `http://127.0.0.1:${(source.address() as { port: number }).port}`;
    [hub, browser] = await Promise.all([startHub({ env: { MARU_CONNECTOR_HOSTS: '127.0.0.1' } }), launchChromium()]);
    [agencyKey, companyKey] = await Promise.all([
      demoKey(hub.origin, AGENCY_ADMIN),
      demoKey(hub.origin, COMPANY_ADMIN),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    source?.close();
  });

  it('lists the agency’s datasets with their sync state, in Korean and English, at 1280 and 375 px', async () => {
    for (const [lang, width] of [
      ['ko', 'desktop'],
      ['en', 'phone'],
    ] as const) {
      const { page, problems } = await openPortalPage(browser, { lang, width });
      await signInAs(page, hub.origin, AGENCY_ADMIN, '/manage/data');
      await page
        .getByRole('heading', { level: 1, name: lang === 'ko' ? '우리 기관 데이터' : 'Our datasets' })
        .waitFor();
      const table = page.getByRole('table');
      await table.waitFor();
      // The demo's youth housing dataset is MOIS's: listed, with its state and KST times.
      await expect(table.getByRole('link', { name: /youth housing|청년/i }).count()).resolves.toBeGreaterThan(0);
      await expect(table.textContent()).resolves.toContain('KST');
      expect(await axeViolations(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await screenshot(page, `data-admin-list-${lang}-${width === 'desktop' ? 1280 : 375}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('refuses an incomplete connect form with a focused summary linking each field, then connects a CSV by upload', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    await signInAs(page, hub.origin, AGENCY_ADMIN, '/manage/data/new');
    await page.getByRole('heading', { level: 1, name: 'Connect a dataset' }).waitFor();
    // Only the chosen kind's settings: upload shows a file input and no URL; HTTP shows a URL and no file.
    await expect(page.locator('#conn-file').count()).resolves.toBe(1);
    await expect(page.locator('#source-url').count()).resolves.toBe(0);
    await page.getByLabel('JSON over HTTP').check();
    await expect(page.locator('#source-url').count()).resolves.toBe(1);
    await expect(page.locator('#conn-file').count()).resolves.toBe(0);
    await page.getByLabel('Upload a CSV file').check();

    await page.getByRole('button', { name: 'Connect the dataset' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(summary.evaluate((box) => box === document.activeElement)).resolves.toBe(true);
    await expect(page.locator('#conn-name').getAttribute('aria-invalid')).resolves.toBe('true');
    await summary.getByRole('link', { name: 'Enter the dataset’s name.' }).click();
    await expect(page.locator('#conn-name').evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'data-admin-new-errors-en-1280');

    const folder = mkdtempSync(join(tmpdir(), 'maru-upload-'));
    const file = join(folder, 'youth-benefits.csv');
    writeFileSync(file, CSV);
    await page.locator('#conn-file').setInputFiles(file);
    await page.locator('#conn-name').fill('Youth benefit recipients (test)');
    await page.getByLabel('Personal', { exact: true }).check();
    await page.locator('#conn-key').fill('case_no');
    await page.locator('#conn-subject').fill('subject_id');
    for (const [index, [name, type, personal]] of (
      [
        ['case_no', 'STRING', false],
        ['subject_id', 'STRING', true],
        ['name', 'STRING', true],
        ['benefit', 'INTEGER', false],
      ] as const
    ).entries()) {
      await page.getByRole('button', { name: 'Add a field' }).click();
      await page.locator(`#field-${index}-name`).fill(name);
      await page.locator(`#field-${index}-type`).selectOption(type);
      if (personal) await page.locator(`#field-${index}-personal`).check();
    }
    await screenshot(page, 'data-admin-new-en-1280');
    await page.getByRole('button', { name: 'Connect the dataset' }).click();
    await page.getByRole('heading', { level: 1, name: 'Youth benefit recipients (test)' }).waitFor();
    await expect(page.getByTestId('success-message').textContent()).resolves.toContain('is connected');
    connectionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // The upload's sync runs on; the page looks again until it has finished, then shows the refused line and why.
    const history = page.getByRole('region', { name: 'Sync history' });
    await history.getByText('An upload').first().waitFor();
    await history.getByText('1 record refused — why').first().click();
    await history.getByText('Line 4:').first().waitFor();
    await history.getByText('benefit: "notanumber" is not of the type “Whole number”.').first().waitFor();
    // Sync now: the page says what the sync kept and refused.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByTestId('success-message')
      .filter({ hasText: 'Synced with problems: 0 added, 2 updated, 1 refused' })
      .waitFor();
    await history.getByText('A person').first().waitFor();

    const stored = (await graphql<Connection>(hub.origin, CONNECTION, { id: connectionId }, agencyKey)).dataConnection!;
    expect(stored).toMatchObject({ classification: 'PERSONAL', subjectField: 'subject_id', recordCount: 2 });
    expect(stored.syncs.nodes.map((s) => s.trigger).sort()).toEqual(expect.arrayContaining(['MANUAL', 'UPLOAD']));
    expect(stored.syncs.nodes.filter((s) => s.trigger !== 'SCHEDULE').every((s) => s.rejected === 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'data-admin-detail-en-1280');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('records a consent and issues a subject key through the page; another organization reads under its approval', async () => {
    // The company asks for the dataset and the agency approves (the /access screens' work, done here by the API).
    const request = await graphql<{ requestDataAccess: { accessRequest: { id: string } } }>(
      hub.origin,
      `
        mutation ($input: RequestDataAccessInput!) {
          requestDataAccess(input: $input) {
            accessRequest {
              id
            }
          }
        }
      `,
      {
        input: {
          connectionId,
          purpose: PURPOSE,
          fields: ['case_no', 'subject_id', 'name', 'benefit'],
          expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        },
      },
      companyKey,
    );
    await graphql(
      hub.origin,
      'mutation ($id: ID!) { decideDataAccess(id: $id, approve: true) { accessRequest { status } } }',
      { id: request.requestDataAccess.accessRequest.id },
      agencyKey,
    );

    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await signInAs(page, hub.origin, AGENCY_ADMIN, `/manage/data/${encodeURIComponent(connectionId)}`);
    await page.getByRole('heading', { level: 2, name: '동의', exact: true }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: '동의 기록' }) });
    await form.getByRole('button', { name: '동의 기록' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.locator('#consent-subject').getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel(/Hanbit Data/).check();
    await form.locator('#consent-subject').fill('P-0001');
    await form.getByLabel('name', { exact: true }).check();
    await form.locator('#consent-until').fill(new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10));
    await form.getByLabel('정보주체 본인임을 확인했고, 본인이 이 내용에 동의했습니다.').check();
    await form.getByRole('button', { name: '동의 기록' }).click();
    await expect(page.getByTestId('success-message').textContent()).resolves.toContain('P-0001의 동의를 기록했습니다');
    await page.getByRole('cell', { name: 'P-0001' }).waitFor();

    // A person the agency holds no record of gets no key: said in people's words, beside the field.
    await page.locator('#key-subject').fill('NOBODY-9');
    await page.getByRole('button', { name: '키 발급', exact: true }).click();
    await page.locator('#key-subject-error').filter({ hasText: '이 사람의 레코드가 없습니다' }).waitFor();
    await expect(page.locator('#key-subject').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('#key-subject').fill('P-0001');
    await page.getByRole('button', { name: '키 발급', exact: true }).click();
    const issued = page.locator('#issued-key');
    await issued.waitFor();
    expect(await issued.inputValue()).toMatch(/^msk_/);
    await expect(page.getByText('지금 한 번만 보여 드립니다.', { exact: false }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'data-admin-detail-ko-1280');
    await page.getByRole('button', { name: '전달했습니다 — 닫기' }).click();
    await expect(issued.count()).resolves.toBe(0);

    const stored = (await graphql<Connection>(hub.origin, CONNECTION, { id: connectionId }, agencyKey)).dataConnection!;
    expect(stored.consents.nodes).toEqual([
      expect.objectContaining({ subjectId: 'P-0001', status: 'ACTIVE', fields: ['name'], revokedBy: null }),
    ]);
    // The approved company reads the records: P-0001's name is shown under the consent, the others masked.
    const read = await graphql<{
      dataConnection: { records: { nodes: Array<{ key: string; data: Record<string, unknown>; masked: string[] }> } };
    }>(
      hub.origin,
      'query ($id: ID!) { dataConnection(id: $id) { records(first: 10) { nodes { key data masked } } } }',
      { id: connectionId },
      companyKey,
    );
    const byKey = Object.fromEntries(read.dataConnection.records.nodes.map((r) => [r.key, r]));
    expect(byKey['C-1']!.data.name).toBe('김하나');
    expect(byKey['C-2']!.masked).toContain('name');

    // The access log shows the company's read, in Korea time.
    await page.reload();
    const log = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '열람 기록' }) });
    await log
      .getByRole('cell', { name: /Hanbit Data/ })
      .first()
      .waitFor();
    await expect(log.getByRole('cell', { name: PURPOSE }).count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('revokes an approval only after checking, with a success message; the next read is refused', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en', width: 'phone' });
    // From the agency's access requests, a link leads to the dataset's page.
    await signInAs(page, hub.origin, AGENCY_ADMIN, '/access');
    await page
      .getByRole('link', { name: 'Manage “Youth benefit recipients (test)”: consents, subject keys, access log' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Youth benefit recipients (test)' }).waitFor();
    await page.getByRole('button', { name: /^Revoke the access of Hanbit Data/ }).click();
    const confirm = page.getByRole('group', { name: /^Revoke the access of Hanbit Data/ });
    await expect(confirm.textContent()).resolves.toContain('This cannot be undone');
    expect(await axeViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'data-admin-revoke-access-en-375');
    await confirm.getByRole('button', { name: 'Yes, revoke the access' }).click();
    await expect(page.getByTestId('success-message').textContent()).resolves.toContain('was revoked');
    const refused = await fetch(`${hub.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${companyKey}` },
      body: JSON.stringify({
        query: 'query ($id: ID!) { dataConnection(id: $id) { records(first: 10) { nodes { key } } } }',
        variables: { id: connectionId },
      }),
    });
    const body = (await refused.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('tells another agency’s admin the dataset is not theirs, and nothing changes', async () => {
    const before = (await graphql<Connection>(hub.origin, CONNECTION, { id: connectionId }, agencyKey)).dataConnection!;
    for (const lang of ['ko', 'en'] as const) {
      const { page, problems } = await openPortalPage(browser, { lang, width: lang === 'ko' ? 'phone' : 'desktop' });
      await signInAs(page, hub.origin, OTHER_AGENCY_ADMIN, `/manage/data/${encodeURIComponent(connectionId)}`);
      await page
        .getByRole('heading', {
          level: 1,
          name: lang === 'ko' ? '다른 기관의 데이터셋입니다' : 'This dataset belongs to another agency',
        })
        .waitFor();
      await expect(page.getByRole('button', { name: /Sync now|지금 동기화/ }).count()).resolves.toBe(0);
      await expect(page.getByText('FORBIDDEN').count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `data-admin-not-yours-${lang}-${lang === 'ko' ? 375 : 1280}`);
      // The refused read of the owner's operations view is the only problem the page met.
      expect(problems.filter((p) => !p.includes('/graphql'))).toEqual([]);
      await page.context().close();
    }
    const after = (await graphql<Connection>(hub.origin, CONNECTION, { id: connectionId }, agencyKey)).dataConnection!;
    expect(after).toEqual(before);
  });

  it('connects JSON over HTTP, and says in people’s words why a source that answers with an error fails', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await signInAs(page, hub.origin, AGENCY_ADMIN, '/manage/data/new');
    const connect = async (name: string, url: string) => {
      await page.goto(`${hub.origin}/manage/data/new`);
      await page.getByLabel('HTTP JSON').check();
      await page.locator('#source-url').fill(url);
      await page.locator('#source-recordsPath').fill('items');
      await page.locator('#conn-name').fill(name);
      await page.getByLabel('공개', { exact: true }).check();
      await page.locator('#conn-key').fill('id');
      await page.getByRole('button', { name: '데이터셋 연결' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      // Wait for the scheduler's first sync if it started one, then sync now.
      await page.getByRole('button', { name: '지금 동기화' }).click();
      await page.getByRole('region', { name: '동기화 이력' }).getByText('직접 실행').first().waitFor();
    };
    await connect('청년센터 목록', `${sourceOrigin}/facilities`);
    await page.getByTestId('success-message').filter({ hasText: '동기화했습니다' }).waitFor();
    const good = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const read = await graphql<{ dataConnection: { recordCount: number; records: { nodes: Array<{ key: string }> } } }>(
      hub.origin,
      'query ($id: ID!) { dataConnection(id: $id) { recordCount records { nodes { key } } } }',
      { id: good },
    );
    expect(read.dataConnection.recordCount).toBe(2);
    expect(read.dataConnection.records.nodes.map((r) => r.key)).toEqual(['F-1', 'F-2']);

    await connect('고장 난 원천', `${sourceOrigin}/broken`);
    await page.getByRole('alert').filter({ hasText: '이력에서 이유를 확인하세요' }).waitFor();
    await expect(page.getByTestId('success-message').filter({ hasText: '실패' }).count()).resolves.toBe(0);
    await page.getByRole('alert').filter({ hasText: '원천이 오류로 응답했습니다' }).waitFor();
    await expect(page.getByText('HTTP 503').first().isVisible()).resolves.toBe(false);
    await page.getByText('기술 정보(운영자용)').first().click();
    await expect(
      page
        .getByText(/answered HTTP 503/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'data-admin-failing-ko-1280');
    await page.goto(`${hub.origin}/manage/data`);
    await page
      .getByRole('row', { name: /고장 난 원천/ })
      .getByText('원천이 오류로 응답했습니다')
      .waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('connects a CSV file the operator placed in the agency’s import folder, by its path', async () => {
    // The operator copies the file into MOIS's folder of the hub's import folder.
    mkdirSync(join(hub.dataDir, 'imports', 'mois', 'welfare'), { recursive: true });
    writeFileSync(join(hub.dataDir, 'imports', 'mois', 'welfare', 'centres.csv'), 'code;name\nW-1;세종 복지관\n');
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    await signInAs(page, hub.origin, AGENCY_ADMIN, '/manage/data/new');
    await page.getByLabel('A CSV file in the import folder').check();
    await expect(page.locator('#conn-file').count()).resolves.toBe(0);
    await page.locator('#source-path').fill('welfare/centres.csv');
    await page.locator('#source-delimiter').fill(';');
    await page.locator('#conn-name').fill('Welfare centres');
    await page.getByLabel('Public', { exact: true }).check();
    await page.locator('#conn-key').fill('code');
    await page.getByRole('button', { name: 'Connect the dataset' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welfare centres' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('success-message').filter({ hasText: 'Synced: ' }).waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const read = await graphql<{ dataConnection: { records: { nodes: Array<{ data: Record<string, unknown> }> } } }>(
      hub.origin,
      'query ($id: ID!) { dataConnection(id: $id) { records { nodes { data } } } }',
      { id },
    );
    expect(read.dataConnection.records.nodes.map((r) => r.data)).toEqual([{ code: 'W-1', name: '세종 복지관' }]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('edits and pauses a dataset, revokes a consent and a person’s keys — each after checking, each said done', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'en' });
    await signInAs(page, hub.origin, AGENCY_ADMIN, `/manage/data/${encodeURIComponent(connectionId)}`);
    await page.locator('#edit-name').fill('Youth benefit recipients 2026 (test)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('success-message').filter({ hasText: 'was saved' }).waitFor();
    await page.getByRole('button', { name: 'Pause scheduled syncs' }).click();
    await page.getByTestId('success-message').filter({ hasText: 'Scheduled syncs are paused.' }).waitFor();

    await page.getByRole('button', { name: 'Revoke the consent of P-0001' }).click();
    const consent = page.getByRole('group', { name: 'Revoke the consent of P-0001' });
    await expect(consent.textContent()).resolves.toContain('This cannot be undone');
    await consent.getByRole('button', { name: 'Yes, revoke the consent' }).click();
    await page.getByTestId('success-message').filter({ hasText: 'The consent of P-0001 was revoked.' }).waitFor();

    await page.locator('#revoke-subject').fill('P-0001');
    await page.getByRole('button', { name: 'Revoke the keys of P-0001' }).click();
    const keys = page.getByRole('group', { name: 'Revoke the keys of P-0001' });
    await expect(keys.textContent()).resolves.toContain('can no longer open “My data”');
    await screenshot(page, 'data-admin-revoke-keys-en-1280');
    await keys.getByRole('button', { name: 'Yes, revoke the keys' }).click();
    await page.getByTestId('success-message').filter({ hasText: '1 key of P-0001 was revoked.' }).waitFor();

    const stored = (
      await graphql<Connection & { dataConnection: { status: string } }>(
        hub.origin,
        CONNECTION.replace('version recordCount', 'version recordCount status'),
        { id: connectionId },
        agencyKey,
      )
    ).dataConnection!;
    expect(stored).toMatchObject({ name: 'Youth benefit recipients 2026 (test)', status: 'PAUSED' });
    expect(stored.consents.nodes[0]).toMatchObject({ subjectId: 'P-0001', status: 'REVOKED', revokedBy: 'AGENCY' });
    // Revoking again finds no key in force: the page says nothing changed.
    await page.locator('#revoke-subject').fill('P-0001');
    await page.getByRole('button', { name: 'Revoke the keys of P-0001' }).click();
    await page.getByRole('button', { name: 'Yes, revoke the keys' }).click();
    await page.getByText('Your agency has issued no key in force for P-0001; nothing was changed.').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('every data screen in both languages at both widths: axe clean, no sideways scroll', async () => {
    const screens = [
      ['list', '/manage/data'],
      ['new', '/manage/data/new'],
      ['detail', `/manage/data/${encodeURIComponent(connectionId)}`],
    ] as const;
    for (const lang of ['ko', 'en'] as const) {
      for (const width of ['desktop', 'phone'] as const) {
        const { page, problems } = await openPortalPage(browser, { lang, width });
        await signInAs(page, hub.origin, AGENCY_ADMIN, '/manage/data');
        for (const [name, path] of screens) {
          await page.goto(`${hub.origin}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.locator('[role="status"]', { hasText: /Loading|불러오는/ }).waitFor({ state: 'detached' });
          expect(await axeViolations(page), `${name} ${lang} ${width}`).toEqual([]);
          expect(await noHorizontalScroll(page), `${name} ${lang} ${width}`).toBe(true);
          await screenshot(page, `data-admin-${name}-${lang}-${width === 'desktop' ? 1280 : 375}`);
        }
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('tells a member without the agency admin role what is needed, and a platform admin checks the access log chain', async () => {
    const { page, problems } = await openPortalPage(browser, { lang: 'ko' });
    await signInAs(page, hub.origin, 'manager@mois.example', '/manage/data/new');
    await page.getByRole('heading', { level: 1, name: '이 역할로는 쓸 수 없습니다' }).waitFor();
    await expect(page.locator('#conn-name').count()).resolves.toBe(0);
    await page.context().close();

    const admin = await openPortalPage(browser, { lang: 'en' });
    await signInAs(admin.page, hub.origin, 'admin@maru.example', `/manage/data/${encodeURIComponent(connectionId)}`);
    await admin.page.getByRole('button', { name: 'Check the access log’s chain' }).click();
    await admin.page
      .getByRole('status')
      .filter({ hasText: /The chain is whole: \d+ entries checked\./ })
      .waitFor();
    expect([...problems, ...admin.problems]).toEqual([]);
    await admin.page.context().close();
  });
});
