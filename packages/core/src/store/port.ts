/**
 * The store port. Shaped after MongoDB's official driver so that engine can
 * implement it directly: named collections of JSON documents, indexes declared
 * in code, Mongo-style filters and update operators, atomic single-document
 * updates. There are deliberately no multi-document transactions: the same
 * code must run on one node, a replica set or a sharded cluster. State
 * transitions use optimistic concurrency instead (a `version` field in the
 * filter of `findOneAndUpdate`).
 */

/** Every stored document has a string `_id`. Dates are stored as ISO-8601 strings. */
export type Doc = { _id: string };

export type SortDirection = 1 | -1;

/** Ordered sort keys, e.g. `[['createdAt', -1]]`. `_id` is always the final tie-break. */
export type Sort = ReadonlyArray<readonly [string, SortDirection]>;

/**
 * A filter in MongoDB's query language, limited to what every engine supports:
 * equality, `$eq $ne $gt $gte $lt $lte $in $nin $all $exists $regex
 * ($options: 'i')`, and `$and` / `$or`. Field names may be dotted paths.
 */
export type Filter = Record<string, unknown>;

/** Update operators every engine supports; `_id` can never be changed. */
export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true | 1 | ''>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  /** Applied only when an upsert inserts. */
  $setOnInsert?: Record<string, unknown>;
}

export interface IndexSpec {
  /** Stable name; it appears in conflict errors. */
  name: string;
  keys: ReadonlyArray<readonly [string, SortDirection]>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  /**
   * Fields holding arrays of scalars. Equality, `$in` and `$all` on them match
   * elements, as in MongoDB. Engines that know array types natively ignore it.
   */
  arrayFields?: string[];
}

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
}

/**
 * How an engine would run a query: whether it is served by one of the
 * collection's declared indexes rather than by scanning the whole collection.
 */
export interface QueryPlan {
  /** True when a declared index (or the `_id` primary key) serves the query; false for a full collection scan. */
  indexed: boolean;
  /** The serving index as named in the {@link CollectionSpec} (`_id` for the primary key), or `null`. */
  index: string | null;
  /** The engine's own plan as text, for people to read; its format is the engine's. */
  detail: string;
}

/** How {@link Collection.countBy} groups the matching documents. */
export interface CountByOptions {
  /**
   * Field paths to group by, one to three; each must hold a string or a number (or be missing, which groups as
   * `null`). Arrays and booleans are not promised: engines group them differently.
   */
  by: readonly string[];
}

/**
 * One group of a {@link Collection.countBy}: its key values in the order of `by` and how many documents it holds.
 * Counting only: FerretDB 1.24 totals a field (`$sum: '$field'`) as 0 whenever the group key is a document, so
 * totals are not promised; count per value instead.
 */
export interface CountByGroup {
  key: Array<string | number | null>;
  count: number;
}

export interface FindOneAndUpdateOptions {
  /** Insert when nothing matches, from the filter's equality fields and the update. */
  upsert?: boolean;
}

export interface Collection<T extends Doc> {
  readonly name: string;
  /** Inserts one document; throws {@link StoreConflictError} when a unique index refuses it. */
  insertOne(doc: T): Promise<void>;
  findOne(filter: Filter, options?: { sort?: Sort }): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Counts the matching documents per distinct value of the `by` fields, in the engine (SQL `GROUP BY`, MongoDB
   * `$match` + `$group` with `$sum` — all FerretDB 1.x supports), so a report reads one row per group instead of
   * every document. Groups come back sorted by key, `null` first. Keep the filter on an index and the groups few:
   * every group is returned.
   */
  countBy(filter: Filter, options: CountByOptions): Promise<CountByGroup[]>;
  /** How `find(filter, options)` would run, without running it (benchmarks, index reviews). */
  explain(filter: Filter, options?: Pick<FindOptions, 'sort' | 'limit'>): Promise<QueryPlan>;
  /**
   * Atomically updates the first matching document and returns it as it is
   * after the update, or `null` when nothing matched (and no upsert).
   */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  /** Deletes the first matching document; resolves whether one was deleted. */
  deleteOne(filter: Filter): Promise<boolean>;
  /**
   * Inserts each document, or replaces the stored one with the same `_id`.
   * A bulk write for imports (data syncs), not a transaction: when it throws,
   * some of the documents may have been written. Throws
   * {@link StoreConflictError} when a unique index other than `_id` refuses one.
   */
  upsertMany(docs: readonly T[]): Promise<{ inserted: number; replaced: number }>;
  /** Deletes every matching document; resolves how many. */
  deleteMany(filter: Filter): Promise<number>;
}

/** What the engine behind a store can do, where engines speaking the same protocol differ. */
export interface StoreCapabilities {
  /**
   * Queries on declared indexes are served from those indexes. False on
   * FerretDB 1.x, which keeps the indexes (and enforces unique ones) but
   * scans the collection for every query.
   */
  readonly secondaryIndexes: boolean;
}

export interface Store {
  /** `sqlite` (embedded) or `mongodb`. */
  readonly engine: string;
  readonly capabilities: StoreCapabilities;
  /** Creates collections and their indexes; idempotent, run at every start. */
  migrate(specs: CollectionSpec[]): Promise<void>;
  /** A migrated collection. Throws when `name` was never migrated. */
  collection<T extends Doc>(name: string): Collection<T>;
  /** Resolves when the engine answers; rejects otherwise (used by `/readyz`). */
  ping(): Promise<void>;
  /** Waits for pending writes and releases the engine. */
  close(): Promise<void>;
}

/** A unique index refused a write. */
export class StoreConflictError extends Error {
  constructor(
    readonly collection: string,
    /** The index that refused it (`_id` for the primary key). */
    readonly index: string,
    /** The fields of that index. */
    readonly fields: string[],
  ) {
    super(`duplicate key in ${collection} on ${fields.join(', ')}`);
    this.name = 'StoreConflictError';
  }
}

/** The filter or update uses something the port does not promise. */
export class StoreQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreQueryError';
  }
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field paths are checked before they reach an engine, so no engine sees injected syntax. */
export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new StoreQueryError(`invalid field path "${path}"`);
}
