import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * Which check a verification failed: a record missing from the middle (`SEQUENCE`), a record not pointing to its
 * predecessor's hash (`LINK`), a record whose content does not match its hash (`CONTENT`), fewer records than a signed
 * checkpoint covers (`TRUNCATED`), or the chain up to a checkpoint no longer ending in its signed head hash
 * (`REHASHED`: records were rewritten and every later hash recomputed).
 */
export type ChainCheck = 'SEQUENCE' | 'LINK' | 'CONTENT' | 'TRUNCATED' | 'REHASHED';

/** One problem a verification found. */
export interface ChainProblem {
  check: ChainCheck;
  /** The first record concerned. */
  seq: number;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  /** How many records were checked. */
  checked: number;
  /** The sequence number of the first record whose link is broken, or null. */
  firstBrokenSeq: number | null;
  reason: string | null;
  /** The check the first problem failed, or null when ok. */
  failedCheck: ChainCheck | null;
  /** The highest checkpoint verified against (its `seq`), or null when none was given. */
  checkpointSeq: number | null;
  /** Every problem found, in chain order: at most the first broken link, then each failed checkpoint. */
  problems: ChainProblem[];
}

/** What a verification checks the chain's head against: a signed checkpoint's `seq` and `headHash`. */
export interface ChainHeadClaim {
  seq: number;
  headHash: string;
  at?: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Where a chain's head was last seen, one document per chain (`_id`: the chain's collection), in `chain_heads`: a
 * hint, advanced after each append, that lets an instance which lost a position find the new head with one lookup by
 * `_id` instead of a sort over the whole log. Verification never reads it; a hint behind or ahead of the log only
 * costs a retry or leaves a gap that verification reports.
 */
export interface ChainHeadHint {
  _id: string;
  seq: number;
  hash: string;
}

const MAX_APPEND_ATTEMPTS = 50;
/** The longest pause after a lost position (each pause is random up to 2^attempt ms, capped here). */
const MAX_RETRY_PAUSE_MS = 50;
/** How often a head hint still behind a lost position is read again before the log's head is read instead. */
const HINT_READS = 4;

/** What one chain's appends met since the process started: contention between hub instances shows as `retries`. */
export interface AppendStats {
  /** Records this process appended. */
  appended: number;
  /** Positions another instance took first, each followed by a re-read of the head and another attempt. */
  retries: number;
  /** The most attempts one append needed (1 when no append ever lost its position). */
  mostAttempts: number;
}

/**
 * An append-only, hash-chained log in one collection (the audit trail, the
 * data access log). Appends are serialized within the process; between hub
 * instances the unique index on `seq` (it must be named `bySeq`) lets only one
 * writer take each position and the loser re-reads the head and retries — no
 * transaction needed, so it works on every engine and topology.
 */
export class HashChain<T extends ChainLink> {
  private tail: Promise<unknown> = Promise.resolve();
  readonly #stats: AppendStats = { appended: 0, retries: 0, mostAttempts: 0 };
  /**
   * The head as this process last saw it (the record it appended or read last): the next append tries the position
   * after it without reading the head first. Reading the head is the costly query (a sort over the whole log on
   * engines that cannot use the index for it); a stale guess — another instance appended meanwhile — only costs a
   * lost position, after which the head is read.
   */
  #head: { seq: number; hash: string } | null = null;

  constructor(
    readonly records: Collection<T>,
    /** SHA-256 (hex) over a record's content, `seq`, `at` and `prevHash` included, `_id` and `hash` excluded. */
    private readonly hashOf: (content: Omit<T, '_id' | 'hash'>) => string,
    /** What one record is called in verification reasons ("event 2 is missing"). */
    private readonly noun = 'record',
    /** The `chain_heads` collection, where this chain keeps its head hint; without it the head is read from the log. */
    private readonly heads?: Collection<ChainHeadHint>,
  ) {}

  /** Appends `entry` after the head; `id` is the record's `_id` when the caller chose it (e.g. an intent's id). */
  append(entry: Omit<T, keyof ChainLink>, id?: string): Promise<T> {
    const inserted = this.tail.then(() => this.appendNow(entry, id ?? newId()));
    // The next append waits for this one's record, not for its hint (which never fails and never moves back): the
    // SQLite store then commits this hint and the next record together, one commit per append instead of two.
    this.tail = inserted.catch(() => undefined);
    return inserted.then(({ record, hinted }) => hinted.then(() => record));
  }

  private async appendNow(entry: Omit<T, keyof ChainLink>, id: string): Promise<{ record: T; hinted: Promise<void> }> {
    let lost: number | null = null;
    for (let attempt = 1; ; attempt++) {
      const head = this.#head ?? (await this.guessHead(lost));
      const content = {
        ...entry,
        seq: head.seq + 1,
        at: new Date().toISOString(),
        prevHash: head.hash,
      } as Omit<T, '_id' | 'hash'>;
      const record = { _id: id, ...content, hash: this.hashOf(content) } as T;
      try {
        await this.records.insertOne(record);
        this.#head = { seq: record.seq, hash: record.hash };
        const hinted = this.advanceHint(record.seq, record.hash);
        this.#stats.appended++;
        this.#stats.mostAttempts = Math.max(this.#stats.mostAttempts, attempt);
        return { record, hinted };
      } catch (error) {
        this.#head = null;
        if (!(error instanceof StoreConflictError) || error.index !== 'bySeq' || attempt >= MAX_APPEND_ATTEMPTS)
          throw error;
        this.#stats.retries++;
        lost = record.seq;
        // The first loss is usually just a stale guess; losing again means instances are racing for the head, and a
        // random pause lets one of them through instead of all re-reading and colliding in step.
        if (attempt > 1) await sleep(Math.random() * Math.min(MAX_RETRY_PAUSE_MS, 2 ** attempt));
      }
    }
  }

