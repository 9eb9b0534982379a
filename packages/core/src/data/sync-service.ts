import { conflict, forbidden, isMaruError } from '../errors.js';
import { newId } from '../ids.js';
import type { Viewer } from '../identity/index.js';
import { silentLogger, type HubLogger } from '../logger.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { CLAIM_OWNER, ClaimTable, type ClaimRecord } from '../store/claims.js';
import type { Collection, Store } from '../store/port.js';
import { canSeeOperations } from './access-rules.js';
import type { ConnectionService } from './connection-service.js';
import { SourceError } from './connectors/connector.js';
import type { ConnectorRegistry } from './connectors/connector-registry.js';
import { RecordWriter } from './record-writer.js';
import type { DataConnection, DataRecord, DataSync } from './model.js';

export interface SyncOptions {
  /**
   * Records written per bulk write (one SQLite transaction, one fsync). Default 2,000: a few MB held, about twice the
   * rows/s of 500.
   */
  batchSize?: number;
  /**
   * How long a sync holds its connection before another hub may take over; renewed while it runs. Default 5 minutes.
   */
  leaseMs?: number;
  /** The first retry after a failure; it doubles with each failure in a row. Default 1 minute. */
  retryBaseMs?: number;
  /** The longest wait between retries. Default 6 hours. */
  retryMaxMs?: number;
}

/** One run of a connection: the state it starts from (who holds it, when it is due, when it last ran). */
const runKey = (c: DataConnection) =>
  `sync:${c._id}:${c.currentSyncId ?? 'idle'}:${c.nextSyncAt ?? 'unscheduled'}:${c.lastSyncAt ?? 'never'}`;

export interface StartedSync {
  sync: DataSync;
  /** Settles when the sync has finished (succeeded, partly or not at all); never rejects. */
  done: Promise<DataSync>;
}

/**
 * Runs syncs: claims each run once (store/claims.ts), then the connection (one
 * sync at a time, across hub instances, by a lease), streams the source through the RecordWriter, keeps
 * the history, and schedules the next run — or a retry with backoff when the
 * source fails.
 */
export class SyncService {
  readonly #syncs: Collection<DataSync>;
  readonly #claims: ClaimTable;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<DataSync> }>();
  private readonly options: Required<SyncOptions>;
  private stopped = false;

