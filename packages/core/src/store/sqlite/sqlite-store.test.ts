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
});
