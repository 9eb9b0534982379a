import type { Collection, Doc, Store } from './port.js';

/** A store whose writes are counted, and the count. */
export interface TrackedStore {
  store: Store;
  /** Grows after every finished write to a collection not ignored; equal values mean nothing changed in between. */
  version(): number;
}

/**
 * Wraps a store so that every write bumps a counter once it has finished
 * (or failed: a bulk write may have half-happened). Readers that snapshot the
 * counter before reading and compare it later know whether what they read
 * may be stale — the response cache's invalidation.
 */
export function trackWrites(inner: Store, ignore: ReadonlySet<string> = new Set()): TrackedStore {
  let version = 0;
  const bump = () => {
    version++;
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
        tracked = trackCollection(collection, bump);
        wrapped.set(name, tracked as unknown as Collection<Doc>);
      }
      return tracked;
    },
  };
  return { store, version: () => version };
}

function trackCollection<T extends Doc>(inner: Collection<T>, bump: () => void): Collection<T> {
  const after = <R>(write: Promise<R>): Promise<R> => write.finally(bump);
  return {
    name: inner.name,
    findOne: (filter, options) => inner.findOne(filter, options),
    find: (filter, options) => inner.find(filter, options),
    count: (filter) => inner.count(filter),
    explain: (filter, options) => inner.explain(filter, options),
    insertOne: (doc) => after(inner.insertOne(doc)),
    findOneAndUpdate: (filter, update, options) => after(inner.findOneAndUpdate(filter, update, options)),
    deleteOne: (filter) => after(inner.deleteOne(filter)),
    upsertMany: (docs) => after(inner.upsertMany(docs)),
    deleteMany: (filter) => after(inner.deleteMany(filter)),
  };
}
