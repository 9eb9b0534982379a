import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { graphql, startHub, type RunningHub } from './hub';
import { signInAs } from './session';

const TITLE = `Registered businesses only ${Date.now().toString(36)}`;

describe.skipIf(!chromiumAvailable())('the portal in a browser: a company presents a document once', () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let challengeId: string;
  const keys = new Map<string, string>();
  const keyOf = async (email: string) => {
    if (!keys.has(email))
      keys.set(
        email,
        (
          await graphql<{ demoLogin: { secret: string } }>(
            hub.origin,
            'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
            { e: email },
          )
        ).demoLogin.secret,
      );
    return keys.get(email)!;
  };
  const as = async <T>(email: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql<T>(hub.origin, query, variables, await keyOf(email));

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 900, height: 1000 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
    // The demo's MOIS already calls the documents service under an active grant: it issues as any consumer calls.
    const company = await as<{ viewer: { organization: { id: string } } }>(
      'admin@hanbit.example',
      '{ viewer { organization { id } } }',
    );
    await as(
      'admin@mois.example',
      'mutation ($i: IssueDocumentInput!) { issueDocument(input: $i) { document { id } } }',
      {
        i: {
          type: 'business-registration',
          holderOrganizationId: company.viewer.organization.id,
          input: {
            subject: {
              businessRegistrationNumber: '123-45-67891',
              companyName: 'Hanbit Labs',
              representativeName: 'Lee Hana',
            },
          },
        },
      },
    );
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
          summary: 'Entrants prove their business registration',
          type: 'PROTOTYPE',
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2031-02-01T00:00:00Z',
          evaluationEnd: '2031-03-01T00:00:00Z',
        },
      },
    );
    challengeId = created.createChallenge.challenge.id;
    await as('manager@mois.example', 'mutation ($id: ID!) { publishChallenge(id: $id) { challenge { id } } }', {
      id: challengeId,
    });
    await as(
      'manager@mois.example',
      'mutation ($c: ID!) { setChallengeRequiredDocuments(challengeId: $c, requiredDocuments: [{ type: "business-registration", maxAgeDays: 90 }]) { id } }',
      { c: challengeId },
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('sees its document, presents it with consent, and sees the agency’s use in the log', async () => {
    await signInAs(page, hub.origin, 'admin@hanbit.example', '/my/documents');
    await page.getByRole('heading', { level: 1, name: 'My documents' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Business registration proof' }) });
    await card.getByText('Valid').waitFor();
    await card.getByText('Not presented to anyone yet.').waitFor();

    await card.getByLabel('Present to a challenge that requires it').selectOption({ label: TITLE });
    // Without consent the hub refuses, and the page says what to fix in people's words (never the hub's message).
    await card.getByRole('button', { name: 'Present this document' }).click();
    await page
      .getByText(
        'Check who will receive the document and agree to share it; then it is presented. (DOCUMENT_CONSENT_REQUIRED)',
      )
      .waitFor();
    expect(await page.getByText(/consent: true/).count()).toBe(0);
    await card.getByLabel(/I agree, for my organization/).check();
    await card.getByRole('button', { name: 'Present this document' }).click();
    const log = card.getByRole('table', { name: 'Who used this document, when' });
    await log.getByText('Presented (challenge eligibility)').waitFor();

    // The owning agency checks it with the issuer; the company sees the check in its log.
    const received = await as<{ receivedDocumentPresentations: { nodes: Array<{ id: string }> } }>(
      'manager@mois.example',
      'query ($t: ID!) { receivedDocumentPresentations(targetId: $t) { nodes { id } } }',
      { t: challengeId },
    );
    const verified = await as<{ verifyDocumentPresentation: { valid: boolean } }>(
      'manager@mois.example',
      'mutation ($id: ID!) { verifyDocumentPresentation(id: $id) { valid } }',
      { id: received.receivedDocumentPresentations.nodes[0]!.id },
    );
    expect(verified.verifyDocumentPresentation.valid).toBe(true);
    await page.reload();
    await page.getByText('Verified with the issuer: valid').waitFor();
  }, 120_000);
});
