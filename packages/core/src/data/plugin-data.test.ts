import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { CREATE, PERSONAL_CSV, PUBLIC_CSV, RESTRICTED_CSV, SYNC } from '../testing/data-test-hub.js';
import type { AccessLogEntry } from './model.js';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFixture } from '../plugins/fixtures/bundle-fixture.js';

const fixture = (name: string) => bundledFixture(name);
const PLUGIN = '@maru-test/data-reader';
const PURPOSE = 'Benefit eligibility check';

describe('plugins and data: reads through ctx.data, and plugin connectors', () => {
  let hub: TestHub;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const importDir = await mkdtemp(join(tmpdir(), 'maru-plugin-data-'));
    await mkdir(join(importDir, 'bureau'), { recursive: true });
    await writeFile(join(importDir, 'bureau', 'public.csv'), PUBLIC_CSV);
    await writeFile(join(importDir, 'bureau', 'restricted.csv'), RESTRICTED_CSV);
    await writeFile(join(importDir, 'bureau', 'personal.csv'), PERSONAL_CSV);
    hub = await createTestHub({
      data: { importDir },
      plugins: [
        { entry: fixture('data-reader-plugin.mjs'), capabilities: ['data:read'] },
        { entry: fixture('connector-plugin.mjs') },
      ],
      pluginOptions: { deadlineMs: 2_000, allowUnsigned: true },
    });
    const { keys, bureau } = hub.fixtures;
    const create = async (name: string, input: Record<string, unknown>) => {
      const res = await hub.gql(
        CREATE,
        { input: { agencyId: encodeGlobalId('Organization', bureau._id), name, licence: 'KOGL-Type1', ...input } },
        keys.bureauAdmin,
      );
      ids[name] = res.data.createDataConnection.dataConnection.id;
      expect((await hub.gql(SYNC, { id: ids[name] }, keys.bureauAdmin)).data.syncDataConnection.sync.status).toBe(
        'SUCCEEDED',
      );
    };
    await create('public', {
      classification: 'PUBLIC',
      keyField: 'facility_id',
      connector: { kind: 'CSV', config: { path: 'public.csv' } },
    });
    await create('restricted', {
      classification: 'RESTRICTED',
      keyField: 'business_id',
      connector: { kind: 'CSV', config: { path: 'restricted.csv' } },
    });
    await create('personal', {
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
    });
    // Company A may call the plugin's service.
    const requested = await hub.gql(
      'mutation { requestServiceAccess(service: "data-reader", purpose: "Testing") { grant { id } } }',
      {},
      keys.companyAAdmin,
    );
    await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { status } } }',
      { id: requested.data.requestServiceAccess.grant.id },
      keys.platformAdmin,
    );
  });
  afterAll(() => hub.close());

  const call = (operation: string, input: Record<string, unknown>) =>
    hub.gql(
      `query($o: String!, $i: JSON) { serviceQuery(service: "data-reader", operation: $o, input: $i) }`,
      { o: operation, i: input },
      hub.fixtures.keys.companyADev,
    );
  /** The access log's table, read from the hub's store as evidence. */
  const accessLog = () => hub.store.collection<AccessLogEntry>('data_access_log');
  const lastEntry = async () => (await accessLog().find({}, { sort: [['seq', -1]], limit: 1 }))[0]!;

  it('reads a PUBLIC connection through ctx.data, logged with the plugin and its caller', async () => {
    const res = await call('read', { id: ids.public, fields: ['facility_id', 'name'], limit: 2 });
    expect(res.errors).toBeUndefined();
    expect(res.data.serviceQuery.rows).toEqual([
      { facility_id: 'F1', name: 'Mapo Sports Center' },
      { facility_id: 'F2', name: 'Jongno Library' },
    ]);
    expect(await lastEntry()).toMatchObject({
      actorKind: 'PLUGIN',
      actorPluginName: PLUGIN,
      actorOrganizationId: hub.fixtures.companyA._id,
      channel: 'plugin',
      recordCount: 2,
      outcome: 'SUCCESS',
      basis: 'PUBLIC',
    });
  });

  it('refuses a RESTRICTED read without an approval for the plugin, logs it, then reads under one', async () => {
    const before = await accessLog().count({});
    const refused = await expectRefused(hub, 'CAPABILITY_DENIED', () => call('read', { id: ids.restricted }));
    expect(refused.errors?.[0]?.message).not.toMatch(/at .*\.ts/);
    expect(await accessLog().count({})).toBe(before + 1);
    expect(await lastEntry()).toMatchObject({ actorKind: 'PLUGIN', outcome: 'FORBIDDEN', recordCount: 0 });
    // The plugin sees why, if it catches the refusal.
    expect((await call('readCaught', { id: ids.restricted })).data.serviceQuery.error).toMatch(
      /approved access request/,
    );

    const { keys } = hub.fixtures;
    const requested = await hub.gql(
      'mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id } } }',
      {
        input: {
          connectionId: ids.restricted,
          purpose: PURPOSE,
          fields: ['business_id', 'revenue'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          pluginName: PLUGIN,
        },
      },
      keys.platformAdmin,
    );
    await hub.gql(
      'mutation($id: ID!) { decideDataAccess(id: $id, approve: true) { accessRequest { status } } }',
      { id: requested.data.requestDataAccess.accessRequest.id },
      keys.bureauAdmin,
    );
    const ok = await call('read', { id: ids.restricted, purpose: PURPOSE });
    expect(ok.data.serviceQuery.rows[0]).toEqual({ business_id: 'B1', revenue: 1200000 });
    // Company A itself still has no approval: the plugin's is the plugin's.
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        'query($id: ID!) { dataConnection(id: $id) { records { totalCount } } }',
        { id: ids.restricted },
        keys.companyADev,
      ),
    );
    // Another purpose than the approval's is refused.
    await expectRefused(hub, 'CAPABILITY_DENIED', () => call('read', { id: ids.restricted, purpose: 'Marketing' }));
  });

  it('leaves out personal fields of subjects who did not consent to the plugin', async () => {
    const { keys } = hub.fixtures;
    const requested = await hub.gql(
      'mutation($input: RequestDataAccessInput!) { requestDataAccess(input: $input) { accessRequest { id } } }',
      {
        input: {
          connectionId: ids.personal,
          purpose: PURPOSE,
          fields: ['subject_id', 'name', 'benefit'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          pluginName: PLUGIN,
        },
      },
      keys.platformAdmin,
    );
    await hub.gql(
      'mutation($id: ID!) { decideDataAccess(id: $id, approve: true) { accessRequest { status } } }',
      { id: requested.data.requestDataAccess.accessRequest.id },
      keys.bureauAdmin,
    );
    await hub.gql(
      'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }',
      {
        input: {
          connectionId: ids.personal,
          subjectId: 'S2',
          requesterPlugin: PLUGIN,
          purpose: PURPOSE,
          fields: ['subject_id', 'name'],
          validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      keys.bureauAdmin,
    );
    const res = await call('read', { id: ids.personal });
    expect(res.data.serviceQuery.rows).toEqual([
      { benefit: 320000 },
      { subject_id: 'S2', name: 'Lee Jihoon', benefit: 280000 },
      { benefit: 300000 },
    ]);
    expect(await lastEntry()).toMatchObject({
      actorKind: 'PLUGIN',
      subjectIds: ['S1', 'S2', 'S3'],
      recordCount: 3,
      basis: 'APPROVAL',
    });
  });

  it('refuses every read once the data:read capability is taken away, before the reader runs', async () => {
    const before = await accessLog().count({});
    const revoked = await hub.gql(
      'mutation($n: String!) { setPluginCapabilities(name: $n, capabilities: []) { grantedCapabilities } }',
      { n: PLUGIN },
      hub.fixtures.keys.platformAdmin,
    );
    expect(revoked.errors).toBeUndefined();
    await expectRefused(hub, 'CAPABILITY_DENIED', () => call('read', { id: ids.public }));
    expect(await accessLog().count({})).toBe(before);
    await hub.gql(
      'mutation($n: String!) { setPluginCapabilities(name: $n, capabilities: ["data:read"]) { grantedCapabilities } }',
      { n: PLUGIN },
      hub.fixtures.keys.platformAdmin,
    );
  });

  it("syncs a connection from a plugin's connector, and refuses an undeclared one", async () => {
    const { keys, bureau } = hub.fixtures;
    const input = (connector: string, config: unknown) => ({
      input: {
        agencyId: encodeGlobalId('Organization', bureau._id),
        name: `Plugin ${connector}`,
        licence: 'CC-BY-4.0',
        classification: 'PUBLIC',
        keyField: 'n',
        connector: { kind: 'PLUGIN', config: { plugin: '@maru-test/connectors', connector, config } },
      },
    });
    await expectRefused(hub, 'BAD_USER_INPUT', () => hub.gql(CREATE, input('nope', {}), keys.bureauAdmin));
    await expectRefused(hub, 'BAD_USER_INPUT', () =>
      hub.gql(CREATE, input('numbers', { count: 'many' }), keys.bureauAdmin),
    );
    const created = await hub.gql(CREATE, input('numbers', { count: 2500, label: '번호' }), keys.bureauAdmin);
    const id = created.data.createDataConnection.dataConnection.id;
    const synced = await hub.gql(SYNC, { id }, keys.bureauAdmin);
    expect(synced.data.syncDataConnection.sync).toMatchObject({ status: 'SUCCEEDED', read: 2500, inserted: 2500 });
    const stored = await hub.services.data.connections.get(decodeGlobalId(id).id);
    expect(stored).toMatchObject({
      recordCount: 2500,
      fields: [
        { name: 'n', type: 'INTEGER' },
        { name: 'label', type: 'STRING' },
      ],
    });
  });
});
