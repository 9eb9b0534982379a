/**
 * Claims: "this is done once, by one hub", on every engine. A claim is a
 * document inserted with a unique `_id` (`<key>#<attempt>`); of several hubs
 * inserting the same id exactly one succeeds, the others get a
 * StoreConflictError. Unique inserts are the one primitive every engine
 * enforces atomically: FerretDB 1.x runs a guarded `findOneAndUpdate` (and a
 * guarded delete) as a read then a write across connections, so two writers can
 * both pass a version guard (measured: with three hubs on one FerretDB, 4, 6 and
 * 17 of 30 due challenges closed twice), while it refuses a second insert of an
 * `_id`.
 *
 * A claim left by a dead hub is never updated or deleted to be taken over
 * (that would again be read-then-write): once it has expired, the next attempt
 * (`<key>#<n+1>`) is inserted, and again only one hub wins that insert. The
 * holder marks its claim done when the work is finished; a done key is never
 * claimed again.
 *
 * Each module declares its own claim table ({@link claimCollection}) and keeps
 * it private, like any other table.
 */
import { StoreConflictError, type Collection, type CollectionSpec } from './port.js';

export interface ClaimRecord {
  /** `<key>#<attempt>`. */
  _id: string;
  key: string;
  attempt: number;
  /** Which hub process took it (for operators reading the table). */
  owner: string;
  claimedAt: string;
  /** After this instant (the reader's clock) another hub may take the key over with the next attempt. */
  expiresAt: string;
  /** Neither done nor taken over: the work may still be under way, or its hub died. */
  open: boolean;
  doneAt: string | null;
  /** How far the holder got, for a hub that takes over after it died (see {@link ClaimTable.stage}). */
  stage: string | null;
  /** What the work is about, as JSON text (values may hold keys FerretDB refuses). */
  dataJson: string | null;
}

/** A claim this hub holds. */
export interface Claim {
  readonly id: string;
  readonly key: string;
  readonly attempt: number;
  /** The attempt before this one when this claim took over an expired one: its `stage` says how far it got. */
  readonly previous: ClaimRecord | null;
}

/** The table a module declares for its claims. */
export function claimCollection(name: string): CollectionSpec {
  return {
    name,
    indexes: [
      {
        name: 'byKeyAttempt',
        keys: [
          ['key', 1],
          ['attempt', -1],
        ],
        unique: true,
      },
      {
        name: 'byOpenExpiry',
        keys: [
          ['open', 1],
          ['expiresAt', 1],
        ],
      },
    ],
  };
}

export interface ClaimTableOptions {
  clock: () => number;
  /**
   * How long a claim holds before another hub may take the key over. Hubs compare it with their own clocks, so it
   * must be far longer than the clock skew between hubs (NTP keeps it under a second; we allow a few seconds) plus the
   * longest the work can take: a hub whose clock runs 5 s ahead takes over 5 s early, which is harmless only when
   * the holder finished or died long before.
   */
  ttlMs: number;
  /** This hub process, as operators would recognise it. */
  owner: string;
}

/** The same default owner for every table of one process: the host name and process id. */
export const CLAIM_OWNER = `${process.env.HOSTNAME ?? 'hub'}:${process.pid}`;

export class ClaimTable {
  constructor(
    private readonly records: Collection<ClaimRecord>,
    private readonly options: ClaimTableOptions,
  ) {}

  private iso(offsetMs = 0): string {
    return new Date(this.options.clock() + offsetMs).toISOString();
  }

  /**
   * Claims `key` for this hub: the first attempt, or the next one when the latest attempt expired undone (its hub
   * died or stalled). Null when the key is done, held by a live claim, or another hub won the insert.
   */
  async claim(key: string, data?: unknown): Promise<Claim | null> {
    const attempts = await this.records.find({ key }, { sort: [['attempt', -1]], limit: 50 });
    if (attempts.some((a) => a.doneAt !== null)) return null;
    const latest = attempts[0] ?? null;
    if (latest && latest.expiresAt > this.iso()) return null;
    const attempt = (latest?.attempt ?? 0) + 1;
    const record: ClaimRecord = {
      _id: `${key}#${attempt}`,
      key,
      attempt,
      owner: this.options.owner,
      claimedAt: this.iso(),
      expiresAt: this.iso(this.options.ttlMs),
      open: true,
      doneAt: null,
      stage: latest?.stage ?? null,
      dataJson: data === undefined ? (latest?.dataJson ?? null) : JSON.stringify(data),
    };
    try {
      await this.records.insertOne(record);
    } catch (error) {
      if (error instanceof StoreConflictError) return null;
      throw error;
    }
    // Only so that `abandoned` stops listing it; a race here sets the same value twice.
    if (latest) await this.records.findOneAndUpdate({ _id: latest._id }, { $set: { open: false } });
    return { id: record._id, key, attempt, previous: latest };
  }

  /**
   * Records how far the holder got, before its next step, so that a hub taking over after it died can resume rather
   * than redo. Only the holder writes its own claim, so no guard is needed.
   */
  async stage(claim: Claim, stage: string): Promise<void> {
    await this.records.findOneAndUpdate({ _id: claim.id }, { $set: { stage } });
  }

  /** The work is finished (or turned out to be unnecessary): the key is never claimed again. */
  async done(claim: Claim): Promise<void> {
    await this.records.findOneAndUpdate({ _id: claim.id }, { $set: { open: false, doneAt: this.iso() } });
  }

  /**
   * Gives the key back undone (the holder found nothing it may do now): any hub may claim it again at once. The key's
   * next claim is a new attempt, as after an expiry.
   */
  async release(claim: Claim): Promise<void> {
    await this.records.findOneAndUpdate({ _id: claim.id }, { $set: { open: false, expiresAt: this.iso() } });
  }

  /** Claims whose holder died or stalled: open and expired, oldest first. Take one over with {@link claim}. */
  abandoned(limit = 100): Promise<ClaimRecord[]> {
    return this.records.find({ open: true, expiresAt: { $lt: this.iso() } }, { sort: [['expiresAt', 1]], limit });
  }

  /** A key's attempts, newest first (operators' inspection and tests). */
  attemptsOf(key: string): Promise<ClaimRecord[]> {
    return this.records.find({ key }, { sort: [['attempt', -1]], limit: 50 });
  }
}

/** The data a claim was taken with. */
export const claimData = <T>(record: Pick<ClaimRecord, 'dataJson'>): T | null =>
  record.dataJson ? (JSON.parse(record.dataJson) as T) : null;
