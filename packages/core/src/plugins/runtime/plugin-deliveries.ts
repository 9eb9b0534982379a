/**
 * The plugin event outbox. Hub events reach plugins' `on` handlers (and, through them, webhooks such as the notify
 * plugin's) from the store, not from the bus: once several hubs share the bus every hub hears every event, and each
 * would run every handler. The hub whose transition won records one row per event and receiving plugin; every hub's
 * dispatcher claims each attempt of a row once (store/claims.ts), runs the handler, and marks the row DELIVERED, or
 * due again after a backoff, or FAILED after the last attempt. Operators read the rows (`pluginEventDeliveries`) and
 * the hub log.
 *
 * A handler killed mid-run (its hub died) is run again once its claim expires: delivery is exactly once while hubs
 * live, at least once across a crash, as with any webhook.
 */
import { encodeGlobalId } from '../../graphql/global-id.js';
import type { HubLogger } from '../../logger.js';
import { CLAIM_OWNER, ClaimTable, type ClaimRecord } from '../../store/claims.js';
import { readPage, type Page, type PageRequest } from '../../store/page.js';
import { StoreConflictError, type Collection, type Store } from '../../store/port.js';
import type { DeliveryStatus, PluginEventDelivery } from '../model.js';
import type { Loaded, PluginRegistry } from './plugin-registry.js';

/** A public challenge event as the challenges module records it once (its `id` names it across hubs). */
export interface RecordedChallengeEvent {
  id: string;
  kind: string;
  challengeId: string;
  at: string;
}

export interface DeliveryOptions {
  /** Attempts before a delivery is FAILED. Default 5. */
  maxAttempts?: number;
  /** The wait after the first failure; it doubles with each failure, up to an hour. Default 30 s. */
  retryBaseMs?: number;
}

export interface PluginDeliveriesDeps {
  store: Store;
  registry: PluginRegistry;
  /** Runs a plugin's `on` handler; rejects when it fails or exceeds its deadline. */
  run: (loaded: Loaded, event: { name: string; payload: Record<string, unknown> }) => Promise<unknown>;
  logger: HubLogger;
  clock: () => number;
  /** A handler's deadline: a delivery claim lasts far longer. */
  deadlineMs: number;
  options?: DeliveryOptions;
}

export const receives = (loaded: Loaded, name: string): boolean =>
  loaded.granted.includes('events:receive') && (loaded.manifest.events?.receives ?? []).includes(name);

