import { createHash } from 'node:crypto';
import { HashChain, type ChainVerification } from '../audit/hash-chain.js';
import type { Collection, Store } from '../store/port.js';
import type { AccessLogEntry } from './model.js';

export type AccessLogInput = Omit<AccessLogEntry, '_id' | 'seq' | 'at' | 'prevHash' | 'hash'>;

function hashEntry(entry: Omit<AccessLogEntry, '_id' | 'hash'>): string {
  const content = [
    entry.seq,
    entry.at,
    entry.connectionId,
    entry.ownerAgencyId,
    entry.actorKind,
    entry.actorMemberId,
    entry.actorApiKeyId,
    entry.actorOrganizationId,
    entry.actorPluginName,
    entry.channel,
    entry.fields,
    entry.purpose,
    entry.basis,
    entry.accessRequestId,
    entry.consentIds,
    entry.recordCount,
    entry.subjectIds,
    entry.outcome,
    entry.requestId,
    entry.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Every read of records — GraphQL, preview or plugin, allowed or refused — as
 * an entry chained like the audit trail (X-Road logs every message; Estonia's
 * data tracker shows people who looked at their data).
 */
export class AccessLog {
  readonly entries: Collection<AccessLogEntry>;
  private readonly chain: HashChain<AccessLogEntry>;

  constructor(store: Store) {
    this.entries = store.collection<AccessLogEntry>('data_access_log');
    this.chain = new HashChain(this.entries, hashEntry, 'entry');
  }

  append(entry: AccessLogInput): Promise<AccessLogEntry> {
    return this.chain.append(entry);
  }

  verify(): Promise<ChainVerification> {
    return this.chain.verify();
  }
}
