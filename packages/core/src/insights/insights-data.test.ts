import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';
import { expectRefused } from '../testing/expect-refused.js';

const DAY = 86_400_000;
const RECORDS = `query($id: ID!) { dataConnection(id: $id) { records(first: 5) { totalCount } } }`;
const REQUEST = `mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideDataAccess(id: $id, approve: $approve) { accessRequest { status } } }`;
const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`;
const ACCESS = `query($o: ID) { insights(organizationId: $o) { dataAccess { name reads refusedReads approvals refusals pending consentsInForce } } }`;

describe('insights: data access per connection', () => {
  let t: DataTestHub;
  beforeAll(async () => {
    t = await createDataTestHub();
    const { keys, companyA } = t.hub.fixtures;
    // Two reads served, one refused.
    await t.hub.gql(RECORDS, { id: t.ids.publicId }, keys.companyADev);
    await t.hub.gql(RECORDS, { id: t.ids.publicId }, null);
    await t.hub.gql(RECORDS, { id: t.ids.internalId }, keys.companyADev);
    // Company A's request approved, Company B's refused, a third left pending.
    const ask = async (key: string, connectionId: string, field = 'business_id') => {
      const res = await t.hub.gql(
        REQUEST,
        {
          input: {
            connectionId,
            purpose: 'Market study',
            fields: [field],
            expiresAt: new Date(t.now() + 30 * DAY).toISOString(),
          },
        },
        key,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.requestDataAccess.accessRequest.id as string;
    };
    await t.hub.gql(DECIDE, { id: await ask(keys.companyADev!, t.ids.restrictedId), approve: true }, keys.bureauAdmin);
    await t.hub.gql(DECIDE, { id: await ask(keys.companyBDev!, t.ids.restrictedId), approve: false }, keys.bureauAdmin);
    await ask(keys.companyBDev!, t.ids.internalId, 'title');
    // One consent in force, one already ended.
    for (const validUntil of [t.now() + 10 * DAY, t.now() + DAY])
      await t.hub.gql(
        CONSENT,
        {
          input: {
            connectionId: t.ids.personalId,
            subjectId: 'S1',
            requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
            purpose: 'Outreach',
            fields: ['subject_id'],
            validUntil: new Date(validUntil).toISOString(),
          },
        },
        keys.bureauAdmin,
      );
    t.advance(2 * DAY);
  });
  afterAll(() => t.hub.close());

  it('counts reads, decisions and consents in force per connection for the owning agency', async () => {
    const { keys, bureau } = t.hub.fixtures;
    const res = await t.hub.gql(ACCESS, { o: encodeGlobalId('Organization', bureau._id) }, keys.bureauManager);
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data.insights.dataAccess.map((c: { name: string }) => [c.name, c]));
    expect(byName['Public sports facilities']).toMatchObject({ reads: 2, refusedReads: 0 });
    expect(byName['Digital projects']).toMatchObject({ reads: 0, refusedReads: 1, pending: 1 });
    expect(byName['Business revenues']).toMatchObject({ approvals: 1, refusals: 1, pending: 0 });
    expect(byName['Housing benefit recipients']).toMatchObject({ consentsInForce: 1 });
  });

  it("shows a company no agency's data figures, and refuses the agency's to it", async () => {
    const { keys, companyA, bureau } = t.hub.fixtures;
    const own = await t.hub.gql(ACCESS, { o: encodeGlobalId('Organization', companyA._id) }, keys.companyADev);
    expect(own.data.insights.dataAccess).toEqual([]);
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(ACCESS, { o: encodeGlobalId('Organization', bureau._id) }, keys.companyADev),
    );
  });
});
