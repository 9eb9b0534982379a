import { requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import type { Collection, Store } from '../store/port.js';
import { validate } from '../validation.js';
import type { ChannelSettings } from './model.js';
import { channelsInput, type ChannelsInput } from './notice-input.js';

/** Each member's own external channels. There is no way to name another member: a member sets and reads their own. */
export class ChannelService {
  readonly #collection: Collection<ChannelSettings>;

  constructor(
    store: Store,
    private readonly clock: () => number,
  ) {
    this.#collection = store.collection<ChannelSettings>('notice_channels');
  }

  /** The member's channels (none set: inbox only). Unchecked: the viewer's own, or the module's delivery. */
  async of(memberId: string, organizationId: string): Promise<ChannelSettings> {
    return (
      (await this.#collection.findOne({ _id: memberId })) ?? {
        _id: memberId,
        organizationId,
        webhookUrl: null,
        email: null,
        updatedAt: new Date(0).toISOString(),
        version: 0,
      }
    );
  }

  async mine(viewer: Viewer | null): Promise<ChannelSettings> {
    requireScope(viewer, 'READ');
    return this.of(viewer.member._id, viewer.organization._id);
  }

  /** Sets the signed-in member's channels; later notices go to them (notices already recorded keep theirs). */
  async set(viewer: Viewer | null, raw: ChannelsInput): Promise<ChannelSettings> {
    requireScope(viewer, 'WRITE');
    requireLiveKey(viewer, 'change where notices are sent');
    const input = validate(channelsInput, raw);
    const set = { ...input, organizationId: viewer.organization._id, updatedAt: new Date(this.clock()).toISOString() };
    return (await this.#collection.findOneAndUpdate(
      { _id: viewer.member._id },
      { $set: set, $inc: { version: 1 } },
      { upsert: true },
    ))!;
  }
}
