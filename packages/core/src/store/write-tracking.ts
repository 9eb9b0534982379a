import { AsyncLocalStorage } from 'node:async_hooks';
import type { Collection, Doc, Store } from './port.js';

/** A store whose writes are counted per collection, and whose reads a caller can record. */
export interface TrackedStore {
  store: Store;
  /** Grows after every finished write to a collection not ignored; equal values mean nothing changed in between. */
  version(): number;
  /** Grows after every finished write to `collection` on this instance (0 before the first). */
  generation(collection: string): number;
  /** Runs `work` and returns, with its result, the names of the collections (not ignored) it read. */
  recordReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: ReadonlySet<string> }>;
}

export interface TrackWritesOptions {
  /**
   * Told after each finished write, with the collection's name; the write's caller waits for it (the shared
   * generations in Redis are bumped before a mutation answers, so another hub's next read sees it). Must not reject.
   */
  afterWrite?: (collection: string) => Promise<void> | void;
}

/**
 * Wraps a store so that every write bumps its collection's counter once it has finished
 * (or failed: a bulk write may have half-happened). Readers that snapshot the
 * counters before reading and compare them later know whether what they read
 * may be stale — the response cache's invalidation. Reads made inside
 * `recordReads` are noted by collection (an AsyncLocalStorage follows the request through its awaits), so a cached
 * answer depends only on the collections it read: a write to challenges leaves an answer about organizations valid.
 */
export function trackWrites(
  inner: Store,
  ignore: ReadonlySet<string> = new Set(),
  options: TrackWritesOptions = {},
): TrackedStore {
  let version = 0;
  const generations = new Map<string, number>();
  const reading = new AsyncLocalStorage<Set<string>>();
  const bump = (name: string) => {
    version++;
    generations.set(name, (generations.get(name) ?? 0) + 1);
    return options.afterWrite?.(name);
  };
  const wrapped = new Map<string, Collection<Doc>>();
  const store: Store = {
    get engine() {
      return inner.engine;
    },
    get capabilities() {
      return inner.capabilities;
    },
    migrate: (specs) => inner.migrate(specs),
    ping: () => inner.ping(),
    close: () => inner.close(),
    collection<T extends Doc>(name: string): Collection<T> {
      const collection = inner.collection<T>(name);
      if (ignore.has(name)) return collection;
      let tracked = wrapped.get(name) as Collection<T> | undefined;
      if (!tracked) {
        tracked = trackCollection(
          collection,
          () => bump(name),
          () => reading.getStore()?.add(name),
        );
        wrapped.set(name, tracked as unknown as Collection<Doc>);
      }
      return tracked;
    },
  };
  return {
    store,
    version: () => version,
    generation: (collection) => generations.get(collection) ?? 0,
    async recordReads(work) {
      const reads = new Set<string>();
      const result = await reading.run(reads, work);
      return { result, reads };
    },
  };
}

function trackCollection<T extends Doc>(
  inner: Collection<T>,
  bump: () => Promise<void> | void,
  read: () => void,
): Collection<T> {
  const after = async <R>(write: Promise<R>): Promise<R> => {
    try {
      return await write;
    } finally {
      await bump();
    }
  };
  return {
    name: inner.name,
    findOne: (filter, options) => (read(), inner.findOne(filter, options)),
    find: (filter, options) => (read(), inner.find(filter, options)),
    count: (filter) => (read(), inner.count(filter)),
    countBy: (filter, options) => (read(), inner.countBy(filter, options)),
    explain: (filter, options) => inner.explain(filter, options),
    insertOne: (doc) => after(inner.insertOne(doc)),
    findOneAndUpdate: (filter, update, options) => after(inner.findOneAndUpdate(filter, update, options)),
    deleteOne: (filter) => after(inner.deleteOne(filter)),
    upsertMany: (docs) => after(inner.upsertMany(docs)),
    deleteMany: (filter) => after(inner.deleteMany(filter)),
  };
}
