import type { DatabaseSync } from 'node:sqlite';

/**
 * When the writes queued since the last commit run: `immediate` (the default) after the event loop's current poll
 * phase, so every request whose I/O arrived in the same turn shares one transaction; `microtask` at the end of the
 * current macrotask only (fewer writes per batch under load: docs/benchmarks.md, "Group commit"); `off` runs each write
 * in its own transaction at once, as before group commit (kept for the benchmark's comparison).
 */
export type WriteBatching = 'immediate' | 'microtask' | 'off';

/** What the group commit did since the store opened (tests and benchmarks read it). */
export interface GroupCommitStats {
  /** Writes acknowledged or refused. */
  writes: number;
  /** Transactions committed: with concurrent writers, far fewer than `writes`. */
  commits: number;
  /** The most writes one transaction held. */
  largestBatch: number;
}

export interface GroupCommit {
  /** Runs `work` (synchronous SQLite calls) in the next batch; resolves once the batch's COMMIT has returned. */
  write<R>(work: () => R): Promise<R>;
  /** Runs the queued writes now (before the store closes). */
  flush(): void;
  stats(): GroupCommitStats;
}

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for `node:sqlite`. With `synchronous = FULL` every COMMIT waits for an fsync, and `node:sqlite` waits
 * on the JavaScript thread: one transaction per write caps the hub at one write per fsync, whatever the number of
 * concurrent requests. Here the writes issued while the thread was busy are queued and run together in ONE
 * transaction, one fsync for them all:
 *
 * - each write runs in its own SAVEPOINT, so a write that fails (a unique index, a bad update) rolls back alone and
 *   rejects only its own caller; the others commit;
 * - every caller is answered only after the COMMIT returned, so an acknowledged write is as durable as before, also
 *   across `kill -9`;
 * - the batch runs synchronously in one turn, so no read ever sees half of it, and writes apply in the order they
 *   were issued;
 * - a read issued after a write's promise resolved sees the write; a read issued while the write is still queued
 *   does not (as with any asynchronous store: MongoDB behaves the same).
 */
export function createGroupCommit(db: DatabaseSync, batching: WriteBatching = 'immediate'): GroupCommit {
  // Captured once: a test that fakes the global timers must not stop the store from committing.
  const schedule = batching === 'microtask' ? queueMicrotask : setImmediate;
  let queue: Queued[] = [];
  let scheduled = false;
  const stats: GroupCommitStats = { writes: 0, commits: 0, largestBatch: 0 };

  const run = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      if (!db.isOpen) throw new Error('store is closed');
      commitBatch(batch);
    } catch (error) {
      // Nothing may escape into the event loop (it would end the process): whatever went wrong is the callers' to see.
      // Callers already answered keep their answer (a promise settles once).
      for (const item of batch) item.reject(error);
      try {
        if (db.isOpen && db.isTransaction) db.exec('ROLLBACK');
      } catch {
        // Already reported to the callers.
      }
    }
  };

  const commitBatch = (batch: Queued[]) => {
    stats.writes += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    // Writes applied in the open transaction, answered once it commits.
    let applied: Array<{ item: Queued; value: unknown }> = [];
    const failAll = (error: unknown) => {
      for (const { item } of applied) item.reject(error);
      applied = [];
    };
    const commit = () => {
      if (applied.length === 0) {
        if (db.isTransaction) db.exec('ROLLBACK');
        return;
      }
      try {
        db.exec('COMMIT');
        stats.commits++;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        failAll(error);
        return;
      }
      for (const { item, value } of applied) item.resolve(value);
      applied = [];
    };
    for (const [index, item] of batch.entries()) {
      if (!db.isTransaction) {
        try {
          db.exec('BEGIN IMMEDIATE');
        } catch (error) {
          // Another process held the database past the busy timeout (5 s): the rest of the batch fails with it rather
          // than each write waiting 5 s more on the thread. The next batch tries again.
          for (const left of batch.slice(index)) left.reject(error);
          break;
        }
      }
      db.exec('SAVEPOINT maru_write');
      try {
        const value = item.work();
        db.exec('RELEASE maru_write');
        applied.push({ item, value });
      } catch (error) {
        if (db.isTransaction) {
          db.exec('ROLLBACK TO maru_write');
          db.exec('RELEASE maru_write');
        } else {
          // SQLite rolled the whole transaction back itself (I/O error, disk full): the writes before this one in the
          // batch are gone too, so their callers are refused with the same error.
          failAll(error);
        }
        item.reject(error);
      }
    }
    if (db.isTransaction) commit();
  };

  return {
    write<R>(work: () => R): Promise<R> {
      if (batching === 'off') {
        return new Promise<R>((resolve, reject) => {
          queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
          run();
        });
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          schedule(run);
        }
      });
    },
    flush: run,
    stats: () => ({ ...stats }),
  };
}
