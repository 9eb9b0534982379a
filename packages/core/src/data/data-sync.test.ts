import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { CREATE, SYNC } from '../testing/data-test-hub.js';
import type { DataConnection, DataRecord } from './model.js';

const CONNECTION = `query($id: ID!) { dataConnection(id: $id) { status lastError recordCount nextSyncAt fields { name type } records(first: 50) { nodes { key data } } } }`;

describe('data syncs', () => {
  let hub: TestHub;
  let importDir: string;
  let server: Server;
  let origin: string;
  let offset = 0;
  let respond: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('[]');
  let seenRequests = 0;
  let agencyId: string;

  beforeAll(async () => {
    const importRoot = await mkdtemp(join(tmpdir(), 'maru-sync-test-'));
    // The bureau's own import folder; the division has its own beside it.
    importDir = join(importRoot, 'bureau');
    await mkdir(importDir, { recursive: true });
    server = createServer((req, res) => {
      seenRequests++;
      respond(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hub = await createTestHub({
      clock: () => Date.now() + offset,
      data: {
        importDir: importRoot,
        allowedHosts: ['127.0.0.1'],
        secrets: { STOPS_TOKEN: 'token-123', OTHER_TOKEN: 'other', DIVISION_TOKEN: 'division-secret' },
        secretAgencies: { STOPS_TOKEN: ['bureau'], DIVISION_TOKEN: ['division'] },
        sync: { retryBaseMs: 60_000 },
      },
    });
    agencyId = encodeGlobalId('Organization', hub.fixtures.bureau._id);
  });
  afterAll(async () => {
    await hub.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const create = async (input: Record<string, unknown>) => {
    const res = await hub.gql(
      CREATE,
      { input: { agencyId, licence: 'KOGL-Type1', classification: 'PUBLIC', ...input } },
      hub.fixtures.keys.bureauAdmin,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createDataConnection.dataConnection.id as string;
  };
  const sync = async (id: string) =>
    (await hub.gql(SYNC, { id }, hub.fixtures.keys.bureauAdmin)).data.syncDataConnection.sync;
  const read = async (id: string) =>
    (await hub.gql(CONNECTION, { id }, hub.fixtures.keys.bureauAdmin)).data.dataConnection;

  it('infers the schema on the first sync, reports bad rows by line and lands the good ones', async () => {
    await writeFile(
      join(importDir, 'facilities.csv'),
      [
        'facility_id,name,capacity,opened',
        'F1,마포 체육센터,300,2015-03-01',
        'F2,종로 도서관,120,2009-11-20',
        'F3,broken row',
        'F4,강남 수영장,eighty,2018-06-15',
        ',no key,10,2020-01-01',
        'F5,서초 공원,45,2021-04-30',
      ].join('\n'),
    );
    const id = await create({
      name: 'Facilities',
      keyField: 'facility_id',
      connector: { kind: 'CSV', config: { path: 'facilities.csv' } },
    });
    // Inference sees every sampled row: "eighty" makes capacity a STRING (declare fields to check types instead).
    const s = await sync(id);
    expect(s).toMatchObject({ status: 'PARTIAL', read: 6, inserted: 4, rejected: 2 });
    expect(s.problems.map((p: { position: string }) => p.position)).toEqual(['line 4', 'line 6']);
    const connection = await read(id);
    expect(connection.fields).toEqual([
      { name: 'facility_id', type: 'STRING' },
      { name: 'name', type: 'STRING' },
      { name: 'capacity', type: 'STRING' },
      { name: 'opened', type: 'DATE' },
    ]);
    expect(connection.records.nodes.map((n: { key: string }) => n.key)).toEqual(['F1', 'F2', 'F4', 'F5']);
  });

  it('checks records against declared types, and re-syncs by key without duplicates, removing rows gone from a clean source', async () => {
    const path = join(importDir, 'stops.csv');
    await writeFile(path, 'stop_id,name,routes\nS1,서울역,12\nS2,시청,x\nS3,광화문,7\n');
    const id = await create({
      name: 'Bus stops',
      keyField: 'stop_id',
      fields: [
        { name: 'stop_id', type: 'STRING' },
        { name: 'name', type: 'STRING' },
        { name: 'routes', type: 'INTEGER' },
      ],
      connector: { kind: 'CSV', config: { path: 'stops.csv' } },
    });
    const first = await sync(id);
    expect(first).toMatchObject({
      status: 'PARTIAL',
      inserted: 2,
      rejected: 1,
      problems: [{ position: 'line 3', reason: 'routes: "x" is not an INTEGER' }],
    });
    await writeFile(path, 'stop_id,name,routes\nS1,서울역,13\nS2,시청,4\nS3,광화문,7\n');
    expect(await sync(id)).toMatchObject({
      status: 'SUCCEEDED',
      read: 3,
      inserted: 1,
      updated: 2,
      removed: 0,
      rejected: 0,
    });
    expect((await read(id)).recordCount).toBe(3);
    await writeFile(path, 'stop_id,name,routes\nS1,서울역,13\nS3,광화문,8\n');
    expect(await sync(id)).toMatchObject({ status: 'SUCCEEDED', inserted: 0, updated: 2, removed: 1 });
    const after = await read(id);
    expect(after.recordCount).toBe(2);
    expect(after.records.nodes).toEqual([
      { key: 'S1', data: { stop_id: 'S1', name: '서울역', routes: 13 } },
      { key: 'S3', data: { stop_id: 'S3', name: '광화문', routes: 8 } },
    ]);
  });

  it('syncs JSON over HTTP with an auth header from a secret, retries a failing source with backoff, and recovers', async () => {
    let healthy = true;
    const seen: string[] = [];
    respond = (req, res) => {
      seen.push(String(req.headers.authorization));
      if (!healthy) return void res.writeHead(500).end('down');
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          response: {
            body: {
              items: [{ id: 1, name: '정류소 A', lat: 37.5 }, { id: 2, name: '정류소 B', lat: 37.6 }, 'not a record'],
            },
          },
        }),
      );
    };
    const id = await create({
      name: 'Stops API',
      keyField: 'id',
      refreshMinutes: 60,
      connector: {
        kind: 'HTTP_JSON',
        config: {
          url: `${origin}/stops?page=1`,
          recordsPath: 'response.body.items',
          authHeader: { name: 'Authorization', secret: 'STOPS_TOKEN' },
        },
      },
    });
    expect(await sync(id)).toMatchObject({
      status: 'PARTIAL',
      inserted: 2,
      rejected: 1,
      problems: [{ position: 'index 2' }],
    });
    expect(seen).toEqual(['token-123']);
    const raw = decodeGlobalId(id).id;
    const stored = () => hub.services.data.connections.get(raw);
    expect(Date.parse((await stored())!.nextSyncAt!) - (Date.now() + offset)).toBeGreaterThan(59 * 60_000);

    healthy = false;
    expect(await sync(id)).toMatchObject({ status: 'FAILED', error: expect.stringContaining('HTTP 500') });
    let connection = (await stored())!;
    expect(connection).toMatchObject({ status: 'FAILING', failures: 1, recordCount: 2 });
    expect(connection.lastError).toContain('HTTP 500');
    expect(connection.lastError).not.toContain('page=1');
    // Others see that it fails, not the internal address it fails on.
    expect(
      (
        await hub.gql(
          `query($id: ID!) { dataConnection(id: $id) { status lastError } }`,
          { id },
          hub.fixtures.keys.companyADev,
        )
      ).data.dataConnection,
    ).toEqual({ status: 'FAILING', lastError: null });
    const firstRetry = Date.parse(connection.nextSyncAt!) - (Date.now() + offset);
    expect(firstRetry).toBeGreaterThan(50_000);
    expect(firstRetry).toBeLessThanOrEqual(60_000);
    // Not due yet: the scheduler leaves it alone.
    expect(await hub.services.data.syncs.runDue()).toBe(0);
    offset += 61_000;
    expect(await hub.services.data.syncs.runDue()).toBe(1);
    connection = (await stored())!;
    expect(connection.failures).toBe(2);
    const secondRetry = Date.parse(connection.nextSyncAt!) - (Date.now() + offset);
    expect(secondRetry).toBeGreaterThan(110_000);
    // Records of the last good sync stay readable while the source is down.
    expect((await read(id)).records.nodes).toHaveLength(2);

    healthy = true;
    offset += 121_000;
    expect(await hub.services.data.syncs.runDue()).toBe(1);
    expect(await stored()).toMatchObject({ status: 'ACTIVE', failures: 0, lastError: null });
  });

  it('syncs an uploaded CSV file (GraphQL multipart request)', async () => {
    const id = await create({
      name: 'Uploaded businesses',
      keyField: 'business_no',
      connector: { kind: 'CSV', config: { path: 'facilities.csv' } },
    });
    const body = new FormData();
    body.set(
      'operations',
      JSON.stringify({
        query:
          'mutation($id: ID!, $file: File!) { uploadDataFile(id: $id, file: $file, wait: true) { sync { trigger status inserted } } }',
        variables: { id, file: null },
      }),
    );
    body.set('map', JSON.stringify({ 0: ['variables.file'] }));
    body.set(
      '0',
      new Blob(['business_no,name,employees\n101-81-00001,한빛식품,12\n101-81-00002,새벽물류,48\n'], {
        type: 'text/csv',
      }),
      'businesses.csv',
    );
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.fixtures.keys.bureauAdmin}` },
      body,
    });
    const res = (await response.json()) as { data: any; errors?: unknown };
    expect(res.errors).toBeUndefined();
    expect(res.data.uploadDataFile.sync).toEqual({ trigger: 'UPLOAD', status: 'SUCCEEDED', inserted: 2 });
    expect((await read(id)).records.nodes.map((n: { data: { name: string } }) => n.data.name)).toEqual([
      '한빛식품',
      '새벽물류',
    ]);
  });

  it('runs scheduled syncs when they are due', async () => {
    await writeFile(join(importDir, 'scheduled.csv'), 'k,v\na,1\n');
    const id = await create({
      name: 'Scheduled',
      keyField: 'k',
      refreshMinutes: 5,
      connector: { kind: 'CSV', config: { path: 'scheduled.csv' } },
    });
    // New connections are due at once.
    await hub.services.data.syncs.runDue(50);
    expect((await read(id)).recordCount).toBe(1);
    await writeFile(join(importDir, 'scheduled.csv'), 'k,v\na,1\nb,2\n');
    await hub.services.data.syncs.runDue(50);
    expect((await read(id)).recordCount).toBe(1);
    offset += 6 * 60_000;
    await hub.services.data.syncs.runDue(50);
    expect((await read(id)).recordCount).toBe(2);
  });

  it('refuses bad connections and syncs by others with codes, changing nothing', async () => {
    const { keys } = hub.fixtures;
    const input = (over: Record<string, unknown>) => ({
      input: {
        agencyId,
        name: 'X',
        licence: 'CC-BY-4.0',
        classification: 'PUBLIC',
        keyField: 'id',
        connector: { kind: 'CSV', config: { path: 'x.csv' } },
        ...over,
      },
    });
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(CREATE, input({ classification: 'PERSONAL' }), keys.bureauAdmin),
      'input.fields',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(CREATE, input({ fields: [{ name: 'id', type: 'STRING', personal: true }] }), keys.bureauAdmin),
      'input.classification',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(CREATE, input({ fields: [{ name: 'bad name', type: 'STRING' }] }), keys.bureauAdmin),
      'input.fields.0.name',
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () => hub.gql(CREATE, input({ fields: [{ name: '__proto__', type: 'STRING' }] }), keys.bureauAdmin),
      'input.fields.0.name',
    );
    // A personal key would show every reader who is in the data.
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          CREATE,
          input({
            classification: 'PERSONAL',
            keyField: 'id',
            subjectField: 'id',
            fields: [{ name: 'id', type: 'STRING', personal: true }],
          }),
          keys.bureauAdmin,
        ),
      'input.keyField',
    );
    await expectRefused(hub, 'BAD_USER_INPUT', () =>
      hub.gql(CREATE, input({ connector: { kind: 'CSV', config: { path: '../../etc/passwd' } } }), keys.bureauAdmin),
    );
    await expectRefused(hub, 'BAD_USER_INPUT', () =>
      hub.gql(
        CREATE,
        input({ connector: { kind: 'HTTP_JSON', config: { url: 'file:///etc/passwd' } } }),
        keys.bureauAdmin,
      ),
    );
    await expectRefused(
      hub,
      'BAD_USER_INPUT',
      () =>
        hub.gql(
          CREATE,
          input({ agencyId: encodeGlobalId('Organization', hub.fixtures.companyA._id) }),
          keys.companyAAdmin,
        ),
      'input.agencyId',
    );
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(CREATE, input({}), keys.bureauManager));
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(CREATE, input({}), keys.divisionAdmin));
    await expectRefused(hub, 'UNAUTHENTICATED', () => hub.gql(CREATE, input({}), null));
    const id = (await hub.gql(`{ dataConnections(first: 1) { nodes { id } } }`)).data.dataConnections.nodes[0].id;
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(SYNC, { id }, keys.companyAAdmin));
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(`query($id: ID!) { dataConnection(id: $id) { syncs { totalCount } } }`, { id }, keys.companyAAdmin),
    );
  });

  it('keeps each agency to its own import folder, its own secrets and the allowed hosts', async () => {
    const { keys, division } = hub.fixtures;
    const divisionId = encodeGlobalId('Organization', division._id);
    const create = async (input: Record<string, unknown>) => {
      const res = await hub.gql(
        CREATE,
        { input: { agencyId: divisionId, licence: 'KOGL-Type1', classification: 'PUBLIC', ...input } },
        keys.divisionAdmin,
      );
      expect(res.errors).toBeUndefined();
      return res.data.createDataConnection.dataConnection.id as string;
    };
    // The bureau's stops.csv is not in the division's folder: the division cannot publish it.
    const borrowed = await create({
      name: 'Borrowed file',
      keyField: 'stop_id',
      connector: { kind: 'CSV', config: { path: 'stops.csv' } },
    });
    expect((await hub.gql(SYNC, { id: borrowed }, keys.divisionAdmin)).data.syncDataConnection.sync).toMatchObject({
      status: 'FAILED',
      inserted: 0,
      error: expect.stringContaining('not found'),
    });
    const escape = await hub.gql(
      CREATE,
      {
        input: {
          agencyId: divisionId,
          name: 'Escape',
          licence: 'x',
          classification: 'PUBLIC',
          keyField: 'k',
          connector: { kind: 'CSV', config: { path: '../bureau/stops.csv' } },
        },
      },
      keys.divisionAdmin,
    );
    expect(escape.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A secret granted to the division is not the bureau's (a grant covers an agency and those below it, never above):
    // the source is never called with it.
    const before = seenRequests;
    const secret = (
      await hub.gql(
        CREATE,
        {
          input: {
            agencyId,
            name: 'Borrowed secret',
            licence: 'x',
            classification: 'PUBLIC',
            keyField: 'id',
            connector: {
              kind: 'HTTP_JSON',
              config: { url: `${origin}/stops`, authHeader: { name: 'Authorization', secret: 'DIVISION_TOKEN' } },
            },
          },
        },
        keys.bureauAdmin,
      )
    ).data.createDataConnection.dataConnection.id;
    expect((await hub.gql(SYNC, { id: secret }, keys.bureauAdmin)).data.syncDataConnection.sync).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('not granted to agency "bureau"'),
    });
    const unscoped = await create({
      name: 'Unscoped secret',
      keyField: 'id',
      connector: { kind: 'HTTP_JSON', config: { url: `${origin}/stops`, secretQuery: { serviceKey: 'OTHER_TOKEN' } } },
    });
    expect((await hub.gql(SYNC, { id: unscoped }, keys.divisionAdmin)).data.syncDataConnection.sync.error).toContain(
      'MARU_SECRET_OTHER_TOKEN_AGENCIES',
    );
    expect(seenRequests).toBe(before);
    // Hosts the operator did not allow are refused when the connection is saved.
    const elsewhere = await hub.gql(
      CREATE,
      {
        input: {
          agencyId: divisionId,
          name: 'Metadata',
          licence: 'x',
          classification: 'PUBLIC',
          keyField: 'k',
          connector: { kind: 'HTTP_JSON', config: { url: 'http://169.254.169.254/latest/meta-data' } },
        },
      },
      keys.divisionAdmin,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connector.url' });
  });

  it('refuses a second sync while one runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    respond = async (_req, res) => {
      await held;
      res.setHeader('content-type', 'application/json');
      res.end('[{"id":1}]');
    };
    const id = await create({
      name: 'Slow API',
      keyField: 'id',
      connector: { kind: 'HTTP_JSON', config: { url: `${origin}/slow` } },
    });
    const first = await hub.services.data.syncs.request(await viewerOf('bureauAdmin'), decodeGlobalId(id).id);
    await expectRefused(hub, 'CONFLICT', () => hub.gql(SYNC, { id }, hub.fixtures.keys.bureauAdmin));
    release();
    expect((await first.done).status).toBe('SUCCEEDED');
  });

  it('stops a sync that lost its lease to another one before it writes or removes anything', async () => {
    const leased = await createTestHub({
      data: {
        importDir: await mkdtemp(join(tmpdir(), 'maru-lease-')),
        allowedHosts: ['127.0.0.1'],
        sync: { leaseMs: 300, batchSize: 1 },
      },
    });
    try {
      let sent = 0;
      respond = async (_req, res) => {
        // A slow source: one record every 100 ms.
        res.setHeader('content-type', 'application/json');
        res.write('[');
        for (let i = 0; i < 15 && !res.destroyed; i++) {
          res.write(`${i ? ',' : ''}{"id":${i}}`);
          sent++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        res.end(']');
      };
      const admin = await leased.services.apiKeys.authenticate(leased.fixtures.keys.bureauAdmin!);
      const created = await leased.services.data.connections.create(admin, leased.fixtures.bureau._id, {
        name: 'Slow',
        licence: 'x',
        classification: 'PUBLIC',
        keyField: 'id',
        connector: { kind: 'HTTP_JSON', config: { url: `${origin}/slow-stream` } },
      });
      const started = await leased.services.data.syncs.request(admin, created._id);
      // Slow but alive: the lease is renewed on a timer, so past the 300 ms lease it still holds the connection.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await leased.services.data.connections.get(created._id))!.currentSyncId).toBe(started.sync._id);
      // Another hub takes the connection over (as it would after this one stalled past its lease).
      await leased.store
        .collection<DataConnection>('data_connections')
        .findOneAndUpdate({ _id: created._id }, { $set: { currentSyncId: 'another-sync' } });
      const done = await started.done;
      expect(done).toMatchObject({ status: 'FAILED', error: expect.stringContaining('took over'), removed: 0 });
      // It stopped before the source's end, and writes nothing more afterwards.
      const records = leased.store.collection<DataRecord>('data_records');
      const written = await records.count({ connectionId: created._id });
      expect(written).toBeLessThan(15);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await records.count({ connectionId: created._id })).toBe(written);
      expect(sent).toBeGreaterThan(5);
    } finally {
      await leased.close();
    }
  });

  const viewerOf = (handle: string) => hub.services.apiKeys.authenticate(hub.fixtures.keys[handle]!);
});
