import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';
import type { AccessLogEntry } from './model.js';

const RECORDS = `query($id: ID!, $fields: [String!], $where: [DataRecordCondition!]) {
  dataConnection(id: $id) { records(first: 50, fields: $fields, where: $where) { totalCount nodes { key data masked } } }
}`;
const REQUEST = `mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id status fields expiresAt } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $fields: [String!]) { decideDataAccess(id: $id, approve: $approve, fields: $fields) { accessRequest { id status fields active } } }`;
const REVOKE = `mutation($id: ID!) { revokeDataAccess(id: $id) { accessRequest { status } } }`;
const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id status fields } } }`;
const REVOKE_CONSENT = `mutation($id: ID!) { revokeConsent(id: $id) { consent { status revokedBy } } }`;

const DAY = 86_400_000;
const PURPOSE = 'Youth housing support outreach';

describe('data access by classification, approval and consent', () => {
  let t: DataTestHub;
  /** Every records read this suite makes, allowed or refused: the access log must hold exactly as many entries. */
  let reads = 0;
  const read = (id: string, key: string | null, variables: Record<string, unknown> = {}) => {
    reads++;
    return t.hub.gql(RECORDS, { id, ...variables }, key);
  };
  /** The log's table, read from the hub's store: the suite's evidence, not an api of the module. */
  const accessLog = () => t.hub.store.collection<AccessLogEntry>('data_access_log');
  const logCount = () => accessLog().count({});

  beforeAll(async () => {
    t = await createDataTestHub();
  });
  afterAll(async () => {
    await t.hub.close();
  });

  it("applies each classification's rule to anonymous callers, companies, other agencies and the owner", async () => {
    const { keys } = t.hub.fixtures;
    const { publicId, internalId, restrictedId, personalId } = t.ids;
    const table: Array<[string, string, string | null, string | null]> = [
      // connection, caller, key, expected refusal code (null: allowed)
      ['PUBLIC', publicId, null, null],
      ['PUBLIC', publicId, keys.companyADev!, null],
      ['INTERNAL', internalId, null, 'UNAUTHENTICATED'],
      ['INTERNAL', internalId, keys.companyADev!, 'FORBIDDEN'],
      ['INTERNAL', internalId, keys.divisionAdmin!, null],
      ['RESTRICTED', restrictedId, null, 'UNAUTHENTICATED'],
      ['RESTRICTED', restrictedId, keys.companyADev!, 'FORBIDDEN'],
      ['RESTRICTED', restrictedId, keys.divisionAdmin!, 'FORBIDDEN'],
      ['RESTRICTED', restrictedId, keys.bureauAdmin!, null],
      ['RESTRICTED', restrictedId, keys.ministryAdmin!, null],
      ['PERSONAL', personalId, keys.companyADev!, 'FORBIDDEN'],
      ['PERSONAL', personalId, keys.bureauManager!, null],
    ].map(([label, id, key, code]) => [label!, id!, key, code] as [string, string, string | null, string | null]);
    for (const [label, id, key, code] of table) {
      if (code) {
        const res = await expectRefused(t.hub, code, () => read(id, key));
        expect(res.data?.dataConnection ?? null, label).toBeNull();
      } else {
        const res = await read(id, key);
        expect(res.errors, label).toBeUndefined();
        expect(res.data.dataConnection.records.nodes.length, label).toBeGreaterThan(0);
      }
    }
    // The owner sees personal fields of everyone: its own data.
    const owner = await read(personalId, keys.bureauAdmin!);
    expect(owner.data.dataConnection.records.nodes.map((n: any) => n.data.name)).toEqual([
      'Kim Minji',
      'Lee Jihoon',
      'Park Seoyeon',
    ]);
  });

  it('names the argument a refused access request gets wrong: input.connectionId for a PUBLIC or own connection', async () => {
    const { keys } = t.hub.fixtures;
    const ask = (connectionId: string, key: string) =>
      t.hub.gql(
        REQUEST,
        {
          input: {
            connectionId,
            purpose: 'Market study',
            fields: ['business_id'],
            expiresAt: new Date(t.now() + 2 * DAY).toISOString(),
          },
        },
        key,
      );
    for (const [id, key] of [
      [t.ids.publicId, keys.companyADev!],
      [t.ids.restrictedId, keys.bureauAdmin!],
    ] as const) {
      const res = await expectRefused(t.hub, 'BAD_USER_INPUT', () => ask(id, key));
      expect(res.errors?.[0]?.extensions?.field).toBe('input.connectionId');
    }
  });

  it('reads a RESTRICTED connection only between approval and expiry: request → approve → read → expire → refused', async () => {
    const { keys } = t.hub.fixtures;
    const id = t.ids.restrictedId;
    const requested = await t.hub.gql(
      REQUEST,
      {
        input: {
          connectionId: id,
          purpose: 'Market study',
          fields: ['business_id', 'name', 'revenue'],
          expiresAt: new Date(t.now() + 2 * DAY).toISOString(),
        },
      },
      keys.companyADev,
    );
    expect(requested.errors).toBeUndefined();
    const requestId = requested.data.requestDataAccess.accessRequest.id;
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyADev!));
    // The requester cannot approve its own request; another company cannot see it.
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(DECIDE, { id: requestId, approve: true }, keys.companyAAdmin),
    );
    await expectRefused(t.hub, 'NOT_FOUND', () =>
      t.hub.gql(DECIDE, { id: requestId, approve: true }, keys.companyBAdmin),
    );
    const approved = await t.hub.gql(
      DECIDE,
      { id: requestId, approve: true, fields: ['business_id', 'revenue'] },
      keys.bureauAdmin,
    );
    expect(approved.data.decideDataAccess.accessRequest).toMatchObject({
      status: 'APPROVED',
      fields: ['business_id', 'revenue'],
      active: true,
    });

    const ok = await read(id, keys.companyADev!);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.dataConnection.records.nodes[0]).toEqual({
      key: 'B1',
      data: { business_id: 'B1', revenue: 1200000 },
      masked: [],
    });
    // Company B has no approval of its own.
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyBDev!));
    // A field the owner did not approve, asked for or filtered on, is refused.
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyADev!, { fields: ['name'] }));
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      read(id, keys.companyADev!, { where: [{ field: 'employees', gte: 10 }] }),
    );
    const filtered = await read(id, keys.companyADev!, { where: [{ field: 'revenue', gte: 1000000 }] });
    expect(filtered.data.dataConnection.records.nodes.map((n: any) => n.key)).toEqual(['B1', 'B2']);

    t.advance(3 * DAY);
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyADev!));
    t.advance(-3 * DAY);
    // Back inside the window it works again; then the owner revokes and the next read is refused.
    expect((await read(id, keys.companyADev!)).errors).toBeUndefined();
    expect(
      (await t.hub.gql(REVOKE, { id: requestId }, keys.bureauAdmin)).data.revokeDataAccess.accessRequest.status,
    ).toBe('REVOKED');
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyADev!));
  });

  it('refuses bad access requests and decisions with codes, changing nothing', async () => {
    const { keys } = t.hub.fixtures;
    const id = t.ids.restrictedId;
    const input = (over: Record<string, unknown>) => ({
      input: {
        connectionId: id,
        purpose: 'Study',
        fields: ['name'],
        expiresAt: new Date(t.now() + DAY).toISOString(),
        ...over,
      },
    });
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(REQUEST, input({ fields: ['salary'] }), keys.companyBDev),
      'input.fields',
    );
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(REQUEST, input({ expiresAt: new Date(t.now() - DAY).toISOString() }), keys.companyBDev),
      'input.expiresAt',
    );
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(REQUEST, input({ expiresAt: new Date(t.now() + 400 * DAY).toISOString() }), keys.companyBDev),
      'input.expiresAt',
    );
    await expectRefused(t.hub, 'BAD_USER_INPUT', () =>
      t.hub.gql(REQUEST, input({ connectionId: t.ids.publicId }), keys.companyBDev),
    );
    await expectRefused(t.hub, 'BAD_USER_INPUT', () => t.hub.gql(REQUEST, input({}), keys.bureauAdmin));
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(REQUEST, input({ pluginName: '@acme/x' }), keys.companyBAdmin),
    );
    await expectRefused(t.hub, 'UNAUTHENTICATED', () => t.hub.gql(REQUEST, input({}), null));
    const pending = await t.hub.gql(REQUEST, input({}), keys.companyBDev);
    const requestId = pending.data.requestDataAccess.accessRequest.id;
    await expectRefused(t.hub, 'CONFLICT', () => t.hub.gql(REQUEST, input({}), keys.companyBDev));
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(DECIDE, { id: requestId, approve: true, fields: ['revenue'] }, keys.bureauAdmin),
      'fields',
    );
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(DECIDE, { id: requestId, approve: true }, keys.bureauManager),
    );
    expect(
      (await t.hub.gql(DECIDE, { id: requestId, approve: false }, keys.bureauAdmin)).data.decideDataAccess.accessRequest
        .status,
    ).toBe('REJECTED');
    await expectRefused(t.hub, 'CONFLICT', () => t.hub.gql(DECIDE, { id: requestId, approve: true }, keys.bureauAdmin));
    await expectRefused(t.hub, 'FORBIDDEN', () => read(id, keys.companyBDev!));
    // Incoming requests reach the owner and the agencies above it, never another organization.
    const incoming = (key: string) => t.hub.gql(`{ dataAccessRequests(direction: INCOMING) { totalCount } }`, {}, key);
    expect((await incoming(keys.bureauAdmin!)).data.dataAccessRequests.totalCount).toBe(2);
    expect((await incoming(keys.ministryAdmin!)).data.dataAccessRequests.totalCount).toBe(2);
    expect((await incoming(keys.divisionAdmin!)).data.dataAccessRequests.totalCount).toBe(0);
    expect(
      (await t.hub.gql(`{ dataAccessRequests(direction: OUTGOING) { totalCount } }`, {}, keys.companyBAdmin)).data
        .dataAccessRequests.totalCount,
    ).toBe(1);
  });

  it('shows personal fields only of subjects who consented to this requester and purpose, and stops at revocation', async () => {
    const { keys, companyA, companyB } = t.hub.fixtures;
    const id = t.ids.personalId;
    const requested = await t.hub.gql(
      REQUEST,
      {
        input: {
          connectionId: id,
          purpose: PURPOSE,
          fields: ['subject_id', 'name', 'district', 'benefit'],
          expiresAt: new Date(t.now() + 30 * DAY).toISOString(),
        },
      },
      keys.companyADev,
    );
    await t.hub.gql(DECIDE, { id: requested.data.requestDataAccess.accessRequest.id, approve: true }, keys.bureauAdmin);
    const consent = (subjectId: string, over: Record<string, unknown> = {}) =>
      t.hub.gql(
        CONSENT,
        {
          input: {
            connectionId: id,
            subjectId,
            requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
            purpose: PURPOSE,
            fields: ['subject_id', 'name'],
            validUntil: new Date(t.now() + 10 * DAY).toISOString(),
            ...over,
          },
        },
        keys.bureauAdmin,
      );
    const s1 = await consent('S1');
    expect(s1.errors).toBeUndefined();
    await consent('S2', { purpose: 'Marketing' });
    await consent('S3', { requesterOrganizationId: encodeGlobalId('Organization', companyB._id) });

    const res = await read(id, keys.companyADev!);
    expect(res.data.dataConnection.records.nodes).toEqual([
      { key: 'R1', data: { subject_id: 'S1', name: 'Kim Minji', district: 'Mapo-gu', benefit: 320000 }, masked: [] },
      {
        key: 'R2',
        data: { subject_id: null, name: null, district: 'Jongno-gu', benefit: 280000 },
        masked: ['subject_id', 'name'],
      },
      {
        key: 'R3',
        data: { subject_id: null, name: null, district: 'Mapo-gu', benefit: 300000 },
        masked: ['subject_id', 'name'],
      },
    ]);
    const entry = (await accessLog().find({}, { sort: [['seq', -1]], limit: 1 }))[0];
    expect(entry).toMatchObject({
      outcome: 'SUCCESS',
      basis: 'APPROVAL',
      purpose: PURPOSE,
      recordCount: 3,
      subjectIds: ['S1', 'S2', 'S3'],
      consentIds: [expect.any(String)],
    });
    // Matching on a personal field would reveal who is in the data.
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      read(id, keys.companyADev!, { where: [{ field: 'name', contains: 'Lee' }] }),
    );
    // A consent past its end no longer counts.
    t.advance(11 * DAY);
    expect((await read(id, keys.companyADev!)).data.dataConnection.records.nodes[0].masked).toEqual([
      'subject_id',
      'name',
    ]);
    t.advance(-11 * DAY);

    // The person revokes with their own key; the next read masks them, and they see who read their data.
    const issued = await t.hub.gql(`mutation { issueSubjectKey(subjectId: "S1") { key } }`, {}, keys.bureauAdmin);
    const subjectKey = issued.data.issueSubjectKey.key as string;
    const mine = await t.hub.gql(
      `{ dataSubject { subjectId consents { nodes { id status } } accessLog { nodes { actorKind actorOrganization { name } fields purpose subjectIds recordCount } } } }`,
      {},
      subjectKey,
    );
    expect(mine.data.dataSubject.consents.nodes).toHaveLength(1);
    expect(mine.data.dataSubject.accessLog.nodes[0]).toMatchObject({
      actorKind: 'MEMBER',
      actorOrganization: { name: 'Company A' },
      purpose: PURPOSE,
      subjectIds: ['S1'],
      recordCount: 3,
    });
    // Another person's key cannot revoke S1's consent.
    const other = (await t.hub.gql(`mutation { issueSubjectKey(subjectId: "S2") { key } }`, {}, keys.bureauAdmin)).data
      .issueSubjectKey.key;
    await expectRefused(t.hub, 'NOT_FOUND', () =>
      t.hub.gql(REVOKE_CONSENT, { id: s1.data.recordConsent.consent.id }, other),
    );
    const revoked = await t.hub.gql(REVOKE_CONSENT, { id: s1.data.recordConsent.consent.id }, subjectKey);
    expect(revoked.data.revokeConsent.consent).toEqual({ status: 'REVOKED', revokedBy: 'SUBJECT' });
    const after = await read(id, keys.companyADev!);
    expect(after.data.dataConnection.records.nodes[0]).toMatchObject({
      key: 'R1',
      data: { name: null },
      masked: ['subject_id', 'name'],
    });
  });

  it("leaves decisions on an agency's data to its own admins, and subject keys to the agency holding the person's data", async () => {
    const { keys, companyA } = t.hub.fixtures;
    const requested = await t.hub.gql(
      REQUEST,
      {
        input: {
          connectionId: t.ids.personalId,
          purpose: 'Audit',
          fields: ['district'],
          expiresAt: new Date(t.now() + DAY).toISOString(),
        },
      },
      keys.platformAdmin,
    );
    const requestId = requested.data.requestDataAccess.accessRequest.id;
    // Platform admins run the catalogue; they do not hand out an agency's data, not even to themselves.
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(DECIDE, { id: requestId, approve: true }, keys.platformAdmin),
    );
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(
        CONSENT,
        {
          input: {
            connectionId: t.ids.personalId,
            subjectId: 'S2',
            requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
            purpose: PURPOSE,
            fields: ['name'],
            validUntil: new Date(t.now() + DAY).toISOString(),
          },
        },
        keys.platformAdmin,
      ),
    );
    // The division holds no personal data about S1, so it cannot issue S1 a key into the bureau's.
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(`mutation { issueSubjectKey(subjectId: "S1") { key } }`, {}, keys.divisionAdmin),
      'subjectId',
    );
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(`mutation { issueSubjectKey(subjectId: "S1") { key } }`, {}, keys.bureauManager),
    );
    const key = (await t.hub.gql(`mutation { issueSubjectKey(subjectId: "S3") { key } }`, {}, keys.bureauAdmin)).data
      .issueSubjectKey.key;
    const seen = await t.hub.gql(
      `{ dataSubject { subjectId issuedBy { name } accessLog(first: 1) { nodes { actorMemberId actorApiKeyId actorOrganization { name } } } } }`,
      {},
      key,
    );
    expect(seen.data.dataSubject).toMatchObject({ subjectId: 'S3', issuedBy: { name: 'Bureau' } });
    // A person learns which organization read their record and why, not which employee or key.
    for (const node of seen.data.dataSubject.accessLog.nodes)
      expect(node).toMatchObject({ actorMemberId: null, actorApiKeyId: null });
    expect(
      (await t.hub.gql(`mutation { revokeSubjectKeys(subjectId: "S3") }`, {}, keys.bureauAdmin)).data.revokeSubjectKeys,
    ).toBe(1);
    await expectRefused(t.hub, 'UNAUTHENTICATED', () => t.hub.gql(`{ dataSubject { subjectId } }`, {}, key));
  });

  it('refuses consents that do not fit the connection, changing nothing', async () => {
    const { keys, companyA } = t.hub.fixtures;
    const input = (over: Record<string, unknown>) => ({
      input: {
        connectionId: t.ids.personalId,
        subjectId: 'S9',
        requesterOrganizationId: encodeGlobalId('Organization', companyA._id),
        purpose: PURPOSE,
        fields: ['name'],
        validUntil: new Date(t.now() + DAY).toISOString(),
        ...over,
      },
    });
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(CONSENT, input({ fields: ['district'] }), keys.bureauAdmin),
      'input.fields',
    );
    await expectRefused(t.hub, 'BAD_USER_INPUT', () =>
      t.hub.gql(CONSENT, input({ connectionId: t.ids.restrictedId }), keys.bureauAdmin),
    );
    await expectRefused(
      t.hub,
      'BAD_USER_INPUT',
      () => t.hub.gql(CONSENT, input({ validUntil: new Date(t.now() - DAY).toISOString() }), keys.bureauAdmin),
      'input.validUntil',
    );
    await expectRefused(t.hub, 'FORBIDDEN', () => t.hub.gql(CONSENT, input({}), keys.companyAAdmin));
    await expectRefused(t.hub, 'FORBIDDEN', () => t.hub.gql(CONSENT, input({}), keys.divisionAdmin));
    await expectRefused(t.hub, 'UNAUTHENTICATED', () =>
      t.hub.gql(`{ dataSubject { subjectId } }`, {}, 'msk_not-a-key'),
    );
  });

  it('writes one access-log entry per read, allowed or refused, in an intact chain the owner and platform admins can read', async () => {
    // A read refused after it was allowed (a cursor from nowhere) is a read too.
    reads++;
    const bad = await t.hub.gql(
      `query($id: ID!) { dataConnection(id: $id) { records(after: "garbage") { totalCount } } }`,
      { id: t.ids.publicId },
      null,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await logCount()).toBe(reads);
    const { keys } = t.hub.fixtures;
    const log = await t.hub.gql(
      `query($id: ID!) { dataConnection(id: $id) { accessLog(first: 100) { totalCount nodes { outcome actorKind } } } }`,
      { id: t.ids.restrictedId },
      keys.bureauAdmin,
    );
    const entries = log.data.dataConnection.accessLog;
    expect(entries.totalCount).toBe(await accessLog().count({ connectionId: decodeGlobalId(t.ids.restrictedId).id }));
    expect(entries.totalCount).toBeGreaterThan(5);
    expect(entries.nodes.some((n: any) => n.outcome === 'FORBIDDEN')).toBe(true);
    expect(entries.nodes.some((n: any) => n.outcome === 'SUCCESS')).toBe(true);
    await expectRefused(t.hub, 'FORBIDDEN', () =>
      t.hub.gql(
        `query($id: ID!) { dataConnection(id: $id) { accessLog { totalCount } } }`,
        { id: t.ids.restrictedId },
        keys.companyADev,
      ),
    );
    const verified = await t.hub.gql(`{ verifyDataAccessLog { ok checked } }`, {}, keys.platformAdmin);
    expect(verified.data.verifyDataAccessLog).toEqual({ ok: true, checked: reads });
  });
});
