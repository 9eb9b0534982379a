import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

// The documents plugin as built (`maru build` in plugins/documents), loaded as a hub loads it.
const DOCUMENTS_PLUGIN = fileURLToPath(new URL('../../../../plugins/documents/dist/plugin.js', import.meta.url));

const BUSINESS = {
  businessRegistrationNumber: '123-45-67891',
  companyName: 'Company A',
  representativeName: 'Kim Minji',
};

const ISSUE = `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { document { id type status issuedAt validUntil digest issuerPlugin } } }`;
const PRESENT = `mutation($i: PresentDocumentInput!) { presentDocument(input: $i) { presentation { id purpose targetId recipientOrganization { name } } } }`;
const VERIFY = `mutation($id: ID!) { verifyDocumentPresentation(id: $id) { valid reason message documentType issuerPlugin content } }`;
const HELD = `{ heldDocuments { nodes { id type status presentations { nodes { purpose presentedAt recipientOrganization { name } verifications { valid reason verifierOrganization { name } } } } } } }`;

describe('once-only documents: issued once, held, presented by reference, verified with the issuer', () => {
  let hub: TestHub;
  let challengeId: string;
  const ok = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const res = await hub.gql(query, variables, key);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const issue = async (holder: string, type = 'business-registration', subject: Record<string, unknown> = BUSINESS) =>
    (
      await ok(
        ISSUE,
        { i: { type, holderOrganizationId: encodeGlobalId('Organization', holder), input: { subject } } },
        hub.fixtures.keys.ministryAdmin,
      )
    ).issueDocument.document;
  const present = (documentId: string, key: string, consent = true, targetId = challengeId) =>
    hub.gql(PRESENT, { i: { documentId, purpose: 'CHALLENGE_ELIGIBILITY', targetId, consent } }, key);
  const refusalsOf = async (action: string, outcome: string) =>
    storedTables(hub).auditEvents.count({ action, outcome });

  beforeAll(async () => {
    hub = await createTestHub({
      plugins: [{ entry: DOCUMENTS_PLUGIN, capabilities: ['kv'] }],
      pluginOptions: { allowUnsigned: true },
    });
    const { catalogue, apiKeys } = hub.services;
    const { keys, bureau } = hub.fixtures;
    // The issuing agency calls the documents service under a grant, as any consumer does.
    const ministry = await apiKeys.authenticate(keys.ministryAdmin!);
    const platform = await apiKeys.authenticate(keys.platformAdmin!);
    const grant = await catalogue.requestAccess(ministry, 'document-issuance', { purpose: 'Business registration' });
    await catalogue.decideAccess(platform, grant._id, { status: 'ACTIVE' });
    const created = await ok(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Shelter finder',
          summary: 'For registered businesses',
          type: 'PROTOTYPE',
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2031-02-01T00:00:00Z',
          evaluationEnd: '2031-03-01T00:00:00Z',
        },
      },
      keys.bureauManager,
    );
    challengeId = created.createChallenge.challenge.id;
    await ok(
      `mutation($id: ID!) { publishChallenge(id: $id) { challenge { id } } }`,
      { id: challengeId },
      keys.bureauManager,
    );
    const set = await ok(
      `mutation($c: ID!, $r: [DocumentRequirementInput!]!) { setChallengeRequiredDocuments(challengeId: $c, requiredDocuments: $r) { requiredDocuments { type maxAgeDays } } }`,
      { c: challengeId, r: [{ type: 'business-registration', maxAgeDays: 90 }] },
      keys.bureauManager,
    );
    expect(set.setChallengeRequiredDocuments.requiredDocuments).toEqual([
      { type: 'business-registration', maxAgeDays: 90 },
    ]);
  }, 60_000);
  afterAll(() => hub.close());

  it('issue → hold → present with consent → the owning agency verifies → the issuer revokes → verification fails', async () => {
    const { keys, companyA } = hub.fixtures;
    expect((await ok('{ documentTypes { type plugin } }', {}, keys.companyAAdmin)).documentTypes).toEqual([
      { type: 'business-registration', plugin: '@maru/plugin-documents' },
      { type: 'residence-certificate', plugin: '@maru/plugin-documents' },
    ]);
    const document = await issue(companyA._id);
    expect(document).toMatchObject({
      type: 'business-registration',
      status: 'VALID',
      issuerPlugin: '@maru/plugin-documents',
    });
    expect(document.digest).toMatch(/^[0-9a-f]{64}$/);

    // The company sees it, and its unmet requirement, before presenting.
    expect((await ok(HELD, {}, keys.companyADev)).heldDocuments.nodes.map((d: { id: string }) => d.id)).toEqual([
      document.id,
    ]);
    const unmet = `query($id: ID!) { node(id: $id) { ... on Challenge { unmetDocumentRequirements { type } } } }`;
    expect((await ok(unmet, { id: challengeId }, keys.companyAAdmin)).node.unmetDocumentRequirements).toEqual([
      { type: 'business-registration' },
    ]);

    // Submitting before presenting is refused, and nothing is submitted: the document comes from the wallet, once.
    const draft = (
      await ok(
        `mutation($i: CreateSubmissionInput!) { createSubmission(input: $i) { submission { id } } }`,
        { i: { challengeId, title: 'Shelters near you', proposal: 'A map of shelters.', teamSize: 2 } },
        keys.companyAAdmin,
      )
    ).createSubmission.submission.id;
    const SUBMIT = `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`;
    const refusedSubmit = await expectRefused(hub, 'DOCUMENT_REQUIRED', () =>
      hub.gql(SUBMIT, { id: draft }, keys.companyAAdmin),
    );
    expect(await refusalsOf('submission.submit', 'DOCUMENT_REQUIRED')).toBe(1);
    expect(refusedSubmit.errors?.[0]?.extensions).toMatchObject({ documentTypes: ['business-registration'] });
    expect(refusedSubmit.errors?.[0]?.message).toContain('business-registration (issued within 90 days)');

    const presented = await present(document.id, keys.companyAAdmin!);
    expect(presented.errors).toBeUndefined();
    const presentation = presented.data.presentDocument.presentation;
    expect(presentation).toMatchObject({
      purpose: 'CHALLENGE_ELIGIBILITY',
      targetId: challengeId,
      recipientOrganization: { name: 'Bureau' },
    });
    expect((await ok(unmet, { id: challengeId }, keys.companyAAdmin)).node.unmetDocumentRequirements).toEqual([]);
    expect((await ok(SUBMIT, { id: draft }, keys.companyAAdmin)).submitSubmission.submission.status).toBe('SUBMITTED');

    // The owning agency sees what was presented to its challenge and checks it with the issuer: nothing re-uploaded.
    const received = await ok(
      `query($t: ID!) { receivedDocumentPresentations(targetId: $t) { nodes { id documentType holderOrganization { name } } } }`,
      { t: challengeId },
      keys.bureauManager,
    );
    expect(received.receivedDocumentPresentations.nodes).toEqual([
      { id: presentation.id, documentType: 'business-registration', holderOrganization: { name: 'Company A' } },
    ]);
    const valid = (await ok(VERIFY, { id: presentation.id }, keys.bureauManager)).verifyDocumentPresentation;
    expect(valid).toMatchObject({ valid: true, reason: null, documentType: 'business-registration' });
    expect(valid.content.payload.subject.companyName).toBe('Company A');

    // The issuer revokes it; the agency's next check fails, and the company can no longer present it.
    const revoked = await ok(
      `mutation($id: ID!) { revokeHeldDocument(id: $id, reason: "issued in error") { document { status revocationReason } } }`,
      { id: document.id },
      keys.ministryAdmin,
    );
    expect(revoked.revokeHeldDocument.document).toEqual({ status: 'REVOKED', revocationReason: 'issued in error' });
    const failed = (await ok(VERIFY, { id: presentation.id }, keys.bureauManager)).verifyDocumentPresentation;
    expect(failed).toMatchObject({ valid: false, reason: 'REVOKED' });
    expect(failed.message).toContain('issued in error');

    // The holder's log: who received it, when, and each check with its answer.
    const log = (await ok(HELD, {}, keys.companyAAdmin)).heldDocuments.nodes[0];
    expect(log.status).toBe('REVOKED');
    expect(log.presentations.nodes).toEqual([
      expect.objectContaining({
        purpose: 'CHALLENGE_ELIGIBILITY',
        recipientOrganization: { name: 'Bureau' },
        verifications: [
          { valid: false, reason: 'REVOKED', verifierOrganization: { name: 'Bureau' } },
          { valid: true, reason: null, verifierOrganization: { name: 'Bureau' } },
        ],
      }),
    ]);
  }, 60_000);

  it('refuses, changing nothing and auditing it: a document one does not hold, without consent, revoked, of the wrong type', async () => {
    const { keys, companyA, companyB } = hub.fixtures;
    const ofB = await issue(companyB._id, 'business-registration', { ...BUSINESS, companyName: 'Company B' });
    await expectRefused(hub, 'DOCUMENT_NOT_HELD', () => present(ofB.id, keys.companyAAdmin!), 'documentId');
    expect(await refusalsOf('document.present', 'DOCUMENT_NOT_HELD')).toBe(1);

    await expectRefused(hub, 'DOCUMENT_CONSENT_REQUIRED', () => present(ofB.id, keys.companyBAdmin!, false), 'consent');
    expect(await refusalsOf('document.present', 'DOCUMENT_CONSENT_REQUIRED')).toBe(1);

    const revoked = (await ok(HELD, {}, keys.companyAAdmin)).heldDocuments.nodes.find(
      (d: { status: string }) => d.status === 'REVOKED',
    );
    await expectRefused(hub, 'DOCUMENT_REVOKED', () => present(revoked.id, keys.companyAAdmin!), 'documentId');
    expect(await refusalsOf('document.present', 'DOCUMENT_REVOKED')).toBe(1);

    const residence = await issue(companyA._id, 'residence-certificate', {
      name: 'Kim Minji',
      birthDate: '1990-01-01',
      address: 'Sejong',
    });
    await expectRefused(hub, 'DOCUMENT_WRONG_TYPE', () => present(residence.id, keys.companyAAdmin!), 'documentId');
    expect(await refusalsOf('document.present', 'DOCUMENT_WRONG_TYPE')).toBe(1);

    // A revocation without a reason is bad input on `reason` (it was an INTERNAL error), and the document stays valid.
    const REVOKE = `mutation($id: ID!, $r: String!) { revokeHeldDocument(id: $id, reason: $r) { document { status } } }`;
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(REVOKE, { id: residence.id, r: '  ' }, keys.ministryAdmin),
      'reason',
    );
    expect(await refusalsOf('document.revoke', 'BAD_USER_INPUT')).toBe(1);
    const held = (await ok(HELD, {}, keys.companyAAdmin)).heldDocuments.nodes.find(
      (d: { id: string }) => d.id === residence.id,
    );
    expect(held.status).toBe('VALID');
  }, 60_000);

  it('refuses another agency reading or verifying a presentation, and the holder’s other organization presenting', async () => {
    const { keys, companyB } = hub.fixtures;
    const ofB = (await ok(HELD, {}, keys.companyBAdmin)).heldDocuments.nodes[0];
    const presented = await present(ofB.id, keys.companyBAdmin!);
    const id = presented.data.presentDocument.presentation.id;
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(VERIFY, { id }, keys.ministryAdmin));
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(VERIFY, { id }, keys.companyAAdmin));
    expect(await refusalsOf('document.verify', 'FORBIDDEN')).toBe(2);
    const read = await hub.gql(
      `query($id: ID!) { node(id: $id) { ... on DocumentPresentation { documentType } } }`,
      { id },
      keys.divisionAdmin,
    );
    expect(read.data?.node ?? null).toBeNull();
    const list = await hub.gql(
      `query($t: ID!) { receivedDocumentPresentations(targetId: $t) { nodes { id } } }`,
      { t: challengeId },
      keys.ministryAdmin,
    );
    expect(list.data.receivedDocumentPresentations.nodes).toEqual([]);
    expect(companyB.name).toBe('Company B');
  }, 60_000);
});