  /**
   * The head to try after, when this process has none in mind: the hint, unless there is none or it stays below the
   * position just lost; then the log. A hint below it usually lags by a moment (its winner advances it right after
   * inserting), so it is read again a few times, briefly apart, before the costly read of the log; it stays behind
   * when the winner stopped in between.
   */
  private async guessHead(lost: number | null): Promise<{ seq: number; hash: string }> {
    for (let read = 1; this.heads && read <= HINT_READS; read++) {
      const hint = await this.heads.findOne({ _id: this.records.name });
      if (!hint) break;
      if (lost === null || hint.seq >= lost) return { seq: hint.seq, hash: hint.hash };
      await sleep(read);
    }
    return this.head();
  }

  /** Moves the hint forward to record `seq` (never back: another instance may have moved it further already). */
  private async advanceHint(seq: number, hash: string): Promise<void> {
    if (!this.heads) return;
    try {
      await this.heads.findOneAndUpdate(
        { _id: this.records.name, seq: { $lt: seq } },
        { $set: { seq, hash } },
        { upsert: true },
      );
    } catch {
      // Mostly the hint being ahead already (the upsert met its `_id`: a conflict). Any other failure is left for the
      // next store call to report: the record is written, and a hint left behind costs a writer one retry, no more.
    }
  }

  /** A copy of the append counters (the hub logs them at shutdown; the audit writers benchmark reads them). */
  stats(): AppendStats {
    return { ...this.#stats };
  }

  /** The last record's position and hash (0 and the genesis hash for an empty chain). */
  async head(): Promise<{ seq: number; hash: string }> {
    const head = await this.records.findOne({}, { sort: [['seq', -1]] });
    return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  }

  /**
   * Walks the whole chain in order and reports the first broken link; given checkpoints, also that the chain still
   * holds every record each covers (else `TRUNCATED`) and that record `seq` still has the signed head hash (else
   * `REHASHED`). The walk stops at the first broken link: checkpoints at or after it are not checked.
   */
  async verify(checkpoints: readonly ChainHeadClaim[] = []): Promise<ChainVerification> {
    const claims = new Map<number, ChainHeadClaim[]>();
    for (const claim of checkpoints) claims.set(claim.seq, [...(claims.get(claim.seq) ?? []), claim]);
    const problems: ChainProblem[] = [];
    const checkClaims = (seq: number, hash: string) => {
      for (const claim of claims.get(seq) ?? []) {
        if (claim.headHash !== hash)
          problems.push({
            check: 'REHASHED',
            seq,
            reason:
              `${this.noun} ${seq} no longer has the hash the checkpoint${claim.at ? ` of ${claim.at}` : ''} signed: ` +
              `${this.noun}s up to ${seq} were rewritten and re-hashed`,
          });
      }
    };
    checkClaims(0, GENESIS_HASH);
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    let broken: ChainProblem | null = null;
    const pageSize = 500;
    walk: for (;;) {
      const page = await this.records.find({ seq: { $gte: expectedSeq } }, { sort: [['seq', 1]], limit: pageSize });
      for (const record of page) {
        checked++;
        if (record.seq !== expectedSeq) {
          broken = { check: 'SEQUENCE', seq: expectedSeq, reason: `${this.noun} ${expectedSeq} is missing` };
          break walk;
        }
        if (record.prevHash !== prevHash) {
          broken = {
            check: 'LINK',
            seq: record.seq,
            reason: `${this.noun} ${record.seq} does not point to the hash of ${this.noun} ${record.seq - 1}`,
          };
          break walk;
        }
        const { _id, hash, ...content } = record;
        if (this.hashOf(content as Omit<T, '_id' | 'hash'>) !== hash) {
          broken = {
            check: 'CONTENT',
            seq: record.seq,
            reason: `${this.noun} ${record.seq} was altered: its content does not match its hash`,
          };
          break walk;
        }
        checkClaims(record.seq, hash);
        prevHash = hash;
        expectedSeq++;
      }
      if (page.length < pageSize) break;
    }
    const held = expectedSeq - 1;
    if (!broken) {
      for (const claim of checkpoints) {
        if (claim.seq > held)
          problems.push({
            check: 'TRUNCATED',
            seq: held + 1,
            reason:
              `the checkpoint${claim.at ? ` of ${claim.at}` : ''} covers ${claim.seq} ${this.noun}s but the log holds ` +
              `${held}: ${this.noun}s ${held + 1} to ${claim.seq} were removed`,
          });
      }
    }
    if (broken) problems.push(broken);
    problems.sort((a, b) => a.seq - b.seq);
    const first = problems[0] ?? null;
    return {
      ok: first === null,
      checked,
      firstBrokenSeq: first?.seq ?? null,
      reason: first?.reason ?? null,
      failedCheck: first?.check ?? null,
      checkpointSeq: checkpoints.reduce<number | null>((max, c) => (max === null || c.seq > max ? c.seq : max), null),
      problems,
    };
  }
}
