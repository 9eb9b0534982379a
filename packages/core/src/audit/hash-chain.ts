import { newId } from '../ids.js';
import { StoreConflictError, type Collection } from '../store/port.js';

/** The fields every chained record carries. */
export interface ChainLink {
  _id: string;
  /** Position in the chain, from 1, without gaps. A unique index on it keeps the chain linear across hub instances. */
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** How many records were checked. */
  checked: number;
  /** The sequence number of the first record whose link is broken, or null. */
  firstBrokenSeq: number | null;
  reason: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

const MAX_APPEND_ATTEMPTS = 20;

/**
 * An append-only, hash-chained log in one collection (the audit trail, the
 * data access log). Appends are serialized within the process; between hub
 * instances the unique index on `seq` (it must be named `bySeq`) lets only one
 * writer take each position and the loser re-reads the head and retries — no
 * transaction needed, so it works on every engine and topology.
 */
export class HashChain<T extends ChainLink> {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly records: Collection<T>,
    /** SHA-256 (hex) over a record's content, `seq`, `at` and `prevHash` included, `_id` and `hash` excluded. */
    private readonly hashOf: (content: Omit<T, '_id' | 'hash'>) => string,
    /** What one record is called in verification reasons ("event 2 is missing"). */
    private readonly noun = 'record',
  ) {}

  append(entry: Omit<T, keyof ChainLink>): Promise<T> {
    const next = this.tail.then(() => this.appendNow(entry));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async appendNow(entry: Omit<T, keyof ChainLink>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.records.findOne({}, { sort: [['seq', -1]] });
      const content = {
        ...entry,
        seq: (head?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        prevHash: head?.hash ?? GENESIS_HASH,
      } as Omit<T, '_id' | 'hash'>;
      const record = { _id: newId(), ...content, hash: this.hashOf(content) } as T;
      try {
        await this.records.insertOne(record);
        return record;
      } catch (error) {
        if (!(error instanceof StoreConflictError) || error.index !== 'bySeq' || attempt >= MAX_APPEND_ATTEMPTS)
          throw error;
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
      const page = await this.records.find({ seq: { $gte: expectedSeq } }, { sort: [['seq', 1]], limit: pageSize });
      for (const record of page) {
        checked++;
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          checked,
          firstBrokenSeq: record.seq,
          reason,
        });
        if (record.seq !== expectedSeq)
          return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `${this.noun} ${expectedSeq} is missing` };
        if (record.prevHash !== prevHash)
          return broken(`${this.noun} ${record.seq} does not point to the hash of ${this.noun} ${record.seq - 1}`);
        const { _id, hash, ...content } = record;
        if (this.hashOf(content as Omit<T, '_id' | 'hash'>) !== hash)
          return broken(`${this.noun} ${record.seq} was altered: its content does not match its hash`);
        prevHash = hash;
        expectedSeq++;
      }
      if (page.length < pageSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    }
  }
}
