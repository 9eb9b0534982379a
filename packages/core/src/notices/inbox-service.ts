import { createHash } from 'node:crypto';
import { notFound } from '../errors.js';
import { requireScope, type MemberService, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import type { ChannelService } from './channel-service.js';
import type { DeliveryService } from './delivery-service.js';
import type { Notice, NoticeKind, NoticeReason } from './model.js';

/** A notice's id, fixed by event and member (global ids hold at most 64 of `[a-z0-9-]`, so a digest of the two). */
export const noticeId = (eventKey: string, memberId: string): string =>
  createHash('sha256').update(`${eventKey}>${memberId}`).digest('hex').slice(0, 40);

/** What happened, once: the event key names it across hubs; the rest is copied into each member's notice. */
export interface NoticeEvent {
  eventKey: string;
  kind: NoticeKind;
  subjectType: Notice['subjectType'];
  subjectId: string;
  title: string;
  outcome: string | null;
}

/** An organization a notice goes to, and why. */
export interface Recipient {
  organizationId: string;
  reason: NoticeReason;
}

/**
 * The inbox: one notice per active member of each recipient organization. Recording is idempotent by the notice's
 * `_id` (`<event key>><member id>`), a unique insert every engine enforces, so however many hubs record the same event
 * — the transition's winner, a hub finishing a dead one's work — each member sees it once, and its external deliveries
 * are recorded once.
 */
export class InboxService {
  readonly #collection: Collection<Notice>;

  constructor(
    store: Store,
    private readonly members: MemberService,
    private readonly channels: ChannelService,
    private readonly deliveries: DeliveryService,
    private readonly clock: () => number,
  ) {
    this.#collection = store.collection<Notice>('notices');
  }

  /** Records the event for every active member of the recipients; resolves how many notices this call added. */
  async record(event: NoticeEvent, recipients: readonly Recipient[]): Promise<number> {
    const seen = new Set<string>();
    let added = 0;
    for (const recipient of recipients) {
      if (seen.has(recipient.organizationId)) continue;
      seen.add(recipient.organizationId);
      let after: string | null = null;
      for (;;) {
        const page = await this.members.listOfOrganization(recipient.organizationId, { limit: 100, after });
        for (const { doc: member } of page.items) {
          if (member.status !== 'ACTIVE') continue;
          if (await this.add(event, recipient, member._id)) added++;
        }
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
    }
    return added;
  }

  private async add(event: NoticeEvent, recipient: Recipient, memberId: string): Promise<boolean> {
    const notice: Notice = {
      _id: noticeId(event.eventKey, memberId),
      ...event,
      memberId,
      organizationId: recipient.organizationId,
      reason: recipient.reason,
      createdAt: new Date(this.clock()).toISOString(),
      readAt: null,
    };
    let added = true;
    try {
      await this.#collection.insertOne(notice);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      added = false;
    }
    // Also when the notice was there: a hub that died after writing it may not have recorded its deliveries (their
    // ids are fixed too, so nothing is recorded twice).
    const stored = added ? notice : ((await this.#collection.findOne({ _id: notice._id })) ?? notice);
    await this.deliveries.recordFor(stored, await this.channels.of(memberId, recipient.organizationId));
    return added;
  }

  /** A page of the signed-in member's notices, newest first. */
  mine(viewer: Viewer | null, unreadOnly: boolean, page: PageRequest): Promise<Page<Notice>> {
    requireScope(viewer, 'READ');
    return readPage(
      this.#collection,
      { memberId: viewer.member._id, ...(unreadOnly ? { readAt: null } : {}) },
      [['createdAt', -1]],
      page,
    );
  }

  unreadCount(viewer: Viewer | null): Promise<number> {
    requireScope(viewer, 'READ');
    return this.#collection.count({ memberId: viewer.member._id, readAt: null });
  }

  /** A notice of the viewer's own, or null: another member's notice does not show it exists. */
  async visibleTo(viewer: Viewer | null, id: string): Promise<Notice | null> {
    if (!viewer) return null;
    return this.#collection.findOne({ _id: id, memberId: viewer.member._id });
  }

  /**
   * Marks the viewer's own notices read. All or nothing: when one id is not a notice of the viewer's (another
   * member's, another organization's, or none), NOT_FOUND names it and nothing is marked.
   */
  async markRead(viewer: Viewer | null, ids: readonly string[]): Promise<Notice[]> {
    requireScope(viewer, 'WRITE');
    const own = await this.#collection.find({ _id: { $in: [...ids] }, memberId: viewer.member._id });
    const missing = ids.find((id) => !own.some((n) => n._id === id));
    if (missing !== undefined) throw notFound('notice', missing);
    const now = new Date(this.clock()).toISOString();
    const marked: Notice[] = [];
    for (const notice of own) {
      if (notice.readAt) {
        marked.push(notice);
        continue;
      }
      const updated = await this.#collection.findOneAndUpdate(
        { _id: notice._id, memberId: viewer.member._id },
        { $set: { readAt: now } },
      );
      marked.push(updated ?? notice);
    }
    return marked;
  }

  /** Notices recorded for an event (tests' and operators' evidence). */
  ofEvent(eventKey: string): Promise<Notice[]> {
    return this.#collection.find({ eventKey }, { sort: [['_id', 1]], limit: 10_000 });
  }
}