export class PluginDeliveries {
  private readonly rows: Collection<PluginEventDelivery>;
  private readonly claims: ClaimTable;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(private readonly deps: PluginDeliveriesDeps) {
    this.rows = deps.store.collection<PluginEventDelivery>('plugin_event_deliveries');
    this.claims = new ClaimTable(deps.store.collection<ClaimRecord>('plugin_delivery_claims'), {
      clock: deps.clock,
      // Far above a handler's deadline (5 s by default) and any clock skew between hubs (seconds): a live hub's
      // attempt is never taken over; a dead hub's is run again after this long.
      ttlMs: Math.max(60_000, deps.deadlineMs * 6),
      owner: CLAIM_OWNER,
    });
    this.maxAttempts = deps.options?.maxAttempts ?? 5;
    this.retryBaseMs = deps.options?.retryBaseMs ?? 30_000;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.deps.clock() + offsetMs).toISOString();
  }

  /**
   * Records one delivery per plugin receiving the event, once however often it is called for the same event id, and
   * starts delivering them on this hub at once (other hubs' dispatchers pick up what this one does not finish).
   */
  async record(event: RecordedChallengeEvent): Promise<void> {
    const name = `challenge.${event.kind.toLowerCase()}`;
    const payload = { challengeId: encodeGlobalId('Challenge', event.challengeId), at: event.at };
    const now = this.iso();
    const recorded: PluginEventDelivery[] = [];
    for (const loaded of this.deps.registry.all()) {
      if (!receives(loaded, name)) continue;
      const row: PluginEventDelivery = {
        _id: `${event.id}>${loaded.manifest.name}`,
        eventId: event.id,
        plugin: loaded.manifest.name,
        event: name,
        payloadJson: JSON.stringify(payload),
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        updatedAt: now,
        deliveredAt: null,
      };
      try {
        await this.rows.insertOne(row);
        recorded.push(row);
      } catch (error) {
        // Recorded already, by a hub that died before it finished the transition's work.
        if (!(error instanceof StoreConflictError)) throw error;
      }
    }
    for (const row of recorded) void this.deliverLogged(row);
  }

  /** The scheduler's job: delivers what is due (new rows other hubs did not take, retries, dead hubs' attempts). */
  async deliverDue(limit = 100): Promise<number> {
    const due = await this.rows.find(
      { status: 'PENDING', nextAttemptAt: { $lte: this.iso() } },
      { sort: [['nextAttemptAt', 1]], limit },
    );
    let ran = 0;
    for (const row of due) if (await this.deliver(row)) ran++;
    return ran;
  }

  /** A page of deliveries, newest first; one status or all. */
  list(status: DeliveryStatus | null, plugin: string | null, page: PageRequest): Promise<Page<PluginEventDelivery>> {
    const filter: Record<string, unknown> = {};
    if (status) filter.status = status;
    if (plugin) filter.plugin = plugin;
    return readPage(this.rows, filter, [['createdAt', -1]], page);
  }

  private deliverLogged(row: PluginEventDelivery): Promise<boolean> {
    return this.deliver(row).catch((error: unknown) => {
      this.deps.logger.error({ err: error, delivery: row._id }, 'could not deliver a plugin event');
      return false;
    });
  }

  /** One attempt, claimed once across hubs; false when another hub has it or it is not due. */
  private async deliver(row: PluginEventDelivery): Promise<boolean> {
    const claim = await this.claims.claim(`${row._id}@${row.attempts}`);
    if (!claim) return false;
    // The row as it is now: the attempt this claim names may have finished on a hub that then died before `done`.
    const current = await this.rows.findOne({ _id: row._id });
    if (!current || current.status !== 'PENDING' || current.attempts !== row.attempts) {
      await this.claims.done(claim);
      return false;
    }
    const { logger } = this.deps;
    const loaded = this.deps.registry.get(row.plugin);
    const attempts = row.attempts + 1;
    try {
      if (!loaded || !receives(loaded, row.event))
        throw new Error(`the plugin is not enabled for ${row.event} on this hub`);
      await this.deps.run(loaded, { name: row.event, payload: JSON.parse(row.payloadJson) as Record<string, unknown> });
      const now = this.iso();
      await this.rows.findOneAndUpdate(
        { _id: row._id },
        {
          $set: {
            status: 'DELIVERED',
            attempts,
            nextAttemptAt: null,
            lastError: null,
            deliveredAt: now,
            updatedAt: now,
          },
        },
      );
      logger.info({ plugin: row.plugin, event: row.event, delivery: row._id, attempts }, 'plugin event delivered');
    } catch (error) {
      const reason = (error as Error).message;
      const failed = attempts >= this.maxAttempts;
      const wait = Math.min(3_600_000, this.retryBaseMs * 2 ** (attempts - 1));
      await this.rows.findOneAndUpdate(
        { _id: row._id },
        {
          $set: {
            status: failed ? 'FAILED' : 'PENDING',
            attempts,
            nextAttemptAt: failed ? null : this.iso(wait),
            lastError: reason,
            updatedAt: this.iso(),
          },
        },
      );
      const fields = { plugin: row.plugin, event: row.event, delivery: row._id, attempts, reason };
      if (failed) logger.error(fields, 'plugin event delivery FAILED after its last attempt');
      else logger.warn({ ...fields, retryInMs: wait }, 'plugin event handler failed; it will be retried');
    }
    await this.claims.done(claim);
    return true;
  }
}
