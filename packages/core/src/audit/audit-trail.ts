import { createHash } from 'node:crypto';
import { forbidden } from '../errors.js';
import { canAdminister, isPlatformAdmin, requireScope, type Organization, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Filter, Store } from '../store/port.js';
import {
  ChainCheckpoints,
  type ChainVerifyOptions,
  type CheckpointSigner,
  type SignedCheckpoint,
} from './checkpoint.js';
import { HashChain, type ChainVerification } from './hash-chain.js';
import type { AuditEvent } from './model.js';

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

/** The hash an event must carry: SHA-256 over its content and the previous event's hash. */
export function hashEvent(event: Omit<AuditEvent, '_id' | 'hash'>): string {
  const content = [
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
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The append-only, hash-chained audit trail of every mutation and capability use. */
export class AuditTrail {
  readonly #events: Collection<AuditEvent>;
  private readonly chain: HashChain<AuditEvent>;
  readonly #checkpoints: ChainCheckpoints;

  constructor(
    store: Store,
    private readonly organizations: OrganizationDirectory,
    clock: () => number = Date.now,
  ) {
    this.#events = store.collection<AuditEvent>('audit_events');
    this.chain = new HashChain(this.#events, hashEvent, 'event');
    this.#checkpoints = new ChainCheckpoints('audit', this.chain, clock);
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

  append(entry: AuditEntry): Promise<AuditEvent> {
    return this.chain.append(entry);
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

function filterOf(query: AuditQuery): Filter {
  const filter: Filter = {};
  for (const key of ['organizationId', 'action', 'outcome', 'targetId', 'actorMemberId', 'requestId'] as const) {
    if (query[key]) filter[key] = query[key];
  }
  if (query.from || query.to)
    filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
  return filter;
}
