import { createHash } from 'node:crypto';
import type { Collection, Store } from '../store/port.js';
import { HashChain, type ChainVerification } from './hash-chain.js';
import type { AuditEvent } from './model.js';

export type { ChainVerification } from './hash-chain.js';

export type AuditEntry = Omit<AuditEvent, '_id' | 'seq' | 'at' | 'prevHash' | 'hash'>;

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
  readonly events: Collection<AuditEvent>;
  private readonly chain: HashChain<AuditEvent>;

  constructor(store: Store) {
    this.events = store.collection<AuditEvent>('audit_events');
    this.chain = new HashChain(this.events, hashEvent, 'event');
  }

  get(id: string): Promise<AuditEvent | null> {
    return this.events.findOne({ _id: id });
  }

  append(entry: AuditEntry): Promise<AuditEvent> {
    return this.chain.append(entry);
  }

  /** Walks the whole chain in order and reports the first broken link. */
  verify(): Promise<ChainVerification> {
    return this.chain.verify();
  }
}
