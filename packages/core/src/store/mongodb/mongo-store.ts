import type { Collection as MongoCollection, Document } from 'mongodb';

// The driver is loaded when a MongoDB store is opened, not with the core: a hub
// on the embedded store never pays for it at start.
let driver: typeof import('mongodb');
import { applyUpdate } from '../apply-update.js';
import { checkFilter, checkUpdate } from '../check-query.js';
import { checkCountBy, groupValue, sortGroups } from '../count-by.js';
import { readPath } from '../keyset.js';
import {
  StoreConflictError,
  StoreQueryError,
  type Collection,
  type CollectionSpec,
  type Doc,
  type Filter,
  type Sort,
  type Store,
  type Update,
} from '../port.js';
import { readMongoPlan } from './mongo-plan.js';

export interface MongoStoreOptions {
  /** A MongoDB connection string; its path names the database (default `maru`). */
  uri: string;
  /** Overrides the database named in the URI. */
  dbName?: string;
  /** Upper bound of pooled connections per hub instance. Default 50. */
  maxPoolSize?: number;
}

const DUPLICATE_KEY = 11000;

/**
 * The MongoDB engine on the official driver. It uses only single-document
 * operations — no multi-document transactions, no change streams, no
 * `$lookup` — so it runs alike on a standalone node, a replica set, Atlas or a
 * sharded cluster, and on MongoDB-wire servers such as FerretDB that lack
 * those features.
 *
 * Writes are acknowledged by a majority of the replica set and journaled
 * (`w: 'majority', j: true`) and retried once on a transient failure
 * (`retryWrites`); reads see only majority-committed data, so a read after a
 * failover never shows a write that was rolled back.
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<Store> {
  driver ??= await import('mongodb');
  const clientOptions = {
    appName: 'maru-hub',
    writeConcern: { w: 'majority' as const, journal: true },
    readConcern: { level: 'majority' as const },
    retryWrites: true,
    retryReads: true,
    maxPoolSize: options.maxPoolSize ?? 50,
    minPoolSize: 0,
    maxIdleTimeMS: 60_000,
    serverSelectionTimeoutMS: 10_000,
    connectTimeoutMS: 10_000,
    socketTimeoutMS: 60_000,
    waitQueueTimeoutMS: 10_000,
  };
  let client = await new driver.MongoClient(options.uri, clientOptions).connect();
  const buildInfo = await client.db('admin').command({ buildInfo: 1 });
  const ferretdb = 'ferretdbVersion' in buildInfo;
  if (ferretdb && clientOptions.maxPoolSize !== 1) {
    // FerretDB (1.x on SQLite) applies an update as a read followed by a write
    // without a transaction around them (FerretDB issue #3040), so two
    // connections can both pass a version check. One connection serializes
    // them; real MongoDB updates a document atomically and keeps the pool.
    await client.close();
    client = await new driver.MongoClient(options.uri, { ...clientOptions, maxPoolSize: 1 }).connect();
  }
  const db = client.db(options.dbName);
  const specs = new Map<string, CollectionSpec>();
  let closed = false;

  return {
    engine: 'mongodb',
    // FerretDB 1.x keeps declared indexes (and enforces unique ones) but
    // scans its table for every query, `_id` lookups included.
    capabilities: { secondaryIndexes: !ferretdb },
    async migrate(list) {
      for (const spec of list) {
        specs.set(spec.name, spec);
        // Only missing indexes are created: cheaper at every start of every
        // instance, and FerretDB 1.24 fails on re-creating an existing one.
        const existing = new Set(
          (
            await db
              .collection(spec.name)
              .listIndexes()
              .toArray()
              .catch(() => [])
          ).map((index) => index.name as string),
        );
        const missing = spec.indexes.filter((index) => !existing.has(index.name));
        if (missing.length === 0) continue;
        await db.collection(spec.name).createIndexes(
          missing.map((index) => ({
            name: index.name,
            key: Object.fromEntries(index.keys.map(([field, dir]) => [field, dir])),
            unique: index.unique ?? false,
          })),
        );
      }
    },
    collection<T extends Doc>(name: string): Collection<T> {
      const spec = specs.get(name);
      if (!spec) throw new StoreQueryError(`collection ${name} was not migrated`);
      return createCollection<T>(db.collection<Document>(name), spec, ferretdb);
    },
    async ping() {
      if (closed) throw new Error('store is closed');
      await db.command({ ping: 1 });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

function sortSpec(sort: Sort | undefined): Record<string, 1 | -1> {
  const keys = sort ?? [];
  const spec: Record<string, 1 | -1> = {};
  for (const [field, direction] of keys) spec[field] = direction;
  // The same `_id` tie-break as the SQLite engine, so both return one order.
  if (!('_id' in spec)) spec._id = keys.at(-1)?.[1] ?? 1;
  return spec;
}

function createCollection<T extends Doc>(
  collection: MongoCollection<Document>,
  spec: CollectionSpec,
  ferretdb: boolean,
): Collection<T> {
  /**
   * MongoDB names the index in a duplicate-key error, FerretDB does not; so
   * the index is found by asking which unique index already holds the values.
   */
  const conflictFor = async (doc: Record<string, unknown>, idFree = false): Promise<StoreConflictError> => {
    const unique = spec.indexes.filter((i) => i.unique);
    // With `_id` known to be free and one unique index besides, that index it is, without the probe: FerretDB scans
    // the whole collection for a probe (an audit chain's lost position paid for it with a scan of the chain).
    if (idFree && unique.length === 1)
      return new StoreConflictError(
        spec.name,
        unique[0]!.name,
        unique[0]!.keys.map(([f]) => f),
      );
    for (const index of unique) {
      const probe: Filter = { _id: { $ne: doc._id } };
      for (const [field] of index.keys) probe[field] = readPath(doc, field) ?? null;
      if (await collection.findOne(probe as Document, { projection: { _id: 1 } })) {
        return new StoreConflictError(
          spec.name,
          index.name,
          index.keys.map(([f]) => f),
        );
      }
    }
    return new StoreConflictError(spec.name, '_id', ['_id']);
  };
  // FerretDB reports a unique violation inside findAndModify as an InternalError
  // carrying SQLite's message rather than as code 11000.
  const isDuplicate = (error: unknown) =>
    error instanceof driver.MongoServerError &&
    (error.code === DUPLICATE_KEY || (error.code === 1 && /UNIQUE constraint failed/.test(error.message)));

  return {
    name: spec.name,
    async insertOne(doc) {
      if (typeof doc._id !== 'string' || doc._id === '') throw new StoreQueryError('a document needs a string _id');
      try {
        await collection.insertOne(structuredClone(doc) as Document);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        const existing = await collection.findOne({ _id: doc._id } as Document, { projection: { _id: 1 } });
        throw existing
          ? new StoreConflictError(spec.name, '_id', ['_id'])
          : await conflictFor(doc as Record<string, unknown>, true);
      }
    },
    async findOne(filter, options = {}) {
      checkFilter(filter);
      return (await collection.findOne(filter as Document, { sort: sortSpec(options.sort) })) as T | null;
    },
    async find(filter, options = {}) {
      checkFilter(filter);
      let cursor = collection.find(filter as Document).sort(sortSpec(options.sort));
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()) as unknown as T[];
    },
    async explain(filter, options = {}) {
      checkFilter(filter);
      let cursor = collection.find(filter as Document).sort(sortSpec(options.sort));
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      const plan = readMongoPlan(await cursor.explain('queryPlanner'), spec);
      if (!ferretdb) return plan;
      return {
        ...plan,
        detail:
          `${plan.detail}\nFerretDB pushes no filter but a lone _id equality down to its SQLite table ` +
          `and SQLite scans that table even then: declared indexes do not serve queries on this server.`,
      };
    },
    async count(filter) {
      checkFilter(filter);
      return collection.countDocuments(filter as Document);
    },
    async countBy(filter, options) {
      checkFilter(filter);
      checkCountBy(options);
      // $match + $group with $sum only: FerretDB 1.x has no other accumulator (/work/shared/ferretdb.md).
      const id: Record<string, string> = {};
      options.by.forEach((field, i) => (id[`k${i}`] = `$${field}`));
      const rows = await collection
        .aggregate([{ $match: filter as Document }, { $group: { _id: id, count: { $sum: 1 } } }])
        .toArray();
      return sortGroups(
        rows.map((row) => {
          const key = (row._id ?? {}) as Record<string, unknown>;
          return {
            key: options.by.map((_, i) => groupValue(key[`k${i}`])),
            count: Number(row.count),
          };
        }),
      );
    },
    async findOneAndUpdate(filter: Filter, update: Update, options = {}) {
      checkFilter(filter);
      checkUpdate(update);
      if (options.upsert && typeof filter._id !== 'string')
        throw new StoreQueryError('an upsert filter must name the _id');
      try {
        return (await collection.findOneAndUpdate(filter as Document, update as Document, {
          returnDocument: 'after',
          upsert: options.upsert ?? false,
        })) as T | null;
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        const current = await collection.findOne(filter as Document);
        throw await conflictFor(current ? applyUpdate(current, update) : (filter as Record<string, unknown>));
      }
    },
    async deleteOne(filter) {
      checkFilter(filter);
      return (await collection.deleteOne(filter as Document)).deletedCount === 1;
    },
    async upsertMany(docs) {
      if (docs.length === 0) return { inserted: 0, replaced: 0 };
      for (const doc of docs)
        if (typeof doc._id !== 'string' || doc._id === '') throw new StoreQueryError('a document needs a string _id');
      try {
        // Unordered: the server applies the batch in parallel and reports every failure, not just the first.
        const result = await collection.bulkWrite(
          docs.map((doc) => ({
            replaceOne: {
              filter: { _id: doc._id } as Document,
              replacement: structuredClone(doc) as Document,
              upsert: true,
            },
          })),
          { ordered: false },
        );
        return { inserted: result.upsertedCount, replaced: result.matchedCount };
      } catch (error) {
        const duplicate =
          error instanceof driver.MongoBulkWriteError &&
          error.writeErrors &&
          [error.writeErrors].flat().some((e) => e.code === DUPLICATE_KEY);
        if (!duplicate && !isDuplicate(error)) throw error;
        for (const doc of docs) {
          const conflict = await conflictFor(doc as Record<string, unknown>);
          if (conflict.index !== '_id') throw conflict;
        }
        throw new StoreConflictError(spec.name, '_id', ['_id']);
      }
    },
    async deleteMany(filter) {
      checkFilter(filter);
      return (await collection.deleteMany(filter as Document)).deletedCount;
    },
  };
}
