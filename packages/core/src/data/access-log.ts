import { createHash } from 'node:crypto';
import {
  ChainCheckpoints,
  HashChain,
  type ChainHeadHint,
  type ChainVerification,
  type ChainVerifyOptions,
  type CheckpointSigner,
  type SignedCheckpoint,
} from '../audit/index.js';
import type { Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { requireOperationsView } from './access-rules.js';
import type { AccessLogEntry, DataConnection } from './model.js';

export type AccessLogInput = Omit<AccessLogEntry, '_id' | 'seq' | 'at' | 'prevHash' | 'hash'>;

/** The hash an entry must carry: SHA-256 over its content and the previous entry's hash. */
export function hashEntry(entry: Omit<AccessLogEntry, '_id' | 'hash'>): string {
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
  readonly #entries: Collection<AccessLogEntry>;
  private readonly chain: HashChain<AccessLogEntry>;
  readonly #checkpoints: ChainCheckpoints;

  constructor(store: Store, clock: () => number = Date.now) {
    this.#entries = store.collection<AccessLogEntry>('data_access_log');
    this.chain = new HashChain(this.#entries, hashEntry, 'entry', store.collection<ChainHeadHint>('chain_heads'));
    this.#checkpoints = new ChainCheckpoints('data-access', this.chain, clock);
  }

  append(entry: AccessLogInput): Promise<AccessLogEntry> {
    return this.chain.append(entry);
  }

  /** A page of the reads of a connection's records, newest first (the owning agency only). */
  async ofConnection(
    viewer: Viewer | null,
    connection: DataConnection,
    page: PageRequest,
  ): Promise<Page<AccessLogEntry>> {
    requireOperationsView(viewer, connection, 'access log entries');
    return readPage(this.#entries, { connectionId: connection._id }, [['seq', -1]], page);
  }

  /**
   * A page of the reads that returned a data subject's records, newest first, in the agencies `scope` lists (those
   * their key reaches).
   */
  ofSubject(subjectId: string, scope: string[], page: PageRequest): Promise<Page<AccessLogEntry>> {
    return readPage(this.#entries, { subjectIds: subjectId, ownerAgencyId: { $in: scope } }, [['seq', -1]], page);
  }

  /** As the audit trail's: the links, and against signed checkpoints truncation and re-hashing. */
  verify(options: ChainVerifyOptions = {}): Promise<ChainVerification> {
    return this.#checkpoints.verify(options);
  }

  /** Signs the log's head as it is now with the hub's key: the hub publishes the result outside the store. */
  checkpoint(signer: CheckpointSigner): Promise<SignedCheckpoint> {
    return this.#checkpoints.sign(signer);
  }

  /** Takes a checkpoint the hub published earlier as the latest to verify against. */
  adoptCheckpoint(checkpoint: unknown, publicKey: string): boolean {
    return this.#checkpoints.adopt(checkpoint, publicKey);
  }

  /** The latest checkpoint signed or adopted, with its public key; null before the first. */
  latestCheckpoint(): { checkpoint: SignedCheckpoint; publicKey: string } | null {
    return this.#checkpoints.latest();
  }
}
