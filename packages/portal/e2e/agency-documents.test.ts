import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage, WIDTHS, type Width } from './portal-page';
import { demoApi } from './demo-api';

const TITLE = `Registered businesses only ${Date.now().toString(36)}`;
const HANBIT = 'Hanbit Data (한빛데이터)';

describe.skipIf(!chromiumAvailable())(
  'the portal in a browser: an agency issues, receives, checks and revokes documents',
  () => {
    let hub: RunningHub;
    let browser: Browser;
    let challengeId: string;
    const contexts: BrowserContext[] = [];
    /** Reads state (or sets up what is not the subject) as a member, over GraphQL. */
    const { as, raw, createChallenge } = demoApi(() => hub.origin);
    const issued = (email: string) =>
      as<{
        issuedDocuments: {
          totalCount: number;
          nodes: Array<{
            id: string;
            type: string;
            status: string;
            revocationReason: string | null;
            holderOrganization: { name: string } | null;
          }>;
        };
      }>(
        email,
        '{ issuedDocuments { totalCount nodes { id type status revocationReason holderOrganization { name } } } }',
      );
    const received = () =>
      as<{
        receivedDocumentPresentations: {
          nodes: Array<{
            id: string;
            holderOrganization: { name: string };
            latestVerification: { valid: boolean; reason: string | null } | null;
          }>;
        };
      }>(
        'manager@mois.example',
        'query ($t: ID!) { receivedDocumentPresentations(targetId: $t) { nodes { id holderOrganization { name } latestVerification { valid reason } } } }',
        { t: challengeId },
      );
    const auditOf = (action: string) =>
      as<{
        auditEvents: { nodes: Array<{ outcome: string; targetId: string | null; actorOrganizationId: string | null }> };
      }>(
        'admin@maru.example',
        'query ($a: String) { auditEvents(first: 20, filter: { action: $a }) { nodes { outcome targetId actorOrganizationId } } }',
        { a: action },
      );
    const orgOf = async (email: string) =>
      (await as<{ viewer: { organization: { id: string } } }>(email, '{ viewer { organization { id } } }')).viewer
        .organization.id;
    const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');

    /** A fresh browser (its own cookies) in a language and width, signed in as a demo member, on `path`. */
    const open = async (email: string, path: string, lang: 'ko' | 'en' = 'en', width: Width = 'desktop') => {
      const { page, problems } = await openPortalPage(browser, { lang, width });
      contexts.push(page.context());
      const response = await page.request.post(`${hub.origin}/auth/demo`, { data: { email } });
      expect(response.ok()).toBe(true);
      await page.goto(`${hub.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return { page, problems };
    };
    const noHorizontalScroll = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    beforeAll(async () => {
      [hub, browser] = await Promise.all([startHub(), launchChromium()]);
      // The challenge companies present to: set up over the API, it is not this suite's subject.
      const agency = await orgOf('manager@mois.example');
      const created = await createChallenge('manager@mois.example', {
        agencyId: agency,
        title: TITLE,
        summary: 'Entrants prove their business registration',
        type: 'PROTOTYPE',
        criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
        submissionDeadline: '2031-02-01T00:00:00Z',
        evaluationEnd: '2031-03-01T00:00:00Z',
      });
      challengeId = created;
      await as('manager@mois.example', 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', {
        id: challengeId,
      });
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser?.close();
      await hub?.stop();
    });

    it('issue → the company sees and presents it → the agency checks it → revoke → the check says revoked', async () => {
      // The challenge manager says what the challenge asks for.
      const manager = await open('manager@mois.example', '/manage/documents');
      await manager.page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
      const requiredCard = manager.page
        .getByRole('list', { name: 'Required documents by challenge' })
        .getByRole('listitem')
        .filter({ has: manager.page.getByRole('heading', { name: TITLE }) });
      await requiredCard.getByText('None', { exact: true }).waitFor();
      await requiredCard.getByText('Change', { exact: true }).click();
      await requiredCard.getByLabel('Business registration proof', { exact: true }).check();
      await requiredCard.getByLabel('Business registration proof: issued within (days, optional)').fill('0');
      await requiredCard.getByRole('button', { name: 'Save required documents' }).click();
      const summary = manager.page.getByRole('alert').filter({ hasText: 'whole number of days' });
      await summary.waitFor();
      expect(
        await requiredCard
          .getByLabel('Business registration proof: issued within (days, optional)')
          .getAttribute('aria-invalid'),
      ).toBe('true');
      await requiredCard.getByLabel('Business registration proof: issued within (days, optional)').fill('90');
      await requiredCard.getByRole('button', { name: 'Save required documents' }).click();
      await requiredCard.getByRole('status').getByText(`The documents ${TITLE} asks for are saved.`).waitFor();
      await requiredCard.getByText('Business registration proof, issued within 90 days').first().waitFor();
      const challenge = await as<{ challenge: { requiredDocuments: unknown } }>(
        'manager@mois.example',
        'query ($id: ID!) { challenge(id: $id) { requiredDocuments { type maxAgeDays } } }',
        { id: challengeId },
      );
      expect(challenge.challenge.requiredDocuments).toEqual([{ type: 'business-registration', maxAgeDays: 90 }]);
      // The challenge's page says the same to those who manage it, and leads to the documents presented.
      await manager.page.goto(`${hub.origin}/challenges/${challengeId}`);
      const onChallenge = manager.page.locator('#required-documents');
      await onChallenge.getByRole('heading', { name: 'Documents entrants present' }).waitFor();
      await onChallenge.getByText('Business registration proof, issued within 90 days').waitFor();
      await onChallenge.getByRole('link', { name: 'Documents presented to our challenges' }).click();
      await manager.page.getByRole('heading', { level: 2, name: 'Documents presented to us' }).waitFor();
      await manager.page.waitForFunction(() => document.activeElement?.id === 'received');

      // The ministry issues Hanbit Data a business registration proof: first with the form's mistakes, then right.
      const before = (await issued('admin@mois.example')).issuedDocuments.totalCount;
      const issuer = await open('admin@mois.example', '/manage/documents');
      await issuer.page.getByRole('link', { name: 'Issue a document' }).click();
      await issuer.page.getByRole('heading', { level: 1, name: 'Issue a document' }).waitFor();
      await issuer.page.getByRole('button', { name: 'Issue the document' }).click();
      const problems = issuer.page.locator('.error-summary');
      await problems.getByText('Choose the kind of document.').waitFor();
      expect(await problems.evaluate((box) => box === document.activeElement)).toBe(true);
      expect(await issuer.page.getByLabel('Kind of document').getAttribute('aria-invalid')).toBe('true');
      await problems.getByRole('link', { name: 'Choose the company the document is issued to.' }).click();
      expect(await issuer.page.evaluate(() => document.activeElement?.id)).toBe('issue-holder');
      await issuer.page.getByLabel('Kind of document').selectOption({ label: 'Business registration proof' });
      await issuer.page.getByLabel('Issued to (company)').selectOption({ label: HANBIT });
      // The company's name is filled from the company chosen.
      expect(await issuer.page.getByLabel('Company name').inputValue()).toBe(HANBIT);
      await issuer.page.getByLabel('Business registration number').fill('123-45-67890');
      await issuer.page.getByRole('button', { name: 'Issue the document' }).click();
      await problems.getByText(/Enter a business registration number like 123-45-67891/).waitFor();
      expect(await issuer.page.getByLabel('Business registration number').getAttribute('aria-invalid')).toBe('true');
      expect((await issued('admin@mois.example')).issuedDocuments.totalCount).toBe(before);
      await issuer.page.getByLabel('Business registration number').fill('123-45-67891');
      await issuer.page.getByLabel('Representative').fill('Lee Hana');
      await issuer.page.getByRole('button', { name: 'Issue the document' }).click();
      await issuer.page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
      await issuer.page.getByRole('status').getByText(`Business registration proof issued to ${HANBIT}.`).waitFor();
      const after = (await issued('admin@mois.example')).issuedDocuments;
      expect(after.totalCount).toBe(before + 1);
      const proof = after.nodes[0]!;
      expect(proof).toMatchObject({
        type: 'business-registration',
        status: 'VALID',
        holderOrganization: { name: HANBIT },
      });
      const issuedCard = issuer.page
        .getByRole('list', { name: 'Documents issued by your agency' })
        .getByRole('listitem')
        .first();
      await issuedCard.getByText('Valid', { exact: true }).waitFor();
      await issuedCard.getByText(HANBIT).waitFor();
      await issuer.page.getByText(`Showing ${after.totalCount} of ${after.totalCount}.`).waitFor();

      // Hanbit Data finds it in My documents and presents it to the challenge that asks for it.
      const company = await open('admin@hanbit.example', '/my/documents');
      const held = company.page
        .getByRole('listitem')
        .filter({ has: company.page.getByRole('heading', { name: 'Business registration proof' }) })
        .first();
      await held.getByLabel('Present to a challenge that requires it').selectOption({ label: TITLE });
      await held.getByLabel(/I agree, for my organization/).check();
      await held.getByRole('button', { name: 'Present this document' }).click();
      await held.getByText('Presented (challenge eligibility)').waitFor();

      // The challenge's agency sees it received and checks it with the issuer.
      await manager.page.reload();
      const receivedList = manager.page.getByRole('list', { name: `Documents presented to ${TITLE}` });
      const presented = receivedList.getByRole('listitem').filter({ hasText: HANBIT });
      await presented.getByText('Not checked yet').waitFor();
      await presented.getByRole('button', { name: 'Check with the issuer' }).click();
      await presented.getByRole('status').getByText('Valid: the issuer confirms it').waitFor();
      await presented.getByText('123-45-67891').waitFor();
      expect((await received()).receivedDocumentPresentations.nodes).toEqual([
        expect.objectContaining({
          holderOrganization: { name: HANBIT },
          latestVerification: { valid: true, reason: null },
        }),
      ]);

      // The ministry revokes it: a reason is needed, the answers are checked, then it is done and said so.
      await issuer.page.reload();
      const toRevoke = issuer.page
        .getByRole('list', { name: 'Documents issued by your agency' })
        .getByRole('listitem')
        .first();
      await toRevoke.getByText('Revoke…').click();
      await toRevoke.getByRole('button', { name: 'Check and revoke' }).click();
      const check = toRevoke.getByRole('group', { name: 'Check and revoke' });
      await check.getByText('Revoke this document?').waitFor();
      await check.getByText('This cannot be undone: to correct it, issue a new document.').waitFor();
      await check.getByRole('button', { name: 'Yes, revoke it' }).click();
      await toRevoke.locator('.error-summary').getByText('Enter why the document is revoked.').waitFor();
      expect((await issued('admin@mois.example')).issuedDocuments.nodes[0]!.status).toBe('VALID');
      await toRevoke.getByLabel('Why is it revoked?').fill('Issued with the wrong representative');
      await toRevoke.locator('.error-summary').waitFor({ state: 'detached' });
      await check.getByText('Issued with the wrong representative').waitFor();
      await screenshot(issuer.page, 'agency-documents-revoke-check-en-1280');
      await check.getByRole('button', { name: 'Yes, revoke it' }).click();
      await issuer.page
        .getByRole('status')
        .getByText(`Business registration proof issued to ${HANBIT} is revoked.`)
        .waitFor();
      await toRevoke.getByText('Revoked', { exact: true }).waitFor();
      await toRevoke.getByText(/Issued with the wrong representative/).waitFor();
      expect((await issued('admin@mois.example')).issuedDocuments.nodes[0]).toMatchObject({
        id: proof.id,
        status: 'REVOKED',
        revocationReason: 'Issued with the wrong representative',
      });
      // The trail holds the one revocation; the attempt without a reason never left the page.
      const revokes = (await auditOf('document.revoke')).auditEvents.nodes;
      expect(revokes.filter((event) => event.targetId === rawId(proof.id))).toEqual([
        { outcome: 'SUCCESS', targetId: rawId(proof.id), actorOrganizationId: await orgOf('admin@mois.example') },
      ]);

      // The agency's next check says revoked.
      await presented.getByRole('button', { name: 'Check again' }).click();
      await presented.getByRole('status').getByText('Revoked: the issuer revoked it').waitFor();
      expect((await received()).receivedDocumentPresentations.nodes[0]!.latestVerification).toEqual({
        valid: false,
        reason: 'REVOKED',
      });
      await screenshot(manager.page, 'agency-documents-received-revoked-en-1280');
      expect([...manager.problems, ...issuer.problems, ...company.problems]).toEqual([]);
    }, 240_000);

    it('refuses other agencies and companies in people’s words, changing nothing, and the trail says so', async () => {
      const hanbit = await orgOf('admin@hanbit.example');
      const msit = await orgOf('admin@msit.example');
      const theirs = (
        await as<{ issueDocument: { document: { id: string } } }>(
          'admin@mois.example',
          'mutation ($i: IssueDocumentInput!) { issueDocument(input: $i) { document { id } } }',
          {
            i: {
              type: 'business-registration',
              holderOrganizationId: hanbit,
              input: {
                subject: {
                  businessRegistrationNumber: '123-45-67891',
                  companyName: HANBIT,
                  representativeName: 'Kang Doyoon',
                },
              },
            },
          },
        )
      ).issueDocument.document;

      // Another agency does not see the ministry's documents, and cannot revoke one.
      const other = await open('admin@msit.example', '/manage/documents', 'ko');
      await other.page.getByRole('heading', { level: 1, name: '서류 관리' }).waitFor();
      await other.page.getByText('우리 기관이 마루를 통해 발급한 서류가 아직 없습니다.').waitFor();
      expect((await issued('admin@msit.example')).issuedDocuments.totalCount).toBe(0);
      const refused = await raw(
        'admin@msit.example',
        'mutation ($id: ID!) { revokeHeldDocument(id: $id, reason: "not ours") { document { id } } }',
        { id: theirs.id },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await issued('admin@mois.example')).issuedDocuments.nodes[0]).toMatchObject({
        id: theirs.id,
        status: 'VALID',
      });
      expect((await auditOf('document.revoke')).auditEvents.nodes).toContainEqual({
        outcome: 'FORBIDDEN',
        targetId: rawId(theirs.id),
        actorOrganizationId: msit,
      });

      // An agency without access to the issuing service is told so in Korean, never with the hub's English text.
      await other.page.getByRole('link', { name: '서류 발급하기' }).click();
      await other.page.getByRole('heading', { level: 1, name: '서류 발급' }).waitFor();
      await other.page.getByLabel('서류 종류').selectOption({ label: '사업자등록증명' });
      await other.page.getByLabel('발급 대상(기업)').selectOption({ label: HANBIT });
      await other.page.getByLabel('사업자등록번호').fill('123-45-67891');
      await other.page.getByLabel('대표자 성명').fill('강도윤');
      await other.page.getByRole('button', { name: '서류 발급하기' }).click();
      const refusal = other.page.locator('.error-summary');
      await refusal.getByText(/우리 기관은 아직 서류 발급 서비스를 이용할 수 없습니다/).waitFor();
      expect(await refusal.textContent()).not.toMatch(/requestServiceAccess|Your organization has no access/);
      expect((await issued('admin@msit.example')).issuedDocuments.totalCount).toBe(0);
      expect((await auditOf('document.issue')).auditEvents.nodes).toContainEqual(
        expect.objectContaining({ outcome: 'FORBIDDEN', actorOrganizationId: msit }),
      );
      await screenshot(other.page, 'agency-documents-issue-refused-ko-1280');

      // A company member is told the page is for agencies, and where their own documents are.
      const company = await open('admin@hanbit.example', '/manage/documents', 'ko');
      await company.page.getByRole('heading', { level: 1, name: '행정기관 전용 화면입니다' }).waitFor();
      await company.page.getByRole('link', { name: '내 서류로 가기' }).click();
      await company.page.waitForURL(/\/my\/documents$/);
      const companyEn = await open('dev@hanbit.example', '/manage/documents', 'en');
      await companyEn.page.getByRole('heading', { level: 1, name: 'This page is for agencies' }).waitFor();
      expect([...other.problems, ...company.problems, ...companyEn.problems]).toEqual([]);
    }, 180_000);

    it('issues a document to a person by their id in the agency’s data', async () => {
      const issuer = await open('admin@mois.example', '/manage/documents/issue', 'ko');
      await issuer.page.getByLabel('서류 종류').selectOption({ label: '주민등록표 등본' });
      await issuer.page.getByLabel('개인(우리 기관 데이터의 정보주체 식별값으로)').check();
      await issuer.page.getByLabel('성명').fill('김하늘');
      await issuer.page.getByLabel('생년월일').fill('1990-02-30');
      await issuer.page.getByLabel('주소').fill('세종특별자치시 마루로 1');
      await issuer.page.getByRole('button', { name: '서류 발급하기' }).click();
      const problems = issuer.page.locator('.error-summary');
      await problems.getByText('정보주체 식별값을 입력하세요.').waitFor();
      await problems.getByText(/날짜를 YYYY-MM-DD 형식으로 입력하세요/).waitFor();
      expect(await issuer.page.getByLabel('생년월일').getAttribute('aria-invalid')).toBe('true');
      await issuer.page.getByRole('textbox', { name: '정보주체 식별값' }).fill('citizen-0042');
      await issuer.page.getByLabel('생년월일').fill('1990-01-31');
      await issuer.page.getByRole('button', { name: '서류 발급하기' }).click();
      await issuer.page
        .getByRole('status')
        .getByText('개인(정보주체 citizen-0042)에 주민등록표 등본을(를) 발급했습니다.')
        .waitFor();
      const person = await as<{ issuedDocuments: { nodes: Array<{ type: string; holderSubjectId: string | null }> } }>(
        'admin@mois.example',
        '{ issuedDocuments(first: 1) { nodes { type holderSubjectId } } }',
      );
      expect(person.issuedDocuments.nodes[0]).toEqual({
        type: 'residence-certificate',
        holderSubjectId: 'citizen-0042',
      });
      expect(issuer.problems).toEqual([]);
    }, 120_000);

    for (const lang of ['ko', 'en'] as const)
      for (const width of ['desktop', 'phone'] as const)
        it(`reads well in ${lang} at ${WIDTHS[width]} px: no sideways scroll, axe clean`, async () => {
          const size = WIDTHS[width];
          const screens: Array<[string, string, string]> = [
            ['admin@mois.example', '/manage/documents', 'issued'],
            ['admin@mois.example', '/manage/documents/issue', 'issue'],
            ['manager@mois.example', '/manage/documents', 'received'],
            ['admin@hanbit.example', '/manage/documents', 'agencies-only'],
          ];
          for (const [email, path, name] of screens) {
            const { page, problems } = await open(email, path, lang, width);
            if (name === 'issue') {
              // The form with its problems shown: the error summary and marked fields are part of the screen.
              await page.locator('.agency-documents__form button[type="submit"]').click();
              await page.locator('.error-summary').waitFor();
            }
            if (name === 'received') {
              await page.locator('#received').scrollIntoViewIfNeeded();
              await page.locator('.agency-documents__verdict').first().waitFor();
            }
            if (name === 'issued') await page.locator('.agency-documents__card').first().waitFor();
            expect(await noHorizontalScroll(page), `${name} scrolls sideways`).toBe(true);
            expect(await axeViolations(page), name).toEqual([]);
            await screenshot(page, `agency-documents-${name}-${lang}-${size}`);
            expect(problems, name).toEqual([]);
            await page.context().close();
          }
        }, 180_000);
  },
);