  constructor(
    store: Store,
    private readonly records: Collection<DataRecord>,
    private readonly connections: ConnectionService,
    private readonly connectors: ConnectorRegistry,
    private readonly clock: () => number,
    private readonly logger: HubLogger = silentLogger,
    options: SyncOptions = {},
    /** Called once a connection's first sync succeeds: its dataset has become available. */
    private readonly onFirstSuccess?: (connection: DataConnection) => Promise<void>,
  ) {
    this.#syncs = store.collection<DataSync>('data_syncs');
    // A claim covers only the start (claim → lease, milliseconds); a minute is far above that and above clock skew
    // between hubs (seconds). A start whose hub died is taken over after it.
    this.#claims = new ClaimTable(store.collection<ClaimRecord>('data_sync_claims'), {
      clock,
      ttlMs: 60_000,
      owner: CLAIM_OWNER,
    });
    this.options = {
      batchSize: 2_000,
      leaseMs: 5 * 60_000,
      retryBaseMs: 60_000,
      retryMaxMs: 6 * 3_600_000,
      ...options,
    };
  }

  private iso(offsetMs = 0): string {
    return new Date(this.clock() + offsetMs).toISOString();
  }

  /** One run of a sync, when the viewer may see how its connection is run (the owning agency, platform admins). */
  async visibleTo(viewer: Viewer | null, id: string): Promise<DataSync | null> {
    const sync = await this.#syncs.findOne({ _id: id });
    const connection = sync && (await this.connections.get(sync.connectionId));
    return sync && connection && canSeeOperations(viewer, connection) ? sync : null;
  }

  /** A page of a connection's sync history, newest first (the owning agency and platform admins). */
  async historyOf(viewer: Viewer | null, connection: DataConnection, page: PageRequest): Promise<Page<DataSync>> {
    if (!canSeeOperations(viewer, connection))
      throw forbidden(`The sync history of "${connection.name}" is visible to its agency and platform admins only.`);
    return readPage(this.#syncs, { connectionId: connection._id }, [['startedAt', -1]], page);
  }

  /** A sync asked for by a member (or by an upload); CONFLICT when one is already running. */
  async request(
    viewer: Viewer | null,
    connectionId: string,
    trigger: 'MANUAL' | 'UPLOAD' = 'MANUAL',
  ): Promise<StartedSync> {
    const connection = await this.connections.requireManaged(viewer, connectionId);
    const started = await this.start(connection, trigger, viewer!.member._id);
    if (!started)
      throw conflict(
        `A sync of "${connection.name}" is already running; wait for it to finish (see its sync history).`,
      );
    return started;
  }

  /** Starts the syncs whose time has come (schedule or retry); resolves when they have finished. */
  async runDue(limit = 5): Promise<number> {
    const due = await this.connections.dueForSync(this.iso(), limit);
    let ran = 0;
    for (const connection of due) {
      if (connection.status === 'PAUSED') continue;
      const started = await this.start(connection, 'SCHEDULE', null);
      if (started) {
        ran++;
        await started.done;
      }
    }
    return ran;
  }

  /** Aborts running syncs (the hub is stopping) and waits for them to record that. */
  async stop(): Promise<void> {
    // No new sync starts once stopping begins: a scheduler tick in flight would otherwise start one as the store
    // closes.
    this.stopped = true;
    for (const { controller } of this.running.values())
      controller.abort(new SourceError('the hub stopped during the sync'));
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async start(
    connection: DataConnection,
    trigger: DataSync['trigger'],
    requestedById: string | null,
  ): Promise<StartedSync | null> {
    if (this.stopped) return null;
    // The lease is a guarded update, which FerretDB runs as read-then-write: two hubs starting the same due run could
    // both take it. So each run is first claimed by a unique insert, keyed by the connection's state it starts from
    // (every start and every finish changes that state, so each scheduled slot, retry, takeover of a lapsed lease
    // and manual request is its own key).
    const claim = await this.#claims.claim(runKey(connection));
    if (!claim) return null;
    // The claim names the state this hub read; if the connection moved on meanwhile, that run is not this one's.
    const current = await this.connections.get(connection._id);
    if (!current || runKey(current) !== runKey(connection)) {
      await this.#claims.release(claim);
      return null;
    }
    const syncId = newId();
    let claimed: DataConnection | null;
    try {
      claimed = await this.connections.claimForSync(connection, syncId, this.iso(), this.iso(this.options.leaseMs));
    } catch (error) {
      await this.#claims.release(claim);
      throw error;
    }
    // Held by a live sync: released, so that this state's run can still be taken once that sync's lease lapses.
    if (!claimed) {
      await this.#claims.release(claim);
      return null;
    }
    await this.#claims.done(claim);
    // A sync whose lease lapsed left its record RUNNING: its hub stopped (or stalled past the lease) and will not
    // record the end. Its operators would otherwise see it running forever.
    if (current.currentSyncId && current.currentSyncId !== syncId)
      await this.endAbandoned(current.currentSyncId, syncId);
    const sync: DataSync = {
      _id: syncId,
      connectionId: connection._id,
      trigger,
      status: 'RUNNING',
      startedAt: this.iso(),
      finishedAt: null,
      read: 0,
      inserted: 0,
      updated: 0,
      removed: 0,
      rejected: 0,
      problems: [],
      error: null,
      requestedById,
    };
    await this.#syncs.insertOne(sync);
    // Which hub runs which sync: with several hubs, the operator's one place to find the process behind a sync.
    this.logger.info({ connectionId: connection._id, syncId, trigger }, 'data sync started');
    const controller = new AbortController();
    const done = this.run(claimed, sync, controller).finally(() => this.running.delete(syncId));
    this.running.set(syncId, { controller, done });
    return { sync, done };
  }

  /** Records a sync whose hub stopped mid-run as FAILED, naming the sync that took over; a finished one is left as is. */
  private async endAbandoned(abandonedId: string, successorId: string): Promise<void> {
    await this.#syncs.findOneAndUpdate(
      { _id: abandonedId, status: 'RUNNING' },
      {
        $set: {
          status: 'FAILED',
          finishedAt: this.iso(),
          error: `the hub running this sync stopped before it finished; sync ${successorId} took the connection over`,
        },
      },
    );
  }

  /** Extends this sync's hold on its connection; false when another sync has taken it over. */
  private async renewLease(connection: DataConnection, sync: DataSync): Promise<boolean> {
    return this.connections.holdForSync(connection._id, sync._id, this.iso(this.options.leaseMs));
  }

  private async run(connection: DataConnection, sync: DataSync, controller: AbortController): Promise<DataSync> {
    const signal = controller.signal;
    const writer = new RecordWriter(connection, sync._id, this.records, this.options.batchSize, this.clock, (fields) =>
      this.connections.setSyncedFields(connection._id, sync._id, fields),
    );
    // The lease is renewed on a timer, whatever the source's pace, so a slow but live sync keeps its
    // connection; if another hub has taken it over (this one stalled past the lease), this sync stops
    // writing at once rather than racing the other one.
    const lost = () =>
      controller.abort(new SourceError("another sync took over this connection after this one's lease lapsed"));
    const renewal = setInterval(
      () => {
        this.renewLease(connection, sync).then(
          (held) => held || lost(),
          (error: unknown) => this.logger.warn({ err: error, syncId: sync._id }, 'could not renew a data sync lease'),
        );
      },
      Math.max(10, Math.floor(this.options.leaseMs / 3)),
    );
    renewal.unref();
    writer.beforeWrite = async () => {
      if (signal.aborted) throw signal.reason;
    };
    try {
      const source = this.connectors.read(
        connection.connector.kind,
        JSON.parse(connection.connector.configJson) as unknown,
        signal,
        await this.connections.ownerOf(connection),
      );
      for await (const item of source) {
        if (signal.aborted)
          throw signal.reason instanceof Error ? signal.reason : new SourceError('the sync was cancelled');
        await writer.add(item);
      }
      await writer.finish();
      let removed = 0;
      if (writer.problems.count === 0) {
        // Records this sync did not see are removed only while it provably still holds the connection.
        if (!(await this.renewLease(connection, sync)))
          throw new SourceError('another sync took over this connection before this one could remove stale records');
        removed = await this.records.deleteMany({ connectionId: connection._id, syncId: { $ne: sync._id } });
      }
      return await this.finish(connection, sync, { ...writer.counts(), removed, error: null });
    } catch (error) {
      const message =
        error instanceof SourceError || isMaruError(error)
          ? error.message
          : `the sync failed inside the hub (sync ${sync._id}); the operator's log has the details`;
      if (!(error instanceof SourceError) && !isMaruError(error))
        this.logger.error({ err: error, connectionId: connection._id, syncId: sync._id }, 'data sync failed');
      return await this.finish(connection, sync, { ...writer.counts(), removed: 0, error: message }).catch(
        (finishError: unknown) => {
          this.logger.error({ err: finishError, syncId: sync._id }, 'could not record the end of a data sync');
          return { ...sync, status: 'FAILED' as const, error: message };
        },
      );
    } finally {
      clearInterval(renewal);
    }
  }

  private async finish(
    connection: DataConnection,
    sync: DataSync,
    outcome: ReturnType<RecordWriter['counts']> & { removed: number; error: string | null },
  ): Promise<DataSync> {
    const now = this.iso();
    const status = outcome.error ? 'FAILED' : outcome.rejected > 0 ? 'PARTIAL' : 'SUCCEEDED';
    const finished = (await this.#syncs.findOneAndUpdate(
      { _id: sync._id },
      { $set: { ...outcome, status, finishedAt: now } },
    ))!;
    const current = await this.connections.get(connection._id);
    const paused = current?.status === 'PAUSED';
    const refresh = current?.refreshMinutes ?? connection.refreshMinutes;
    let set: Partial<DataConnection>;
    if (outcome.error) {
      const failures = (current?.failures ?? 0) + 1;
      const cap = Math.min(this.options.retryMaxMs, refresh ? refresh * 60_000 : this.options.retryMaxMs);
      set = {
        status: paused ? 'PAUSED' : 'FAILING',
        lastError: outcome.error,
        failures,
        nextSyncAt: paused ? null : this.iso(Math.min(cap, this.options.retryBaseMs * 2 ** (failures - 1))),
      };
    } else {
      set = {
        status: paused ? 'PAUSED' : 'ACTIVE',
        lastError: null,
        failures: 0,
        lastSuccessAt: now,
        nextSyncAt: paused || !refresh ? null : this.iso(refresh * 60_000),
      };
    }
    await this.connections.finishSync(connection._id, sync._id, {
      ...set,
      lastSyncAt: now,
      recordCount: await this.records.count({ connectionId: connection._id }),
      updatedAt: now,
    });
    if (!outcome.error && current && current.lastSuccessAt === null)
      await this.onFirstSuccess?.({ ...current, ...set }).catch((error: unknown) =>
        this.logger.error({ err: error, connection: connection._id }, 'could not record dataset notices'),
      );
    return finished;
  }
}
