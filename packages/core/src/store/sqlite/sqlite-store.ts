import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { applyUpdate } from '../apply-update.js';
import {
  StoreConflictError,
  StoreQueryError,
  type Collection,
  type CollectionSpec,
  type Doc,
  type Filter,
  type FindOneAndUpdateOptions,
  type FindOptions,
  type Sort,
  type Store,
  type Update,
} from '../port.js';
import { checkCountBy, groupValue, sortGroups } from '../count-by.js';
import { upsertSeed } from '../upsert-seed.js';
import { DocumentCache } from './document-cache.js';
import { createGroupCommit, type GroupCommit, type GroupCommitStats, type WriteBatching } from './group-commit.js';
import { compileFilter, compileSort, fieldExpr, type SqlParam } from './sql-filter.js';
import { readSqlitePlan, type SqlitePlanRow } from './sqlite-plan.js';

export interface SqliteStoreOptions {
  /** Directory holding `maru.sqlite`; created when missing. `:memory:` keeps nothing on disk. */
  dataDir: string;
  /** When queued writes commit together (group-commit.ts); `immediate` unless a benchmark compares. */
  writeBatching?: WriteBatching;
  /**
   * Parsed documents kept between reads (document-cache.ts), bounded by their JSON text's length in bytes. Default
   * 8 MiB; 0 keeps none.
   */
  documentCacheBytes?: number;
}

/** The SQLite store, with what its group commit did (tests and benchmarks). */
export interface SqliteStore extends Store {
  writeStats(): GroupCommitStats;
}

/**
 * The embedded engine: SQLite (Node's built-in `node:sqlite`) holding one JSON
 * document per row, one table per collection, and expression indexes over
 * `json_extract` for the declared indexes. WAL journaling with
 * `synchronous = FULL` makes every acknowledged write durable, also across
 * `kill -9`. `node:sqlite` is synchronous, so each call is atomic within the
 * process and read-modify-write updates need no locking of their own. Writes
 * go through a group commit (group-commit.ts): those issued concurrently share
 * one transaction and one fsync, and each is acknowledged after that commit.
 *
 * Built in rather than better-sqlite3: no native module to compile for whichever
 * Node ran `npm install`, and it measured as fast (docs/benchmarks.md, "SQLite driver").
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const memory = options.dataDir === ':memory:';
  if (!memory) mkdirSync(options.dataDir, { recursive: true });
  const db = new DatabaseSync(memory ? ':memory:' : join(options.dataDir, 'maru.sqlite'), { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.function('maru_regexp', { deterministic: true }, (pattern, flags, value) =>
    typeof value === 'string' && regexFor(String(pattern), String(flags)).test(value) ? 1 : 0,
  );
  const writes = createGroupCommit(db, options.writeBatching);
  const cacheBytes = options.documentCacheBytes ?? 8 * 1024 * 1024;
  const documents = cacheBytes > 0 ? new DocumentCache(db, cacheBytes) : null;
  const specs = new Map<string, CollectionSpec>();
  const collections = new Map<string, Collection<Doc>>();
  let closed = false;

  return {
    engine: 'sqlite',
    capabilities: { secondaryIndexes: true },
    async migrate(list) {
      transaction(db, () => {
        for (const spec of list) {
          const table = tableName(spec.name);
          db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT`);
          // An index the collection no longer declares (a shape renamed away) costs every write and serves nothing.
          const declared = new Set(spec.indexes.map((index) => indexName(spec.name, index.name).slice(1, -1)));
          const existing = db
            .prepare(
              `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'`,
            )
            .all(table.slice(1, -1)) as Array<{ name: string }>;
          for (const { name } of existing) if (!declared.has(name)) db.exec(`DROP INDEX "${name}"`);
          for (const index of spec.indexes) {
            const columns = index.keys
              .map(([field, dir]) => `${fieldExpr(field)} ${dir === 1 ? 'ASC' : 'DESC'}`)
              .join(', ');
            db.exec(
              `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName(spec.name, index.name)} ` +
                `ON ${table} (${columns})`,
            );
          }
          specs.set(spec.name, spec);
          collections.delete(spec.name);
          documents?.forgetCollection(spec.name);
        }
      });
    },
    collection<T extends Doc>(name: string): Collection<T> {
      const spec = specs.get(name);
      if (!spec) throw new StoreQueryError(`collection ${name} was not migrated`);
      let collection = collections.get(name);
      if (!collection) {
        collection = createCollection(db, spec, writes, documents);
        collections.set(name, collection);
      }
      return collection as unknown as Collection<T>;
    },
    async ping() {
      if (closed) throw new Error('store is closed');
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      writes.flush();
      db.close();
    },
    writeStats: () => writes.stats(),
  };
}

const regexCache = new Map<string, RegExp>();
function regexFor(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = regexCache.get(key);
  if (!regex) {
    regex = new RegExp(pattern, flags.includes('i') ? 'iu' : 'u');
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(key, regex);
  }
  return regex;
}

function tableName(collection: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new StoreQueryError(`invalid collection name ${collection}`);
  return `"c_${collection}"`;
}

function indexName(collection: string, index: string): string {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(index)) throw new StoreQueryError(`invalid index name ${index}`);
  return `"ix_${collection}__${index}"`;
}

/**
 * Runs `work` in one SQLite transaction: committed when it returns, rolled back when it
 * throws (better-sqlite3's `db.transaction`, which `node:sqlite` does not have). Nested calls
 * join the outer transaction.
 */
