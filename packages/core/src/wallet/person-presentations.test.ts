import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { CREATE, PERSONAL_CSV, SYNC } from '../testing/data-test-hub.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

// The documents plugin as built (`maru build` in plugins/documents), loaded as a hub loads it.
const DOCUMENTS_PLUGIN = fileURLToPath(new URL('../../../../plugins/documents/dist/plugin.js', import.meta.url));
const DAY = 86_400_000;
const PURPOSE = 'Youth housing support outreach';
const RESIDENCE = { name: 'Kim Minji', birthDate: '1990-01-01', address: 'Mapo-gu, Seoul' };

const ISSUE = `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { document { id } } }`;
const PRESENT = `mutation($i: PresentDocumentInput!) { presentDocument(input: $i) { presentation { id purpose targetId presentedById holderSubjectId recipientOrganization { name } } } }`;
const VERIFY = `mutation($id: ID!) { verifyDocumentPresentation(id: $id) { valid reason documentType content } }`;
const HELD = `{ heldDocuments { nodes { id status presentations { nodes { id purpose presentedById recipientOrganization { name } verifications { valid verifierOrganization { name } } } } } } }`;

describe('a person presents a document held for them, with their subject key, to a data access request about them', () => {
  let hub: TestHub;
  /** Company A's request to read the bureau's housing-benefit recipients; S1 consented to it, S2 did not. */
  let requestId: string;
  /** Company B's request to the same data, which no consent of S1 covers. */
  let otherRequestId: string;
  let s1Key: string;
  const ok = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const res = await hub.gql(query, variables, key);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  /** The bureau holds the person's data and issues their subject key, so it issues their documents too. */
  const issueFor = async (subjectId: string) =>
    (
      await ok(
        ISSUE,
        { i: { type: 'residence-certificate', holderSubjectId: subjectId, input: { subject: RESIDENCE } } },
        hub.fixtures.keys.bureauAdmin,
      )
    ).issueDocument.document.id as string;
  const present = (documentId: string, key: string, over: Record<string, unknown> = {}) =>
    hub.gql(
      PRESENT,
      { i: { documentId, purpose: 'DATA_ACCESS_REQUEST', targetId: requestId, consent: true, ...over } },
      key,
    );
  const refusals = (outcome: string) => storedTables(hub).auditEvents.count({ action: 'document.present', outcome });

  beforeAll(async () => {
    const importDir = await mkdtemp(join(tmpdir(), 'maru-person-documents-'));
    hub = await createTestHub({
      plugins: [{ entry: DOCUMENTS_PLUGIN, capabilities: ['kv'] }],
      pluginOptions: { allowUnsigned: true },
      data: { importDir },
    });
    const { keys, bureau, companyA, companyB } = hub.fixtures;
    await mkdir(join(importDir, bureau.slug), { recursive: true });
    await writeFile(join(importDir, bureau.slug, 'personal.csv'), PERSONAL_CSV);
    const connectionId = (
      await ok(
        CREATE,
        {
          input: {
            agencyId: encodeGlobalId('Organization', bureau._id),
            licence: 'KOGL-Type1',
            name: 'Housing benefit recipients',
            classification: 'PERSONAL',
            keyField: 'record_id',
            subjectField: 'subject_id',
            connector: { kind: 'CSV', config: { path: 'personal.csv' } },
            fields: [
              { name: 'record_id', type: 'STRING' },
              { name: 'subject_id', type: 'STRING', personal: true },
              { name: 'name', type: 'STRING', personal: true },
              { name: 'phone', type: 'STRING', personal: true },
              { name: 'district', type: 'STRING' },
              { name: 'benefit', type: 'INTEGER' },
            ],
          },
        },
        keys.bureauAdmin,
      )
    ).createDataConnection.dataConnection.id;
    expect((await ok(SYNC, { id: connectionId }, keys.bureauAdmin)).syncDataConnection.sync.status).toBe('SUCCEEDED');

    // The bureau issues documents under a grant to the documents service, as any consumer calls a service.
    const { catalogue, apiKeys } = hub.services;
    const grant = await catalogue.requestAccess(await apiKeys.authenticate(keys.bureauAdmin!), 'document-issuance', {
      purpose: 'Residence certificates',
    });
    await catalogue.decideAccess(await apiKeys.authenticate(keys.platformAdmin!), grant._id, { status: 'ACTIVE' });

    const request = async (key: string) =>
      (
        await ok(
          `mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id } } }`,
          {
            input: {
              connectionId,
              purpose: PURPOSE,
              fields: ['subject_id', 'name', 'district'],
              expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
            },
          },
          key,
        )
      ).requestDataAccess.accessRequest.id as string;
    requestId = await request(keys.companyADev!);
    otherRequestId = await request(keys.companyBAdmin!);
    await ok(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      {
        input: {
          connectionId,
          subjectId: 'S1',
          requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
          purpose: PURPOSE,
          fields: ['subject_id', 'name'],
          validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
        },
      },
      keys.bureauAdmin,
    );
    s1Key = (await ok(`mutation { issueSubjectKey(subjectId: "S1") { key } }`, {}, keys.bureauAdmin)).issueSubjectKey
      .key;
    expect(companyB.name).toBe('Company B');
  }, 60_000);
  afterAll(() => hub.close());

  it('presents with consent; the agency deciding the request verifies it; the person sees who used it when', async () => {
    const { keys } = hub.fixtures;
    const documentId = await issueFor('S1');
    const held = (await ok(HELD, {}, s1Key)).heldDocuments.nodes;
    expect(held.map((d: { id: string }) => d.id)).toEqual([documentId]);

    const presentation = (
      await ok(
        PRESENT,
        { i: { documentId, purpose: 'DATA_ACCESS_REQUEST', targetId: requestId, consent: true } },
        s1Key,
      )
    ).presentDocument.presentation;
    expect(presentation).toMatchObject({
      purpose: 'DATA_ACCESS_REQUEST',
      targetId: requestId,
      presentedById: null,
      holderSubjectId: 'S1',
      recipientOrganization: { name: 'Bureau' },
    });
    expect(await storedTables(hub).auditEvents.count({ action: 'document.present', outcome: 'SUCCESS' })).toBe(1);

    // The bureau, which decides the request, finds it and checks it with the issuer: nothing re-uploaded.
    const received = await ok(
      `query($t: ID!) { receivedDocumentPresentations(targetId: $t) { nodes { id documentType holderOrganization { name } } } }`,
      { t: requestId },
      keys.bureauAdmin,
    );
    expect(received.receivedDocumentPresentations.nodes).toEqual([
      { id: presentation.id, documentType: 'residence-certificate', holderOrganization: null },
    ]);
    const checked = (await ok(VERIFY, { id: presentation.id }, keys.bureauAdmin)).verifyDocumentPresentation;
    expect(checked).toMatchObject({ valid: true, reason: null, documentType: 'residence-certificate' });
    expect(checked.content.payload.subject.name).toBe('Kim Minji');

    // The requesting company reads neither the presentation nor the document: the bureau receives it.
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(VERIFY, { id: presentation.id }, keys.companyADev));
    const node = `query($id: ID!) { node(id: $id) { ... on DocumentPresentation { documentType } } }`;
    expect((await hub.gql(node, { id: presentation.id }, keys.companyAAdmin)).data?.node ?? null).toBeNull();
    expect((await ok(node, { id: presentation.id }, s1Key)).node).toEqual({ documentType: 'residence-certificate' });

    // The person's log: who received it, when, and the check.
    const log = (await ok(HELD, {}, s1Key)).heldDocuments.nodes[0];
    expect(log.presentations.nodes).toEqual([
      {
        id: presentation.id,
        purpose: 'DATA_ACCESS_REQUEST',
        presentedById: null,
        recipientOrganization: { name: 'Bureau' },
        verifications: [{ valid: true, verifierOrganization: { name: 'Bureau' } }],
      },
    ]);
  }, 60_000);

  it("refuses, changing nothing and auditing it: another person's document, without consent, revoked", async () => {
    const { keys } = hub.fixtures;
    const ofS2 = await issueFor('S2');
    await expectRefused(hub, 'DOCUMENT_NOT_HELD', () => present(ofS2, s1Key), 'documentId');
    expect(await refusals('DOCUMENT_NOT_HELD')).toBe(1);

    const own = await issueFor('S1');
    await expectRefused(hub, 'DOCUMENT_CONSENT_REQUIRED', () => present(own, s1Key, { consent: false }), 'consent');
    expect(await refusals('DOCUMENT_CONSENT_REQUIRED')).toBe(1);

    await ok(
      `mutation($id: ID!) { revokeHeldDocument(id: $id, reason: "issued in error") { document { status } } }`,
      { id: own },
      keys.bureauAdmin,
    );
    await expectRefused(hub, 'DOCUMENT_REVOKED', () => present(own, s1Key), 'documentId');
    expect(await refusals('DOCUMENT_REVOKED')).toBe(1);
    // A refusal by a person is on the trail (no member, no organization acting), not summarised as anonymous.
    const event = await storedTables(hub).auditEvents.findOne({
      action: 'document.present',
      outcome: 'DOCUMENT_REVOKED',
    });
    expect(event).toMatchObject({ actorMemberId: null, actorOrganizationId: null });
  }, 60_000);

  it('refuses a person presenting where no consent of theirs ties them, or to a purpose a person has none of', async () => {
    const { keys } = hub.fixtures;
    const own = (await ok(HELD, {}, s1Key)).heldDocuments.nodes.find((d: { status: string }) => d.status === 'VALID');
    // Company B's request reads nobody's personal data with S1's consent: it is not found to S1.
    await expectRefused(hub, 'NOT_FOUND', () => present(own.id, s1Key, { targetId: otherRequestId }));
    // A person enters no challenge.
    const challenges = await ok(`{ challenges(first: 1) { nodes { id } } }`, {}, keys.companyAAdmin);
    const challengeId = challenges.challenges.nodes[0]?.id ?? encodeGlobalId('Challenge', 'none');
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => present(own.id, s1Key, { purpose: 'CHALLENGE_ELIGIBILITY', targetId: challengeId }),
      'purpose',
    );
    expect(await refusals('NOT_FOUND')).toBe(1);
    expect(await refusals('BAD_USER_INPUT')).toBe(1);
  }, 60_000);
});
