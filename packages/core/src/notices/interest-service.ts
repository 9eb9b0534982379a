import { conflict, forbidden } from '../errors.js';
import { hasRole, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import type { Collection, Filter, Store } from '../store/port.js';
import { validate } from '../validation.js';
import type { Interests } from './model.js';
import { interestsInput, type InterestsInput } from './notice-input.js';

const ADMIN_ROLES = ['COMPANY_ADMIN', 'AGENCY_ADMIN', 'PLATFORM_ADMIN'] as const;

/** What a challenge offers to match interests against. */
export interface ChallengeTraits {
  tags: string[];
  type: string;
  agencyPath: string[];
}

/**
 * Interests are an organization's own: its members read them, its admins change them. No other organization — not
 * an agency above it, not a platform admin — reads or edits them: they say what a company is working on.
 */
export class InterestService {
  readonly #collection: Collection<Interests>;

  constructor(
    store: Store,
    private readonly clock: () => number,
  ) {
    this.#collection = store.collection<Interests>('notice_interests');
  }

  /** The organization's interests (empty when it declared none), for its own members only. */
  async of(viewer: Viewer | null, organizationId: string): Promise<Interests> {
    requireScope(viewer, 'READ');
    if (viewer.organization._id !== organizationId)
      throw forbidden("An organization's interests are seen by its own members only.");
    return this.get(organizationId);
  }

  /** Unchecked: for the module's matching and "challenges for you", never handed to another organization. */
  async get(organizationId: string): Promise<Interests> {
    return (await this.#collection.findOne({ _id: organizationId })) ?? empty(organizationId);
  }

  /** Replaces the organization's interests (its admins, with a live key that may write). */
  async set(viewer: Viewer | null, organizationId: string, raw: InterestsInput): Promise<Interests> {
    requireScope(viewer, 'WRITE');
    requireLiveKey(viewer, "change an organization's interests");
    if (viewer.organization._id !== organizationId || !ADMIN_ROLES.some((role) => hasRole(viewer, role)))
      throw forbidden("Only the organization's own admins declare its interests.");
    const input = validate(interestsInput, raw);
    const current = await this.#collection.findOne({ _id: organizationId });
    const version = current?.version ?? 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== version)
      throw conflict(
        `The interests changed meanwhile (version ${version}, you expected ${input.expectedVersion}); reload them.`,
        'input.expectedVersion',
      );
    const { expectedVersion: _ignored, ...lists } = input;
    const set = { ...lists, updatedById: viewer.member._id, updatedAt: new Date(this.clock()).toISOString() };
    const updated = current
      ? await this.#collection.findOneAndUpdate({ _id: organizationId, version }, { $set: set, $inc: { version: 1 } })
      : await this.#collection.insertOne({ _id: organizationId, ...set, version: 1 }).then(
          () => ({ _id: organizationId, ...set, version: 1 }),
          () => null,
        );
    if (!updated) throw conflict('The interests changed meanwhile; reload them and retry.');
    return updated;
  }

  /** Organizations whose interests a challenge matches (by tag, type or agency), `limit` at a time after `afterId`. */
  interestedInChallenge(challenge: ChallengeTraits, afterId: string | null, limit: number): Promise<Interests[]> {
    const or: Filter[] = [{ challengeTypes: challenge.type }, { agencyIds: { $in: challenge.agencyPath } }];
    if (challenge.tags.length) or.push({ tags: { $in: challenge.tags } });
    return this.#collection.find(
      { $and: [{ $or: or }, ...(afterId ? [{ _id: { $gt: afterId } }] : [])] },
      { sort: [['_id', 1]], limit },
    );
  }

  /** Organizations that declared interest in a dataset. */
  interestedInDataset(connectionId: string, afterId: string | null, limit: number): Promise<Interests[]> {
    return this.#collection.find(
      { $and: [{ datasetIds: connectionId }, ...(afterId ? [{ _id: { $gt: afterId } }] : [])] },
      { sort: [['_id', 1]], limit },
    );
  }
}

const empty = (organizationId: string): Interests => ({
  _id: organizationId,
  tags: [],
  challengeTypes: [],
  agencyIds: [],
  datasetIds: [],
  updatedById: null,
  updatedAt: new Date(0).toISOString(),
  version: 0,
});