function transaction<R>(db: DatabaseSync, work: () => R): R {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** SQLite's extended result codes for the two constraint failures a write can meet. */
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

function createCollection(
  db: DatabaseSync,
  spec: CollectionSpec,
  writes: GroupCommit,
  documents: DocumentCache | null,
): Collection<Doc> {
  const table = tableName(spec.name);
  const name = spec.name;
  const byIds = db.prepare(`SELECT id, doc FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  byIds.setReturnArrays(true);
  const arrays = new Set(spec.arrayFields ?? []);
  const insert = db.prepare(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`);
  const replace = db.prepare(`UPDATE ${table} SET doc = ? WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const upsert = db.prepare(
    `INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
  );
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  // Queries differ only in their parameters far more often than in their SQL: preparing each
  // text once saves SQLite's parse and plan on every read (a profiled hub spent 4% there).
  // Rows come back as arrays, not objects: a page of 20 read 1.8× faster (docs/benchmarks.md).
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = db.prepare(sql);
      statement.setReturnArrays(true);
      statements.set(sql, statement);
    }
    return statement;
  };
  // One SQLite transaction (or savepoint, in a group commit) per batch: a fsync per batch instead of per document is
  // what makes imports fast.
  const upsertBatch = (docs: readonly Doc[]) =>
    transaction(db, () => {
      let inserted = 0;
      for (const doc of docs) {
        if (exists.get(doc._id) === undefined) inserted++;
        documents?.forget(name, doc._id);
        upsert.run(doc._id, JSON.stringify(doc));
      }
      return { inserted, replaced: docs.length - inserted };
    });

  const translateConflict = (error: unknown): never => {
    const code = (error as { errcode?: number }).errcode;
    if (code === SQLITE_CONSTRAINT_PRIMARYKEY) throw new StoreConflictError(spec.name, '_id', ['_id']);
    if (code === SQLITE_CONSTRAINT_UNIQUE) {
      const match = /index '"?ix_[a-z0-9_]+__([A-Za-z0-9_]+)"?'/.exec((error as Error).message);
      const index = spec.indexes.find((i) => i.name === match?.[1]);
      if (index)
        throw new StoreConflictError(
          spec.name,
          index.name,
          index.keys.map(([f]) => f),
        );
      throw new StoreConflictError(spec.name, '_id', ['_id']);
    }
    throw error;
  };

  // `find` and `explain` share this, so a plan is the plan of the query `find` runs.
  const selectSql = (
    filter: Filter,
    options: FindOptions = {},
    column: 'doc' | 'id' = 'doc',
  ): { sql: string; params: SqlParam[] } => {
    const where = compileFilter(filter, arrays);
    let sql = `SELECT ${column} FROM ${table} WHERE ${where.sql}`;
    if (options.sort) sql += ` ORDER BY ${compileSort(options.sort)}`;
    const params: SqlParam[] = [...where.params];
    if (options.limit !== undefined || options.skip !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(options.limit ?? -1, options.skip ?? 0);
    }
    return { sql, params };
  };

  const select = (filter: Filter, options: FindOptions = {}): Doc[] => {
    // Inside a transaction (a write's own read) the documents may be uncommitted: read and parse them, keep nothing.
    if (documents && !db.isTransaction) return selectThroughCache(documents, filter, options);
    const { sql, params } = selectSql(filter, options);
    return (prepared(sql).all(...params) as unknown as Array<[string]>).map((row) => JSON.parse(row[0]) as Doc);
  };

  // The query picks the ids; the documents come from the cache, and those it lacks from one more read by id.
  const selectThroughCache = (cache: DocumentCache, filter: Filter, options: FindOptions): Doc[] => {
    cache.checkVersion();
    const { sql, params } = selectSql(filter, options, 'id');
    const ids = (prepared(sql).all(...params) as unknown as Array<[string]>).map((row) => row[0]);
    const found: Array<Doc | undefined> = ids.map((id) => cache.get(name, id));
    const missing = ids.filter((_, i) => found[i] === undefined);
    if (missing.length === 0) return found as Doc[];
    const texts = new Map(
      (byIds.all(JSON.stringify(missing)) as unknown as Array<[string, string]>).map(([id, text]) => [id, text]),
    );
    const docs: Doc[] = [];
    for (let i = 0; i < ids.length; i++) {
      const text = found[i] === undefined ? texts.get(ids[i]!) : undefined;
      // Gone between the two reads (another process deleted it): as if the query had not found it.
      const doc = found[i] ?? (text === undefined ? undefined : cache.keep(name, ids[i]!, text));
      if (doc) docs.push(doc);
    }
    return docs;
  };

  const findOneAndUpdate = (filter: Filter, update: Update, options: FindOneAndUpdateOptions): Doc | null =>
    transaction(db, () => {
      const [current] = select(filter, { limit: 1 });
      if (!current) {
        if (!options.upsert) return null;
        const seed = upsertSeed(filter) as Doc;
        if (typeof seed._id !== 'string') throw new StoreQueryError('an upsert filter must name the _id');
        const created = applyUpdate(seed, update, true);
        documents?.forget(name, created._id);
        insert.run(created._id, JSON.stringify(created));
        return created;
      }
      const next = applyUpdate(current, update);
      documents?.forget(name, current._id);
      replace.run(JSON.stringify(next), current._id);
      return next;
    });

  return {
    name: spec.name,
    async insertOne(doc) {
      if (typeof doc._id !== 'string' || doc._id === '') throw new StoreQueryError('a document needs a string _id');
      try {
        await writes.write(() => {
          documents?.forget(name, doc._id);
          insert.run(doc._id, JSON.stringify(doc));
        });
      } catch (error) {
        translateConflict(error);
      }
    },
    async findOne(filter, options: { sort?: Sort } = {}) {
      return select(filter, { ...options, limit: 1 })[0] ?? null;
    },
    async find(filter, options) {
      return select(filter, options);
    },
    async explain(filter, options = {}) {
      const { sql, params } = selectSql(filter, { sort: options.sort, limit: options.limit });
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as unknown as SqlitePlanRow[];
      return readSqlitePlan(rows, spec, table.slice(1, -1));
    },
    async count(filter) {
      const where = compileFilter(filter, arrays);
      return (
        prepared(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where.sql}`).get(...where.params) as unknown as [number]
      )[0];
    },
    async countBy(filter, options) {
      checkCountBy(options);
      const where = compileFilter(filter, arrays);
      // The group columns are spelled as the expression indexes are, so an index on them serves the GROUP BY too.
      const keys = options.by.map(fieldExpr);
      const sql =
        `SELECT ${keys.join(', ')}, COUNT(*) FROM ${table} WHERE ${where.sql} ` +
        `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
      const rows = prepared(sql).all(...where.params) as unknown as unknown[][];
      const width = keys.length;
      return sortGroups(
        rows.map((row) => ({
          key: row.slice(0, width).map(groupValue),
          count: Number(row[width]),
        })),
      );
    },
    async findOneAndUpdate(filter, update, options = {}) {
      try {
        return await writes.write(() => findOneAndUpdate(filter, update, options));
      } catch (error) {
        return translateConflict(error);
      }
    },
    async deleteOne(filter) {
      return writes.write(() => {
        const [current] = select(filter, { limit: 1 });
        if (!current) return false;
        documents?.forget(name, current._id);
        return Number(remove.run(current._id).changes) === 1;
      });
    },
    async upsertMany(docs) {
      for (const doc of docs)
        if (typeof doc._id !== 'string' || doc._id === '') throw new StoreQueryError('a document needs a string _id');
      try {
        return await writes.write(() => upsertBatch(docs));
      } catch (error) {
        return translateConflict(error);
      }
    },
    async deleteMany(filter) {
      const where = compileFilter(filter, arrays);
      return writes.write(() => {
        documents?.forgetCollection(name);
        return Number(db.prepare(`DELETE FROM ${table} WHERE ${where.sql}`).run(...where.params).changes);
      });
    },
  };
}
