/**
 * External channels: each notice a member receives is also sent to the webhook and the e-mail address the member
 * chose, through the notify plugin's `send` operation (the `notifications` service). A delivery is a row recorded
 * once (its id is fixed by notice and channel); every hub's scheduler claims each attempt once (store/claims.ts),
 * calls the sender, and marks the row DELIVERED, or due again after a backoff, or FAILED after the last attempt. The
 * plugin's idempotency key is the row's id, so an attempt retried after a timeout that did arrive is not sent twice.
 */
import { encodeGlobalId } from '../graphql/global-id.js';
import type { HubLogger } from '../logger.js';
import { CLAIM_OWNER, ClaimTable, type ClaimRecord } from '../store/claims.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import type { Channel, ChannelSettings, Notice, NoticeDelivery } from './model.js';

/** One message for the sender: what the notify plugin's `send` needs, and on whose behalf. */
export interface OutgoingNotice {
  channel: Channel;
  /** The webhook URL, or the e-mail address. */
  target: string;
  message: string;
  idempotencyKey: string;
  organizationId: string;
  memberId: string;
}

/** Sends one message; rejects with the reason when it was not delivered. */
export type NoticeSender = (outgoing: OutgoingNotice) => Promise<void>;

export interface NoticeDeliveryOptions {
  /** Attempts before a delivery is FAILED. Default 5. */
  maxAttempts?: number;
  /** The wait after the first failure; it doubles with each failure, up to an hour. Default 30 s. */
  retryBaseMs?: number;
}

export class DeliveryService {
  readonly #rows: Collection<NoticeDelivery>;
  readonly #claims: ClaimTable;
  readonly #maxAttempts: number;
  readonly #retryBaseMs: number;

  constructor(
    store: Store,
    private readonly send: NoticeSender,
    private readonly clock: () => number,
    private readonly logger: HubLogger,
    options: NoticeDeliveryOptions = {},
  ) {
    this.#rows = store.collection<NoticeDelivery>('notice_deliveries');
    // A send takes at most the plugin's deadline (5 s by default): a minute is far above it and any clock skew.
    this.#claims = new ClaimTable(store.collection<ClaimRecord>('notice_delivery_claims'), {
      clock,
      ttlMs: 60_000,
      owner: CLAIM_OWNER,
    });
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryBaseMs = options.retryBaseMs ?? 30_000;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.clock() + offsetMs).toISOString();
  }

  /** Records the notice's deliveries to the member's channels (once per channel), and starts them on this hub. */
  async recordFor(notice: Notice, channels: ChannelSettings): Promise<void> {
    const targets: Array<[Channel, string | null]> = [
      ['WEBHOOK', channels.webhookUrl],
      ['EMAIL', channels.email],
    ];
    const now = this.iso();
    for (const [channel, target] of targets) {
      if (!target) continue;
      const row: NoticeDelivery = {
        _id: `${notice._id}-${channel.toLowerCase()}`,
        noticeId: notice._id,
        memberId: notice.memberId,
        organizationId: notice.organizationId,
        channel,
        target,
        message: messageOf(notice),
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        updatedAt: now,
        deliveredAt: null,
      };
      try {
        await this.#rows.insertOne(row);
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        continue;
      }
      void this.deliver(row).catch((error: unknown) =>
        this.logger.error({ err: error, delivery: row._id }, 'could not deliver a notice'),
      );
    }
  }

  /** The scheduler's job on every hub: attempts what is due (retries, and what a hub did not finish). */
  async deliverDue(limit = 100): Promise<number> {
    const due = await this.#rows.find(
      { status: 'PENDING', nextAttemptAt: { $lte: this.iso() } },
      { sort: [['nextAttemptAt', 1]], limit },
    );
    let ran = 0;
    for (const row of due) if (await this.deliver(row)) ran++;
    return ran;
  }

  /** The deliveries of one notice (its reader sees how each channel fared). */
  ofNotice(noticeId: string): Promise<NoticeDelivery[]> {
    return this.#rows.find({ noticeId }, { sort: [['_id', 1]], limit: 10 });
  }

  /** A page of a member's deliveries, newest first. */
  ofMember(memberId: string, page: PageRequest): Promise<Page<NoticeDelivery>> {
    return readPage(this.#rows, { memberId }, [['createdAt', -1]], page);
  }

  /** One attempt, claimed once across hubs; false when another hub has it or it is not due. */
  private async deliver(row: NoticeDelivery): Promise<boolean> {
    const claim = await this.#claims.claim(`${row._id}@${row.attempts}`);
    if (!claim) return false;
    const current = await this.#rows.findOne({ _id: row._id });
    if (!current || current.status !== 'PENDING' || current.attempts !== row.attempts) {
      await this.#claims.done(claim);
      return false;
    }
    const attempts = row.attempts + 1;
    try {
      await this.send({
        channel: row.channel,
        target: row.target,
        message: row.message,
        // Per attempt: the plugin answers a repeated key with the first (failed) message instead of sending again.
        idempotencyKey: `${row._id}#${attempts}`,
        organizationId: row.organizationId,
        memberId: row.memberId,
      });
      await this.#rows.findOneAndUpdate(
        { _id: row._id },
        { $set: { status: 'DELIVERED', attempts, lastError: null, updatedAt: this.iso(), deliveredAt: this.iso() } },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const last = attempts >= this.#maxAttempts;
      const wait = Math.min(3_600_000, this.#retryBaseMs * 2 ** (attempts - 1));
      await this.#rows.findOneAndUpdate(
        { _id: row._id },
        {
          $set: {
            status: last ? 'FAILED' : 'PENDING',
            attempts,
            lastError: reason.slice(0, 500),
            nextAttemptAt: this.iso(last ? 0 : wait),
            updatedAt: this.iso(),
          },
        },
      );
      this.logger.warn({ delivery: row._id, attempts, reason, failed: last }, 'a notice delivery attempt failed');
    }
    await this.#claims.done(claim);
    return true;
  }
}

/** The message an external channel receives: JSON the receiver can act on, in no one language. */
function messageOf(notice: Notice): string {
  return JSON.stringify({
    kind: notice.kind,
    reason: notice.reason,
    subjectType: notice.subjectType,
    subjectId: encodeGlobalId(notice.subjectType, notice.subjectId),
    title: notice.title,
    outcome: notice.outcome,
    at: notice.createdAt,
  });
}
