/**
 * Each due sync run starts once with three hubs on one store, and a run a dead hub left — claimed but never leased, or
 * leased and never finished — is taken over by exactly one other hub. On SQLite and on a MongoDB-wire server
 * (FerretDB in CI, three clients: there the lease, a guarded update, could be taken by two hubs at once).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../testing/three-clients.js';
import { createHub, type Hub } from '../create-hub.js';
import { encodeGlobalId, parseId } from '../graphql/global-id.js';
import type { ClaimRecord } from '../store/claims.js';
import type { Store } from '../store/port.js';
import { CREATE, PUBLIC_CSV } from '../testing/data-test-hub.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { DataConnection, DataSync } from './model.js';

const LEASE_MS = 120_000;

function describeSyncClaims(engine: string, openStores: () => Promise<Store[]>, cleanup?: () => Promise<void>) {
  describe(`sync runs with three hubs on ${engine}`, () => {
    let now = Date.parse('2031-01-01T00:00:00Z');
    let first: TestHub;
    let hubs: Hub[];
    let connectionId: string;

    beforeAll(async () => {
      const importDir = await mkdtemp(join(tmpdir(), 'maru-sync-claims-'));
      const stores = await openStores();
      const options = { graphiql: false, clock: () => now, data: { importDir, sync: { leaseMs: LEASE_MS } } };
      first = await createTestHub({ ...options, store: stores[0]! });
      hubs = [first];
      for (const store of stores.slice(1)) hubs.push(await createHub({ ...options, store }));
      const folder = join(importDir, first.fixtures.bureau.slug);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'public.csv'), PUBLIC_CSV);
      const created = await first.gql(
        CREATE,
        {
          input: {
            agencyId: encodeGlobalId('Organization', first.fixtures.bureau._id),
            licence: 'KOGL-Type1',
            name: 'Public sports facilities',
            classification: 'PUBLIC',
            keyField: 'facility_id',
            connector: { kind: 'CSV', config: { path: 'public.csv' } },
            refreshMinutes: 60,
          },
        },
        first.fixtures.keys.bureauAdmin,
      );
      expect(created.errors).toBeUndefined();
      connectionId = parseId(created.data.createDataConnection.dataConnection.id, 'DataConnection');
    }, 120_000);
    afterAll(async () => {
      for (const hub of hubs.slice(1)) {
        await hub.services.data.syncs.stop();
        if (engine !== 'sqlite') await hub.store.close();
      }
      await first.close();
      await cleanup?.();
    });

    const connection = () => first.store.collection<DataConnection>('data_connections').findOne({ _id: connectionId });
    const runs = () => first.store.collection<DataSync>('data_syncs').find({ connectionId });
    const runEverywhere = async () =>
      (await Promise.all(hubs.map((h) => h.services.data.syncs.runDue(50)))).reduce((a, b) => a + b, 0);

    it('three hubs running the due syncs at once run each due run once', async () => {
      // Created due at once: the first run.
      expect(await runEverywhere()).toBe(1);
      expect(await runs()).toHaveLength(1);
      for (let slot = 0; slot < 5; slot++) {
        now += 61 * 60_000;
        expect(await runEverywhere()).toBe(1);
        expect(await runEverywhere()).toBe(0);
      }
      const all = await runs();
      expect(all).toHaveLength(6);
      expect(all.every((r) => r.status === 'SUCCEEDED')).toBe(true);
      expect(await connection()).toMatchObject({ status: 'ACTIVE', currentSyncId: null, recordCount: 3 });
    }, 120_000);

    it("a run claimed by a hub that died before its lease waits for the claim's expiry, then runs once", async () => {
      now += 61 * 60_000;
      const c = (await connection())!;
      const key = `sync:${c._id}:idle:${c.nextSyncAt}:${c.lastSyncAt}`;
      await first.store.collection<ClaimRecord>('data_sync_claims').insertOne({
        _id: `${key}#1`,
        key,
        attempt: 1,
        owner: 'dead-hub:1',
        claimedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 60_000).toISOString(),
        open: true,
        doneAt: null,
        stage: null,
        dataJson: null,
      });
      const before = (await runs()).length;
      expect(await runEverywhere()).toBe(0);
      now += 61_000;
      expect(await runEverywhere()).toBe(1);
      expect(await runs()).toHaveLength(before + 1);
    }, 60_000);

    it('a sync whose hub was killed mid-run (leased, never finished) is finished by exactly one other hub after its lease', async () => {
      now += 61 * 60_000;
      const leaseUntil = new Date(now + LEASE_MS).toISOString();
      // What a hub killed mid-sync leaves: the connection held, the run RUNNING, nothing finished.
      await first.store.collection<DataSync>('data_syncs').insertOne({
        _id: 'killed-sync',
        connectionId,
        trigger: 'SCHEDULE',
        status: 'RUNNING',
        startedAt: new Date(now).toISOString(),
        finishedAt: null,
        read: 1,
        inserted: 0,
        updated: 0,
        removed: 0,
        rejected: 0,
        problems: [],
        error: null,
        requestedById: null,
      });
      await first.store.collection<DataConnection>('data_connections').findOneAndUpdate(
        { _id: connectionId },
        {
          $set: {
            currentSyncId: 'killed-sync',
            syncLeaseUntil: leaseUntil,
            nextSyncAt: leaseUntil,
            status: 'SYNCING',
          },
        },
      );
      const before = (await runs()).length;
      expect(await runEverywhere()).toBe(0);
      now += LEASE_MS + 1_000;
      expect(await runEverywhere()).toBe(1);
      expect(await runEverywhere()).toBe(0);
      expect(await runs()).toHaveLength(before + 1);
      expect(await connection()).toMatchObject({ status: 'ACTIVE', currentSyncId: null, recordCount: 3 });
    }, 60_000);
  });
}

describeOnEachEngine('sync_claims', describeSyncClaims);
