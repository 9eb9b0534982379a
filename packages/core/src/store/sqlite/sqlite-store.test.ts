import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreConflictError, type CollectionSpec } from '../port.js';
import { describeStoreContract } from '../store-contract.js';
import { createSqliteStore } from './sqlite-store.js';

interface Person {
  _id: string;
  email: string;
}

const dir = mkdtempSync(join(tmpdir(), 'maru-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', { open: async () => createSqliteStore({ dataDir: dir }) });

describe('the SQLite engine on node:sqlite', () => {
  const spec: CollectionSpec = { name: 'people', indexes: [{ name: 'byEmail', keys: [['email', 1]], unique: true }] };

  it('keeps its file in WAL mode, so readers never wait for a writer', async () => {
    const folder = mkdtempSync(join(dir, 'wal-'));
    const store = createSqliteStore({ dataDir: folder });
    await store.migrate([spec]);
    await store.collection<Person>('people').insertOne({ _id: 'p1', email: 'a@example.kr' });
    const other = new DatabaseSync(join(folder, 'maru.sqlite'), { readOnly: true });
    expect(other.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    other.close();
    await store.close();
  });

  it('rolls a whole batch back when one document in it breaks a unique index', async () => {
    const store = createSqliteStore({ dataDir: mkdtempSync(join(dir, 'batch-')) });
    await store.migrate([spec]);
    const people = store.collection<Person>('people');
    await people.insertOne({ _id: 'p1', email: 'a@example.kr' });
    const error = await people
      .upsertMany([
        { _id: 'p2', email: 'b@example.kr' },
        { _id: 'p3', email: 'c@example.kr' },
        { _id: 'p4', email: 'a@example.kr' },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreConflictError);
    expect((error as StoreConflictError).index).toBe('byEmail');
    // Nothing of the batch landed, and the store takes writes again (no transaction left open).
    expect(await people.count({})).toBe(1);
    await people.insertOne({ _id: 'p5', email: 'e@example.kr' });
    expect((await people.find({}, { sort: [['_id', 1]] })).map((p) => p._id)).toEqual(['p1', 'p5']);
    await store.close();
  });

  describe('group commit', () => {
    const open = async (writeBatching?: 'immediate' | 'microtask' | 'off') => {
      const folder = mkdtempSync(join(dir, 'group-'));
      const store = createSqliteStore({ dataDir: folder, writeBatching });
      await store.migrate([spec]);
      return { folder, store, people: store.collection<Person>('people') };
    };
    const burst = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ _id: `g${from + i}`, email: `g${from + i}@example.kr` }));

    it('commits concurrent writes in one transaction, and each is readable once its promise resolved', async () => {
      const { store, people } = await open();
      const before = store.writeStats().commits;
      const docs = burst(100);
      await Promise.all(
        docs.map(async (doc) => {
          await people.insertOne(doc);
          // Read-your-write: acknowledged means committed and visible.
          expect(await people.findOne({ _id: doc._id })).toEqual(doc);
        }),
      );
      const stats = store.writeStats();
      expect(stats.commits - before).toBe(1);
      expect(stats.largestBatch).toBe(100);
      expect(await people.count({})).toBe(100);
      await store.close();
    });

    it('without batching, the same burst takes one transaction per write', async () => {
      const { store, people } = await open('off');
      await Promise.all(burst(20).map((doc) => people.insertOne(doc)));
      expect(store.writeStats()).toMatchObject({ writes: 20, commits: 20, largestBatch: 1 });
      await store.close();
    });

    it('rolls back only the refused write of a batch: its caller gets the conflict, the others commit', async () => {
      const { store, people } = await open();
      await people.insertOne({ _id: 'p1', email: 'a@example.kr' });
      const results = await Promise.allSettled([
        people.insertOne({ _id: 'p2', email: 'b@example.kr' }),
        // A bulk write refused halfway through: none of its documents land, not even the first.
        people.upsertMany([
          { _id: 'p3', email: 'c@example.kr' },
          { _id: 'p4', email: 'a@example.kr' },
        ]),
        people.findOneAndUpdate({ _id: 'p1' }, { $set: { email: 'b@example.kr' } }),
        people.insertOne({ _id: 'p5', email: 'e@example.kr' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ index: 'byEmail' });
      expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
      expect((await people.find({}, { sort: [['_id', 1]] })).map((p) => [p._id, p.email])).toEqual([
        ['p1', 'a@example.kr'],
        ['p2', 'b@example.kr'],
        ['p5', 'e@example.kr'],
      ]);
      expect(store.writeStats().commits).toBe(2);
      await store.close();
    });

    it('applies the writes of a batch in the order they were issued', async () => {
      const { store, people } = await open('microtask');
      await people.insertOne({ _id: 'p1', email: 'a@example.kr' });
      const updates = ['b', 'c', 'd', 'e'].map((letter) =>
        people.findOneAndUpdate({ _id: 'p1' }, { $set: { email: `${letter}@example.kr` } }),
      );
      expect((await Promise.all(updates)).map((p) => p?.email)).toEqual([
        'b@example.kr',
        'c@example.kr',
        'd@example.kr',
        'e@example.kr',
      ]);
      expect((await people.findOne({ _id: 'p1' }))?.email).toBe('e@example.kr');
      await store.close();
    });

    it('fails the batch together when another process holds the database past the busy timeout, then recovers', async () => {
      const { folder, store, people } = await open();
      const other = new DatabaseSync(join(folder, 'maru.sqlite'));
      other.exec('BEGIN IMMEDIATE');
      // One wait of the busy timeout (5 s) for the whole batch, not one per write.
      const results = await Promise.allSettled(burst(3).map((doc) => people.insertOne(doc)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
        expect.stringMatching(/locked/),
        expect.stringMatching(/locked/),
        expect.stringMatching(/locked/),
      ]);
      other.exec('COMMIT');
      other.close();
      await people.insertOne({ _id: 'after', email: 'after@example.kr' });
      expect((await people.find({})).map((p) => p._id)).toEqual(['after']);
      await store.close();
    }, 20_000);

    it('refuses a write after close to its caller, without ending the process', async () => {
      const { store, people } = await open();
      await store.close();
      await expect(people.insertOne({ _id: 'late', email: 'late@example.kr' })).rejects.toThrow(/closed|not open/);
    });

    it('commits the writes still queued when the store closes', async () => {
      const { folder, store, people } = await open();
      const pending = burst(10).map((doc) => people.insertOne(doc));
      await store.close();
      await Promise.all(pending);
      const reopened = createSqliteStore({ dataDir: folder });
      await reopened.migrate([spec]);
      expect(await reopened.collection<Person>('people').count({})).toBe(10);
      await reopened.close();
    });
  });
});
