import { createHash } from 'node:crypto';
import { forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { canAdminister, isPlatformAdmin, requireScope, type Organization, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Filter, type Store } from '../store/port.js';
import {
  ChainCheckpoints,
  type ChainVerifyOptions,
  type CheckpointSigner,
  type SignedCheckpoint,
} from './checkpoint.js';
import { HashChain, type AppendStats, type ChainHeadHint, type ChainVerification } from './hash-chain.js';
import { AnonymousRefusals } from './anonymous-refusals.js';
import type { AuditEvent, AuditIntent } from './model.js';

export type { ChainVerification } from './hash-chain.js';

export type AuditEntry = Omit<AuditEvent, '_id' | 'seq' | 'at' | 'prevHash' | 'hash'>;

/** Which events to read; every field given must match (`from` inclusive, `to` exclusive). */
export interface AuditQuery {
  action?: string;
  outcome?: string;
  actorMemberId?: string;
  organizationId?: string;
  targetId?: string;
  requestId?: string;
  from?: string;
  to?: string;
}

/** What the trail needs of the identity module: an organization, to tell whether a viewer administers it. */
export interface OrganizationDirectory {
  get(id: string): Promise<Organization | null>;
}

/**
 * The hash an event must carry: SHA-256 over its content and the previous event's hash. `detail` is appended only when
 * present (as canonical JSON, keys sorted), so events written before it existed keep their hashes.
 */
export function hashEvent(event: Omit<AuditEvent, '_id' | 'hash'>): string {
  const content: unknown[] = [
    event.seq,
    event.at,
    event.actorMemberId,
    event.actorOrganizationId,
    event.action,
    event.targetId,
    event.organizationId,
    event.outcome,
    event.requestId,
    event.prevHash,
  ];
  if (event.detail !== undefined) content.push(canonical(event.detail));
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The append-only, hash-chained audit trail of every mutation and capability use. */
export class AuditTrail {
  readonly #events: Collection<AuditEvent>;
  private readonly chain: HashChain<AuditEvent>;
  readonly #checkpoints: ChainCheckpoints;
  readonly #intents: Collection<AuditIntent>;
  readonly #anonymous: AnonymousRefusals;

  constructor(
    store: Store,
    private readonly organizations: OrganizationDirectory,
    clock: () => number = Date.now,
    /** How long one window of anonymous refusals lasts before it is summarised. Default a minute. */
    anonymousWindowMs = 60_000,
  ) {
    this.#events = store.collection<AuditEvent>('audit_events');
    this.chain = new HashChain(this.#events, hashEvent, 'event', store.collection<ChainHeadHint>('chain_heads'));
    this.#checkpoints = new ChainCheckpoints('audit', this.chain, clock);
    this.#intents = store.collection<AuditIntent>('audit_intents');
    this.#anonymous = new AnonymousRefusals(anonymousWindowMs, clock);
  }

  get(id: string): Promise<AuditEvent | null> {
    return this.#events.findOne({ _id: id });
  }

  /**
   * A page of the trail, newest first, as `viewer` may read it: platform admins all of it, organization admins
   * their organization's (`query.organizationId`, which they must then give), nobody else any.
   */
  async listVisibleTo(viewer: Viewer | null, query: AuditQuery, page: PageRequest): Promise<Page<AuditEvent>> {
    requireScope(viewer, 'READ');
    if (!isPlatformAdmin(viewer)) {
      const org = query.organizationId ? await this.organizations.get(query.organizationId) : null;
      if (!org || !canAdminister(viewer, org)) {
        throw forbidden(
          'Only platform admins read the whole audit trail; organization ' +
            'admins set `filter.organizationId` to their organization.',
        );
      }
    }
    return readPage(this.#events, filterOf(query), [['seq', -1]], page);
  }

  /** How many events match, whoever asks: for the hub's own checks and tests, never a request's answer. */
  countEvents(query: AuditQuery = {}): Promise<number> {
    return this.#events.count(filterOf(query));
  }

  /** The events that match, oldest first (at most 10,000), whoever asks: for the hub's own checks and tests. */
  eventsMatching(query: AuditQuery = {}): Promise<AuditEvent[]> {
    return this.#events.find(filterOf(query), { sort: [['seq', 1]], limit: 10_000 });
  }

  /**
   * Appends an event. With `id` (work a hub may redo after another died mid-way, e.g. a claimed transition), a second
   * append of the same id is refused with a StoreConflictError on `_id`, so the event is written once.
   */
  append(entry: AuditEntry, id?: string): Promise<AuditEvent> {
    return this.chain.append(entry, id);
  }

  /** How many events this process appended and how often another hub instance took the position first. */
  appendStats(): AppendStats {
    return this.chain.stats();
  }

  /**
   * Writes the intent of an action about to run, before it changes anything; returns its id for `complete`. If the
   * hub stops before `complete`, the next start finds the intent and records the action as INTERRUPTED.
   */
  async begin(intent: Omit<AuditIntent, '_id' | 'at'>): Promise<string> {
    const _id = newId();
    await this.#intents.insertOne({ _id, at: new Date().toISOString(), ...intent });
    return _id;
  }

  /** Appends the action's event under the intent's id (so a restart can tell it was written), then drops the intent. */
  async complete(intentId: string, entry: AuditEntry): Promise<AuditEvent> {
    let event: AuditEvent;
    try {
      event = await this.chain.append(entry, intentId);
    } catch (error) {
      // Another instance starting meanwhile took this intent for a dead one (INTERRUPTED): the outcome goes on too.
      if (!(error instanceof StoreConflictError) || error.index !== '_id') throw error;
      event = await this.chain.append(entry);
    }
    await this.#intents.deleteOne({ _id: intentId });
    return event;
  }

  /** Drops an intent whose action needs no event after all (an anonymous refusal, counted instead). */
  async abandon(intentId: string): Promise<void> {
    await this.#intents.deleteOne({ _id: intentId });
  }

  /**
   * At start: every intent left behind by a hub that stopped mid-action (written before `startedAt`) becomes an
   * INTERRUPTED event — the action may or may not have taken effect, so every change that did has an event — unless
   * its event was written and only the intent's removal was lost. Returns how many events it appended.
   */
  async reconcileIntents(startedAt: string = new Date().toISOString()): Promise<number> {
    let appended = 0;
    for (;;) {
      const left = await this.#intents.find({ at: { $lt: startedAt } }, { sort: [['at', 1]], limit: 200 });
      for (const { _id, at, ...intent } of left) {
        if (!(await this.#events.findOne({ _id }))) {
          await this.chain.append({ ...intent, outcome: 'INTERRUPTED', detail: { intentAt: at } }, _id);
          appended++;
        }
        await this.#intents.deleteOne({ _id });
      }
      if (left.length < 200) return appended;
    }
  }

  /**
   * Counts a mutation refused to a caller nobody could identify, instead of appending an event: see
   * `summariseAnonymousRefusals`.
   */
  refusedAnonymously(address: string, code: string): void {
    this.#anonymous.count(address, code);
  }

  /** How many anonymous refusals the open window holds (not yet on the trail). */
  pendingAnonymousRefusals(): number {
    return this.#anonymous.pending;
  }

  /**
   * Closes the window of anonymous refusals once it has ended (or now, with `force`: at shutdown) and appends its
   * summary as one `request.refusedAnonymous` event — the count, the counts by code, how many addresses and the
   * most refused ones in `detail`; the outcome is the commonest code. Null when nothing was appended.
   */
  async summariseAnonymousRefusals(force = false): Promise<AuditEvent | null> {
    const summary = this.#anonymous.close(force);
    if (!summary) return null;
    const commonest = Object.entries(summary.codes).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'UNAUTHENTICATED';
    return this.chain.append({
      action: 'request.refusedAnonymous',
      actorMemberId: null,
      actorOrganizationId: null,
      targetId: null,
      organizationId: null,
      outcome: commonest,
      requestId: null,
      detail: { ...summary },
    });
  }

  /**
   * Walks the whole chain in order and reports the first broken link; against signed checkpoints (by default the
   * latest this hub signed or adopted), also truncation and re-hashing. A checkpoint that does not verify with the
   * key is refused with AUDIT_CHECKPOINT_INVALID.
   */
  verify(options: ChainVerifyOptions = {}): Promise<ChainVerification> {
    return this.#checkpoints.verify(options);
  }

  /** Signs the trail's head as it is now with the hub's key: the hub publishes the result outside the store. */
  checkpoint(signer: CheckpointSigner): Promise<SignedCheckpoint> {
    return this.#checkpoints.sign(signer);
  }

  /** Takes a checkpoint the hub published earlier as the latest to verify against (see `ChainCheckpoints.adopt`). */
  adoptCheckpoint(checkpoint: unknown, publicKey: string): boolean {
    return this.#checkpoints.adopt(checkpoint, publicKey);
  }

  /** The latest checkpoint signed or adopted, with its public key, for witnesses; null before the first. */
  latestCheckpoint(): { checkpoint: SignedCheckpoint; publicKey: string } | null {
    return this.#checkpoints.latest();
  }
}

/** JSON with every object's keys sorted: the same text whatever order a store engine gives the keys back in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

function filterOf(query: AuditQuery): Filter {
  const filter: Filter = {};
  for (const key of ['organizationId', 'action', 'outcome', 'targetId', 'actorMemberId', 'requestId'] as const) {
    if (query[key]) filter[key] = query[key];
  }
  if (query.from || query.to)
    filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  return filter;
}
