import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysetAfter, sortValues } from './keyset.js';
import { StoreConflictError, StoreQueryError, type CollectionSpec, type Doc, type Sort, type Store } from './port.js';

export interface StoreContractTarget {
  /**
   * Opens the engine under test. Calling it again after `close()` must open the
   * same data (same directory, same database) so durability can be checked.
   */
  open(): Promise<Store>;
}

interface Item extends Doc {
  name: string;
  n?: number | null;
  group?: string;
  tags?: string[];
  active?: boolean;
  meta?: { city?: string; rank?: number };
  version?: number;
  list?: unknown[];
}

let counter = 0;
function spec(extra: Partial<CollectionSpec> = {}): CollectionSpec {
  counter += 1;
  return {
    name: `contract_${Date.now().toString(36)}_${counter}`,
    indexes: [
      { name: 'byName', keys: [['name', 1]], unique: true },
      {
        name: 'byGroupN',
        keys: [
          ['group', 1],
          ['n', -1],
        ],
      },
    ],
    arrayFields: ['tags'],
    ...extra,
  };
}

const sample: Item[] = [
  { _id: 'a', name: 'alpha', n: 1, group: 'x', tags: ['red', 'blue'], active: true, meta: { city: 'Seoul', rank: 3 } },
  { _id: 'b', name: 'Bravo', n: 2, group: 'x', tags: ['blue'], active: false, meta: { city: 'Busan', rank: 1 } },
  { _id: 'c', name: 'charlie', n: 3, group: 'y', tags: [], active: true },
  { _id: 'd', name: 'delta', n: null, group: 'y', tags: ['green'] },
  { _id: 'e', name: '서울 데이터', n: 5, tags: ['red'], meta: { city: 'Sejong', rank: 2 } },
];

/**
 * The store contract: one suite, run unchanged against every engine. When an
 * engine differs, the engine is fixed, never the suite.
 */
