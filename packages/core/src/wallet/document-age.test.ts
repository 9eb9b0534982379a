import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

const DOCUMENTS_PLUGIN = fileURLToPath(new URL('../../../../plugins/documents/dist/plugin.js', import.meta.url));
const DAY = 86_400_000;

describe('once-only documents: time runs out', () => {
  let hub: TestHub;
  let now = Date.now();
  let challengeId: string;
  const gql = (q: string, v: Record<string, unknown>, key: string) => hub.gql(q, v, key);

  beforeAll(async () => {
    // The hub's clock moves; the plugin signs with the real one, so documents are issued "now" and age as it moves.
    hub = await createTestHub({
      clock: () => now,
      plugins: [{ entry: DOCUMENTS_PLUGIN, capabilities: ['kv'] }],
      pluginOptions: { allowUnsigned: true },
    });
    const { catalogue, apiKeys } = hub.services;
    const { keys, bureau } = hub.fixtures;
    const ministry = await apiKeys.authenticate(keys.ministryAdmin!);
    const grant = await catalogue.requestAccess(ministry, 'document-issuance', { purpose: 'Proofs' });
    await catalogue.decideAccess(await apiKeys.authenticate(keys.platformAdmin!), grant._id, { status: 'ACTIVE' });
    const created = await gql(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: encodeGlobalId('Organization', bureau._id),
          title: 'Fresh proofs only',
          summary: 'Issued within a week',
          type: 'PROTOTYPE',
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: '2031-02-01T00:00:00Z',
          evaluationEnd: '2031-03-01T00:00:00Z',
        },
      },
      keys.bureauManager!,
    );
    challengeId = created.data.createChallenge.challenge.id;
    await gql(
      `mutation($id: ID!) { publishChallenge(id: $id) { challenge { id } } }`,
      { id: challengeId },
      keys.bureauManager!,
    );
    await gql(
      `mutation($c: ID!) { setChallengeRequiredDocuments(challengeId: $c, requiredDocuments: [{ type: "business-registration", maxAgeDays: 7 }]) { id } }`,
      { c: challengeId },
      keys.bureauManager!,
    );
  }, 60_000);
  afterAll(() => hub.close());

  const issue = async (validityDays: number) =>
    (
      await gql(
        `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { document { id } } }`,
        {
          i: {
            type: 'business-registration',
            holderOrganizationId: encodeGlobalId('Organization', hub.fixtures.companyA._id),
            input: {
              validityDays,
              subject: { businessRegistrationNumber: '123-45-67891', companyName: 'A', representativeName: 'Kim' },
            },
          },
        },
        hub.fixtures.keys.ministryAdmin!,
      )
    ).data.issueDocument.document.id as string;
  const present = (documentId: string) =>
    gql(
      `mutation($i: PresentDocumentInput!) { presentDocument(input: $i) { presentation { id } } }`,
      { i: { documentId, purpose: 'CHALLENGE_ELIGIBILITY', targetId: challengeId, consent: true } },
      hub.fixtures.keys.companyAAdmin!,
    );

  it('refuses an expired document and one issued longer ago than the challenge allows, auditing each', async () => {
    const shortLived = await issue(1);
    const longLived = await issue(90);
    now += 8 * DAY;
    await expectRefused(hub, 'DOCUMENT_EXPIRED', () => present(shortLived), 'documentId');
    await expectRefused(hub, 'DOCUMENT_TOO_OLD', () => present(longLived), 'documentId');
    const outcomes = await storedTables(hub).auditEvents.find({ action: 'document.present' });
    expect(outcomes.map((e) => e.outcome).sort()).toEqual(['DOCUMENT_EXPIRED', 'DOCUMENT_TOO_OLD']);
  }, 60_000);
});
