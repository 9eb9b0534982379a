import type { Redis } from 'ioredis';
import type { CacheFreshness } from '../http/response-cache.js';
import type { HubLogger } from '../logger.js';
import type { TrackedStore } from '../store/write-tracking.js';

/** What an answer's stamp is made from, taken before it is produced. */
interface Begun {
  /** This hub's write count: a write during the run keeps the answer out of the cache. */
  version: number;
  plugins: number;
  /** The deployment's generations (Redis), or null without Redis. */
  shared: Map<string, string> | null;
  epoch: number;
}

/** What an answer was produced under: the generations of the collections it read. */
interface Stamp {
  collections: string[];
  local: number[];
  shared: string[] | null;
  plugins: number;
  epoch: number;
}

/** The deployment's generations per collection, in Redis (a hash `<prefix>:generations`). */
export interface SharedGenerations {
  /** Told after each write of this hub (`trackWrites`' `afterWrite`): HINCRBY, which the write's caller waits for. */
  afterWrite(collection: string): Promise<void>;
  /** Redis can be reached again: bumps what was written meanwhile; answers kept before are no longer served. */
  reconnected(): Promise<void>;
  /** All generations (before an answer is produced), or null when Redis cannot be reached. */
  all(): Promise<Map<string, string> | null>;
  /** The generations of `collections` now (one HMGET), or null when Redis cannot be reached. */
  of(collections: readonly string[]): Promise<string[] | null>;
  /** Grows each time Redis is reached again. */
  readonly epoch: number;
}

export function createSharedGenerations(args: {
  client: Redis;
  ready: () => boolean;
  key: string;
  logger: HubLogger;
}): SharedGenerations {
  const { client, ready, key, logger } = args;
  /** Collections written while the deployment's generations could not be bumped. */
  const pending = new Set<string>();
  let epoch = 0;
  const bump = async (collection: string) => {
    if (!ready()) {
      pending.add(collection);
      return;
    }
    try {
      await client.hincrby(key, collection, 1);
    } catch (error) {
      pending.add(collection);
      logger.debug({ collection, err: (error as Error).message }, 'a write could not be shared; bumped on reconnect');
    }
  };
  return {
    afterWrite: bump,
    async reconnected() {
      epoch++;
      const written = [...pending];
      pending.clear();
      await Promise.all(written.map(bump));
    },
    async all() {
      if (!ready()) return null;
      return client.hgetall(key).then(
        (all) => new Map(Object.entries(all)),
        () => null,
      );
    },
    async of(collections) {
      if (!ready()) return null;
      if (!collections.length) return [];
      return client.hmget(key, ...collections).then(
        (values) => values.map((value) => value ?? '0'),
        () => null,
      );
    },
    get epoch() {
      return epoch;
    },
  };
}

/**
 * Freshness per entity type: an answer records the collections it read, with their generations, and stays current
 * while none of them changed (and the plugin schema did not). Each hub counts its own writes per collection; with
 * Redis the deployment's counts are kept there too (HINCRBY after each write — the write's caller waits for it, so
 * the next read on another hub sees it — and one HMGET of the answer's collections per lookup).
 *
 * Without Redis (`shared` null) only this hub's writes are seen, as a single hub needs. With Redis configured but not
 * reachable, freshness cannot be told: `begin` and `isCurrent` say `null` and the cache is bypassed (requests are
 * answered, not from the cache). A write made meanwhile cannot reach the others' generations; it is kept and bumped
 * when Redis is back, and every hub, having lost the connection itself, stops serving the answers it kept before
 * (the `epoch`). What remains — a hub cut off from Redis while the others still reach it — leaves its writes unseen
 * by them at most until the TTL ends their answers, as before there was Redis.
 */
export function createCacheFreshness(
  tracked: Pick<TrackedStore, 'generation' | 'version' | 'recordReads'>,
  plugins: () => number,
  shared: SharedGenerations | null,
): CacheFreshness<Begun, Stamp> {
  return {
    async begin() {
      const begun: Begun = { version: tracked.version(), plugins: plugins(), shared: null, epoch: shared?.epoch ?? 0 };
      if (!shared) return begun;
      begun.shared = await shared.all();
      return begun.shared && begun;
    },

    recordReads: (work) => tracked.recordReads(work),

    stamp(begun, reads) {
      // A write of this hub during the run: the answer may hold what was there before it.
      if (tracked.version() !== begun.version || plugins() !== begun.plugins) return null;
      const collections = [...reads].sort();
      return {
        collections,
        local: collections.map((c) => tracked.generation(c)),
        shared: begun.shared && collections.map((c) => begun.shared!.get(c) ?? '0'),
        plugins: begun.plugins,
        epoch: begun.epoch,
      };
    },

    async isCurrent(stamp) {
      if (stamp.plugins !== plugins() || stamp.collections.some((c, i) => tracked.generation(c) !== stamp.local[i]))
        return false;
      if (!shared || !stamp.shared) return true;
      const now = await shared.of(stamp.collections);
      if (now === null) return null;
      if (stamp.epoch !== shared.epoch) return false;
      return now.every((value, i) => value === stamp.shared![i]);
    },
  };
}
