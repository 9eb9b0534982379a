import { createHash } from 'node:crypto';
import { newId } from '../ids.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import { GENESIS_HASH, type AuditEvent } from './model.js';

export type AuditEntry = Omit<AuditEvent, '_id' | 'seq' | 'at' | 'prevHash' | 'hash'>;

export interface ChainVerification {
  ok: boolean;
  /** How many events were checked. */
  checked: number;
  /** The sequence number of the first event whose link is broken, or null. */
  firstBrokenSeq: number | null;
  reason: string | null;
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

const MAX_APPEND_ATTEMPTS = 20;

/**
 * The append-only, hash-chained audit trail. Appends are serialized within the
 * process; between hub instances the unique index on `seq` lets only one
 * writer take each position and the loser re-reads the head and retries — no
 * transaction needed, so it works on every engine and topology.
 */
export class AuditTrail {
  readonly events: Collection<AuditEvent>;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(store: Store) {
    this.events = store.collection<AuditEvent>('audit_events');
  }

  get(id: string): Promise<AuditEvent | null> {
    return this.events.findOne({ _id: id });
  }

  append(entry: AuditEntry): Promise<AuditEvent> {
    const next = this.tail.then(() => this.appendNow(entry));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async appendNow(entry: AuditEntry): Promise<AuditEvent> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.events.findOne({}, { sort: [['seq', -1]] });
      const base = {
        ...entry,
        seq: (head?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const event: AuditEvent = { _id: newId(), ...base, hash: hashEvent(base) };
      try {
        await this.events.insertOne(event);
        return event;
      } catch (error) {
        if (!(error instanceof StoreConflictError) || error.index !== 'bySeq' || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Walks the whole chain in order and reports the first broken link. */
  async verify(): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    const pageSize = 500;
    for (;;) {
      const page = await this.events.find({ seq: { $gte: expectedSeq } }, { sort: [['seq', 1]], limit: pageSize });
      for (const event of page) {
        checked++;
        const broken = (reason: string): ChainVerification => ({ ok: false, checked, firstBrokenSeq: event.seq, reason });
        if (event.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `event ${expectedSeq} is missing` };
        if (event.prevHash !== prevHash) return broken(`event ${event.seq} does not point to the hash of event ${event.seq - 1}`);
        const { _id, hash, ...content } = event;
        if (hashEvent(content) !== hash) return broken(`event ${event.seq} was altered: its content does not match its hash`);
        prevHash = hash;
        expectedSeq++;
      }
      if (page.length < pageSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    }
  }
}