export function describeStoreContract(engineName: string, target: StoreContractTarget): void {
  describe(`store contract: ${engineName}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await target.open();
    });
    afterAll(async () => {
      await store.close();
    });

    async function seeded(extra: Partial<CollectionSpec> = {}) {
      const s = spec(extra);
      await store.migrate([s]);
      const items = store.collection<Item>(s.name);
      for (const item of sample) await items.insertOne(item);
      return items;
    }

    const ids = (docs: Doc[]) => docs.map((d) => d._id);

    it('round-trips documents exactly, nested values, arrays, booleans and unicode included', async () => {
      const items = await seeded();
      for (const item of sample) expect(await items.findOne({ _id: item._id })).toEqual(item);
      expect(await items.findOne({ _id: 'missing' })).toBeNull();
    });

    it('migrates idempotently and keeps data', async () => {
      const s = spec();
      await store.migrate([s]);
      await store.collection<Item>(s.name).insertOne({ _id: 'k', name: 'kept' });
      await store.migrate([s]);
      expect(await store.collection<Item>(s.name).count({})).toBe(1);
    });

    it(
      'refuses a duplicate _id and a duplicate unique key ' + 'with a conflict naming the index, and stores nothing',
      async () => {
        const items = await seeded();
        await expect(items.insertOne({ _id: 'a', name: 'other' })).rejects.toMatchObject({
          name: 'StoreConflictError',
          index: '_id',
        });
        const error = await items.insertOne({ _id: 'z', name: 'alpha' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreConflictError);
        expect(error).toMatchObject({ index: 'byName', fields: ['name'] });
        expect(await items.count({})).toBe(sample.length);
        expect(await items.findOne({ _id: 'z' })).toBeNull();
      },
    );

    it('enforces compound unique indexes', async () => {
      const s = spec({
        indexes: [
          {
            name: 'byPair',
            keys: [
              ['group', 1],
              ['name', 1],
            ],
            unique: true,
          },
        ],
      });
      await store.migrate([s]);
      const items = store.collection<Item>(s.name);
      await items.insertOne({ _id: '1', group: 'g', name: 'same' });
      await items.insertOne({ _id: '2', group: 'h', name: 'same' });
      await expect(items.insertOne({ _id: '3', group: 'g', name: 'same' })).rejects.toMatchObject({
        index: 'byPair',
        fields: ['group', 'name'],
      });
      expect(await items.count({})).toBe(2);
    });

    it('filters by equality, comparison, membership and existence', async () => {
      const items = await seeded();
      const sortById: Sort = [['_id', 1]];
      const q = async (filter: Record<string, unknown>) => ids(await items.find(filter, { sort: sortById }));
      expect(await q({ group: 'x' })).toEqual(['a', 'b']);
      expect(await q({ active: true })).toEqual(['a', 'c']);
      expect(await q({ active: false })).toEqual(['b']);
      expect(await q({ n: { $gt: 1, $lte: 3 } })).toEqual(['b', 'c']);
      expect(await q({ n: { $gte: 5 } })).toEqual(['e']);
      expect(await q({ name: { $lt: 'c' } })).toEqual(['a', 'b']);
      expect(await q({ group: { $ne: 'x' } })).toEqual(['c', 'd', 'e']);
      expect(await q({ group: { $in: ['y', 'z'] } })).toEqual(['c', 'd']);
      expect(await q({ group: { $nin: ['x'] } })).toEqual(['c', 'd', 'e']);
      expect(await q({ n: null })).toEqual(['d']);
      expect(await q({ group: { $exists: false } })).toEqual(['e']);
      expect(await q({ meta: { $exists: true } })).toEqual(['a', 'b', 'e']);
      expect(await q({ 'meta.city': 'Busan' })).toEqual(['b']);
      expect(await q({ 'meta.rank': { $lt: 3 } })).toEqual(['b', 'e']);
      expect(await q({ _id: { $in: ['c', 'a', 'q'] } })).toEqual(['a', 'c']);
    });

    it('matches array elements for equality, $in, $all and $ne', async () => {
      const items = await seeded();
      const q = async (filter: Record<string, unknown>) => ids(await items.find(filter, { sort: [['_id', 1]] }));
      expect(await q({ tags: 'blue' })).toEqual(['a', 'b']);
      expect(await q({ tags: { $in: ['green', 'red'] } })).toEqual(['a', 'd', 'e']);
      expect(await q({ tags: { $all: ['red', 'blue'] } })).toEqual(['a']);
      expect(await q({ tags: { $ne: 'red' } })).toEqual(['b', 'c', 'd']);
    });

    it('combines $and / $or and matches case-insensitive $regex, unicode included', async () => {
      const items = await seeded();
      const q = async (filter: Record<string, unknown>) => ids(await items.find(filter, { sort: [['_id', 1]] }));
      expect(await q({ $or: [{ group: 'y' }, { n: 1 }] })).toEqual(['a', 'c', 'd']);
      expect(await q({ $and: [{ group: 'x' }, { active: true }] })).toEqual(['a']);
      expect(await q({ name: { $regex: 'BRA', $options: 'i' } })).toEqual(['b']);
      expect(await q({ name: { $regex: '^a' } })).toEqual(['a']);
      expect(await q({ name: { $regex: '데이터' } })).toEqual(['e']);
      expect(await q({ tags: { $regex: '^gr' } })).toEqual(['d']);
    });

    it('sorts by several keys, with limit and skip', async () => {
      const items = await seeded();
      const docs = await items.find(
        { group: { $exists: true } },
        {
          sort: [
            ['group', 1],
            ['n', -1],
          ],
        },
      );
      expect(ids(docs)).toEqual(['b', 'a', 'c', 'd']);
      expect(ids(await items.find({}, { sort: [['name', 1]], limit: 2 }))).toEqual(['b', 'a']);
      expect(ids(await items.find({}, { sort: [['_id', -1]], limit: 2, skip: 1 }))).toEqual(['d', 'c']);
      expect(await items.count({ group: 'y' })).toBe(2);
    });

    it('pages with keyset cursors without skipping or repeating, ties included', async () => {
      const s = spec();
      await store.migrate([s]);
      const items = store.collection<Item>(s.name);
      for (let i = 0; i < 23; i++)
        await items.insertOne({ _id: `p${String(i).padStart(2, '0')}`, name: `n${i}`, group: `g${i % 4}` });
      const sort: Sort = [['group', -1]];
      const seen: string[] = [];
      let after: unknown[] | undefined;
      for (;;) {
        const page = await items.find(after ? keysetAfter(sort, after) : {}, { sort, limit: 5 });
        if (page.length === 0) break;
        seen.push(...ids(page));
        after = sortValues(page[page.length - 1]!, sort);
      }
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toEqual(ids(await items.find({}, { sort })));
    });

    it(
      'updates atomically with $set, $inc, $unset, $push, ' + '$addToSet and $pull and returns the new document',
      async () => {
        const items = await seeded();
        const updated = await items.findOneAndUpdate(
          { _id: 'a' },
          {
            $set: { 'meta.city': 'Daejeon', group: 'z' },
            $inc: { n: 10 },
            $unset: { active: true },
            $push: { list: { $each: [1, 2] } },
            $addToSet: { tags: 'blue' },
          },
        );
        expect(updated).toEqual({
          _id: 'a',
          name: 'alpha',
          n: 11,
          group: 'z',
          tags: ['red', 'blue'],
          meta: { city: 'Daejeon', rank: 3 },
          list: [1, 2],
        });
        const pulled = await items.findOneAndUpdate({ _id: 'a' }, { $pull: { tags: 'red' }, $addToSet: { list: 3 } });
        expect(pulled?.tags).toEqual(['blue']);
        expect(pulled?.list).toEqual([1, 2, 3]);
        expect(await items.findOne({ _id: 'a' })).toEqual(pulled);
        expect(await items.findOneAndUpdate({ _id: 'nope' }, { $set: { n: 1 } })).toBeNull();
      },
    );

    it('lets exactly one of two concurrent version-guarded transitions win', async () => {
      const s = spec();
      await store.migrate([s]);
      const items = store.collection<Item>(s.name);
      await items.insertOne({ _id: 'v', name: 'versioned', group: 'DRAFT', version: 1 });
      const results = await Promise.all(
        ['OPEN', 'CANCELLED'].map((group) =>
          items.findOneAndUpdate({ _id: 'v', version: 1 }, { $set: { group }, $inc: { version: 1 } }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const final = await items.findOne({ _id: 'v' });
      expect(final?.version).toBe(2);
      expect(['OPEN', 'CANCELLED']).toContain(final?.group);
    });

    it('upserts from the filter with $setOnInsert, and updates without it the second time', async () => {
      const items = await seeded();
      const first = await items.findOneAndUpdate(
        { _id: 'u' },
        { $setOnInsert: { name: 'upserted' }, $inc: { n: 1 } },
        { upsert: true },
      );
      expect(first).toEqual({ _id: 'u', name: 'upserted', n: 1 });
      const second = await items.findOneAndUpdate(
        { _id: 'u' },
        { $setOnInsert: { name: 'ignored' }, $inc: { n: 1 } },
        { upsert: true },
      );
      expect(second).toEqual({ _id: 'u', name: 'upserted', n: 2 });
    });

    it('refuses an update that breaks a unique index and leaves the document unchanged', async () => {
      const items = await seeded();
      await expect(items.findOneAndUpdate({ _id: 'b' }, { $set: { name: 'alpha' } })).rejects.toMatchObject({
        name: 'StoreConflictError',
        index: 'byName',
      });
      expect(await items.findOne({ _id: 'b' })).toEqual(sample[1]);
    });

    it('refuses an $inc of a non-number and changes nothing', async () => {
      const items = await seeded();
      await expect(items.findOneAndUpdate({ _id: 'a' }, { $inc: { name: 1 } })).rejects.toBeTruthy();
      expect(await items.findOne({ _id: 'a' })).toEqual(sample[0]);
    });

    it('deletes one document', async () => {
      const items = await seeded();
      expect(await items.deleteOne({ group: 'y' })).toBe(true);
      expect(await items.count({ group: 'y' })).toBe(1);
      expect(await items.deleteOne({ _id: 'missing' })).toBe(false);
    });

    it('upserts many documents by _id, counting inserts and replacements, and deletes many by filter', async () => {
      const items = await seeded();
      const result = await items.upsertMany([
        { _id: 'a', name: 'alpha', n: 10, group: 'x' },
        { _id: 'f', name: 'foxtrot', n: 6, group: 'z' },
        { _id: 'g', name: 'golf', n: 7, group: 'z' },
      ]);
      expect(result).toEqual({ inserted: 2, replaced: 1 });
      expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', name: 'alpha', n: 10, group: 'x' });
      expect(await items.count({})).toBe(7);
      expect(await items.upsertMany([])).toEqual({ inserted: 0, replaced: 0 });
      expect(await items.deleteMany({ group: 'z' })).toBe(2);
      expect(ids(await items.find({}, { sort: [['_id', 1]] }))).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await items.deleteMany({ group: 'none' })).toBe(0);
    });

    it('refuses an upsertMany that breaks a unique index with a conflict naming it', async () => {
      const items = await seeded();
      const error = await items.upsertMany([{ _id: 'z', name: 'alpha' }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreConflictError);
      expect((error as StoreConflictError).index).toBe('byName');
      expect(await items.findOne({ _id: 'z' })).toBeNull();
    });

    it('explains whether a declared index serves a query, naming it as declared', async () => {
      const items = await seeded();
      const onIndex = await items.explain({ group: 'x' }, { sort: [['n', -1]], limit: 21 });
      const byId = await items.explain({ _id: 'a' });
      const onNoIndex = await items.explain({ active: true }, { sort: [['meta.rank', 1]], limit: 21 });
      for (const plan of [onIndex, byId, onNoIndex]) expect(plan.detail).not.toBe('');
      if (store.capabilities.secondaryIndexes) {
        expect(onIndex).toMatchObject({ indexed: true, index: 'byGroupN' });
        expect(byId).toMatchObject({ indexed: true, index: '_id' });
      } else {
        // The server keeps the indexes but scans (FerretDB 1.x): the plan must say so, not pretend.
        expect(onIndex).toMatchObject({ indexed: false, index: null });
        expect(byId).toMatchObject({ indexed: false, index: null });
      }
      expect(onNoIndex).toMatchObject({ indexed: false, index: null });
      // Explaining runs nothing.
      expect(await items.count({})).toBe(sample.length);
    });

    it('counts per group in the engine, missing values grouped as null, sorted by key', async () => {
      const items = await seeded();
      expect(await items.countBy({}, { by: ['group'] })).toEqual([
        { key: [null], count: 1 },
        { key: ['x'], count: 2 },
        { key: ['y'], count: 2 },
      ]);
      expect(await items.countBy({ n: { $gte: 2 } }, { by: ['group', 'meta.city'] })).toEqual([
        { key: [null, 'Sejong'], count: 1 },
        { key: ['x', 'Busan'], count: 1 },
        { key: ['y', null], count: 1 },
      ]);
      expect(await items.countBy({ group: 'x' }, { by: ['n'] })).toEqual([
        { key: [1], count: 1 },
        { key: [2], count: 1 },
      ]);
      expect(await items.countBy({ group: 'none' }, { by: ['group'] })).toEqual([]);
      await expect(items.countBy({}, { by: ["n') --"] })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(items.countBy({}, { by: [] })).rejects.toBeInstanceOf(StoreQueryError);
    });

    it('refuses field paths that could smuggle syntax', async () => {
      const items = await seeded();
      await expect(items.find({ "name') OR 1=1 --": 'x' })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(items.findOneAndUpdate({ _id: 'a' }, { $set: { 'a..b': 1 } })).rejects.toBeInstanceOf(
        StoreQueryError,
      );
    });

    it('answers each of many concurrent writes on its own: a refused one fails alone, the others all land', async () => {
      // The embedded engine commits concurrent writes together (a group commit); whatever an engine does, one write's
      // conflict must never take its neighbours down, and each acknowledged write is readable at once.
      const items = await seeded();
      const fresh = Array.from({ length: 40 }, (_, i) => ({ _id: `w${i}`, name: `writer ${i}`, n: i }));
      const results = await Promise.allSettled([
        ...fresh.map((item) => items.insertOne(item)),
        items.insertOne({ _id: 'dup', name: 'alpha' }),
        items.findOneAndUpdate({ _id: 'b' }, { $inc: { n: 10 } }),
        items.deleteOne({ _id: 'c' }),
        items.upsertMany([{ _id: 'u1', name: 'upserted' }]),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        ...fresh.map(() => 'fulfilled'),
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect((results[fresh.length] as PromiseRejectedResult).reason).toMatchObject({ index: 'byName' });
      for (const item of fresh) expect(await items.findOne({ _id: item._id })).toEqual(item);
      expect(await items.findOne({ _id: 'dup' })).toBeNull();
      expect((await items.findOne({ _id: 'b' }))?.n).toBe(12);
      expect(await items.findOne({ _id: 'c' })).toBeNull();
      expect(await items.count({})).toBe(sample.length + fresh.length - 1 + 1);
    });

    it('keeps data across close and reopen', async () => {
      const s = spec();
      await store.migrate([s]);
      await store.collection<Item>(s.name).insertOne({ _id: 'durable', name: 'kept', n: 7 });
      await store.close();
      store = await target.open();
      await store.migrate([s]);
      expect(await store.collection<Item>(s.name).findOne({ _id: 'durable' })).toEqual({
        _id: 'durable',
        name: 'kept',
        n: 7,
      });
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
