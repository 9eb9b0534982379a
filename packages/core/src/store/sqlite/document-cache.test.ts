import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionSpec, Doc, Store } from '../port.js';
import { createSqliteStore } from './sqlite-store.js';

interface Item extends Doc {
  n: number;
  tags: string[];
}

const spec: CollectionSpec = { name: 'items', indexes: [{ name: 'byN', keys: [['n', 1]] }] };
const dirs: string[] = [];
const stores: Store[] = [];

async function open(dir?: string): Promise<{ store: Store; dir: string }> {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'maru-doc-cache-'));
  if (!dir) dirs.push(folder);
  const store = createSqliteStore({ dataDir: folder });
  await store.migrate([spec]);
  stores.push(store);
  return { store, dir: folder };
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store’s document cache', () => {
  it('hands out frozen documents: a caller cannot change what the next reader gets', async () => {
    const { store } = await open();
    const items = store.collection<Item>('items');
    await items.insertOne({ _id: 'a', n: 1, tags: ['x'] });
    const first = (await items.findOne({ _id: 'a' }))!;
    expect(() => {
      (first as { n: number }).n = 2;
    }).toThrow(TypeError);
    expect(() => first.tags.push('y')).toThrow(TypeError);
    expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1, tags: ['x'] });
  });

  it('shows every write of its own at the next read: update, upsert, delete', async () => {
    const { store } = await open();
    const items = store.collection<Item>('items');
    await items.insertOne({ _id: 'a', n: 1, tags: [] });
    await items.insertOne({ _id: 'b', n: 2, tags: [] });
    expect((await items.find({}, { sort: [['n', 1]] })).map((i) => i.n)).toEqual([1, 2]);
    await items.findOneAndUpdate({ _id: 'a' }, { $set: { n: 3 } });
    expect((await items.find({}, { sort: [['n', 1]] })).map((i) => i._id)).toEqual(['b', 'a']);
    expect((await items.findOne({ _id: 'a' }))?.n).toBe(3);
    await items.upsertMany([{ _id: 'b', n: 9, tags: ['z'] }]);
    expect(await items.findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 9, tags: ['z'] });
    await items.deleteOne({ _id: 'a' });
    expect(await items.findOne({ _id: 'a' })).toBeNull();
    await items.deleteMany({});
    expect(await items.find({})).toEqual([]);
  });

  it('drops what it holds when another connection writes the same file', async () => {
    const { store: one, dir } = await open();
    const { store: other } = await open(dir);
    await one.collection<Item>('items').insertOne({ _id: 'a', n: 1, tags: [] });
    // Read (and kept) by the first connection…
    expect((await one.collection<Item>('items').findOne({ _id: 'a' }))?.n).toBe(1);
    // …changed and deleted through the second.
    await other.collection<Item>('items').findOneAndUpdate({ _id: 'a' }, { $set: { n: 5 } });
    expect((await one.collection<Item>('items').findOne({ _id: 'a' }))?.n).toBe(5);
    await other.collection<Item>('items').deleteOne({ _id: 'a' });
    expect(await one.collection<Item>('items').findOne({ _id: 'a' })).toBeNull();
    expect(await one.collection<Item>('items').find({})).toEqual([]);
  });

  it('keeps a refused write out: a duplicate insert leaves the stored document as it was', async () => {
    const { store } = await open();
    const items = store.collection<Item>('items');
    await items.insertOne({ _id: 'a', n: 1, tags: [] });
    expect((await items.findOne({ _id: 'a' }))?.n).toBe(1);
    await expect(items.insertOne({ _id: 'a', n: 2, tags: [] })).rejects.toThrow();
    expect((await items.findOne({ _id: 'a' }))?.n).toBe(1);
  });

  it('reads the same with the cache off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maru-doc-cache-'));
    dirs.push(dir);
    const plain = createSqliteStore({ dataDir: dir, documentCacheBytes: 0 });
    stores.push(plain);
    await plain.migrate([spec]);
    const items = plain.collection<Item>('items');
    await items.insertOne({ _id: 'a', n: 1, tags: [] });
    const doc = (await items.findOne({ _id: 'a' }))!;
    doc.n = 2; // not shared: nobody else sees it
    expect((await items.findOne({ _id: 'a' }))?.n).toBe(1);
  });
});
