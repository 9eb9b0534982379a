import type { z } from 'zod';
import type { AuditTrail } from '../audit/index.js';
import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import {
  isPlatformAdmin,
  requireScope,
  type MemberService,
  type OrganizationService,
  type Viewer,
} from '../identity/index.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canManage, canSeeChallenge, isOfAgency, isPanelist } from './access.js';
import { CHALLENGE_SORTS, challengeListFilter, type ChallengeQuery, type ChallengeSort } from './challenge-list.js';
import {
  announcementInput,
  cancelInput,
  createChallengeInput,
  updateChallengeInput,
  type CreateChallengeInput,
  type UpdateChallengeInput,
} from './challenge-input.js';
import type { ChallengeEventKind, HubEvents } from '../events/index.js';
import { FINAL_CHALLENGE_STATUSES, type Announcement, type Challenge, type ChallengeStatus } from './model.js';

export type ChallengeTransition = 'publish' | 'close' | 'startEvaluation' | 'cancel' | 'advancePhase';

/** Which statuses each transition leaves from, and where it goes. */
const TRANSITIONS: Record<ChallengeTransition, { from: readonly ChallengeStatus[]; to: ChallengeStatus }> = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  startEvaluation: { from: ['CLOSED'], to: 'EVALUATING' },
  cancel: { from: ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING'], to: 'CANCELLED' },
  advancePhase: { from: ['CLOSED', 'EVALUATING'], to: 'OPEN' },
};

const LOCKED_AFTER_PUBLISH = ['criteria', 'type', 'eligibility', 'phases', 'terms'] as const;

export class ChallengeService {
  private readonly collection: Collection<Challenge>;
  private readonly announcements: Collection<Announcement>;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly members: MemberService,
    private readonly audit: AuditTrail,
    private readonly events: HubEvents,
    private readonly clock: () => number,
  ) {
    this.collection = store.collection<Challenge>('challenges');
    this.announcements = store.collection<Announcement>('challenge_updates');
  }

  /** The challenge whatever its status: for the module's own rules and system actors, never for a viewer as is. */
  get(id: string): Promise<Challenge | null> {
    return this.collection.findOne({ _id: id });
  }

  /** The challenge if the viewer may see it, else null (a draft of another agency does not show it exists). */
  async visibleTo(viewer: Viewer | null, id: string): Promise<Challenge | null> {
    const challenge = await this.get(id);
    return challenge && canSeeChallenge(viewer, challenge) ? challenge : null;
  }

  /** Challenges by id, for a request's batch loader: relations of objects the viewer already sees. */
  byIds(ids: readonly string[]): Promise<Challenge[]> {
    return readByIds(this.collection)(ids);
  }

  /** A page of the challenges matching `query` that the viewer may see. */
  listVisibleTo(
    viewer: Viewer | null,
    query: ChallengeQuery,
    sort: ChallengeSort,
    page: PageRequest,
  ): Promise<Page<Challenge>> {
    return readPage(this.collection, challengeListFilter(viewer, query), CHALLENGE_SORTS[sort], page);
  }

  /** Which of these titles challenges already carry: lets a seeder skip what it made before, in one read. */
  async titlesTaken(titles: readonly string[]): Promise<Set<string>> {
    const found = await this.collection.find({ title: { $in: [...titles] } }, { limit: titles.length * 2 });
    return new Set(found.map((c) => c.title));
  }

  /** The review panel's member ids: the owning agency (and above), the panel itself and platform admins only. */
  panelOf(viewer: Viewer | null, challenge: Challenge): string[] {
    if (!(isPlatformAdmin(viewer) || isOfAgency(viewer, challenge) || isPanelist(viewer, challenge)))
      throw forbidden('The review panel is seen by the owning agency and the panel only.');
    return challenge.reviewerIds;
  }

  /** A page of the announcements of a challenge the viewer sees, newest first (announcements are public). */
  announcementsOf(challenge: Challenge, page: PageRequest): Promise<Page<Announcement>> {
    return readPage(this.announcements, { challengeId: challenge._id }, [['createdAt', -1]], page);
  }

  /**
   * The challenge if the viewer may see it; drafts of other agencies are NOT_FOUND, not FORBIDDEN, so they do not leak.
   */
  async requireVisible(viewer: Viewer | null, id: string): Promise<Challenge> {
    const challenge = await this.get(id);
    if (!challenge || !canSeeChallenge(viewer, challenge)) throw notFound('challenge', id);
    return challenge;
  }

  async requireManaged(viewer: Viewer | null, id: string): Promise<Challenge> {
    requireScope(viewer, 'WRITE');
    const challenge = await this.requireVisible(viewer, id);
    if (!canManage(viewer, challenge))
      throw forbidden('Only challenge managers and agency admins of the owning agency may do this.');
    return challenge;
  }

  async create(viewer: Viewer | null, agencyId: string, raw: CreateChallengeInput): Promise<Challenge> {
    requireScope(viewer, 'WRITE');
    const agency = await this.organizations.get(agencyId);
    if (!agency || agency.kind !== 'AGENCY')
      throw badInput('input.agencyId', '`input.agencyId` must be the id of an agency.');
    const agencyPath = [...agency.ancestorIds, agency._id];
    if (!canManage(viewer, { agencyPath }))
      throw forbidden(
        `Only challenge managers and agency admins of "${agency.name}" (or above it) may post its challenges.`,
      );
    const input = validate(createChallengeInput, raw);
    const now = new Date(this.clock()).toISOString();
    const challenge: Challenge = {
      _id: newId(),
      agencyId: agency._id,
      agencyPath,
      ...input,
      currentPhase: 0,
      status: 'DRAFT',
      cancelReason: null,
      reviewerIds: [],
      searchText: searchText(input),
      createdById: viewer.member._id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      closedAt: null,
      awardedAt: null,
      awardNote: null,
      winnerSubmissionIds: [],
      version: 1,
    };
    await this.collection.insertOne(challenge);
    return challenge;
  }

  async update(viewer: Viewer | null, id: string, raw: UpdateChallengeInput): Promise<Challenge> {
    const challenge = await this.requireManaged(viewer, id);
    const input = validate(updateChallengeInput, raw);
    if (challenge.status !== 'DRAFT' && challenge.status !== 'OPEN')
      throw conflict(`The challenge is ${challenge.status}; only DRAFT and OPEN challenges can be edited.`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== challenge.version) {
      throw conflict(
        `The challenge changed meanwhile (version ${challenge.version}, ` +
          `you expected ${input.expectedVersion}); reload it and retry.`,
        'input.expectedVersion',
      );
    }
    const { expectedVersion: _ignored, ...changes } = input;
    if (challenge.status === 'OPEN') {
      const locked = LOCKED_AFTER_PUBLISH.find((field) => changes[field] !== undefined);
      if (locked)
        throw badInput(
          `input.${locked}`,
          `\`input.${locked}\` cannot change once the challenge is published; companies are already answering it.`,
        );
      if (changes.submissionDeadline && changes.submissionDeadline < challenge.submissionDeadline) {
        throw badInput(
          'input.submissionDeadline',
          '`input.submissionDeadline` of a published challenge can only move later.',
        );
      }
    }
    const next = { ...challenge, ...changes };
    if (Date.parse(next.evaluationEnd) <= Date.parse(next.submissionDeadline))
      throw badInput('input.evaluationEnd', '`input.evaluationEnd` must come after submissionDeadline.');
    const updated = await this.collection.findOneAndUpdate(
      { _id: id, version: challenge.version },
      {
        $set: { ...changes, searchText: searchText(next), updatedAt: new Date(this.clock()).toISOString() },
        $inc: { version: 1 },
      },
    );
    if (!updated) throw conflict('The challenge changed meanwhile; reload it and retry.');
    if (updated.status !== 'DRAFT') this.emit('UPDATED', updated);
    return updated;
  }

  async transition(
    viewer: Viewer | null,
    id: string,
    action: ChallengeTransition,
    reason?: string | null,
  ): Promise<Challenge> {
    const challenge = await this.requireManaged(viewer, id);
    const set: Partial<Challenge> = {};
    if (action === 'cancel') set.cancelReason = validate(cancelInput, { reason: reason ?? '' }, '').reason;
    if (action === 'publish' && Date.parse(challenge.submissionDeadline) <= this.clock()) {
      throw conflict('The submission deadline has passed; move it later (updateChallenge) before publishing.');
    }
    if (action === 'advancePhase') {
      const next = challenge.phases[challenge.currentPhase];
      if (!next) throw conflict('The challenge has no further phase to open.');
      if (Date.parse(next.submissionDeadline) <= this.clock())
        throw conflict(`The deadline of phase "${next.name}" has passed; move it later (updateChallenge) first.`);
      set.currentPhase = challenge.currentPhase + 1;
      set.submissionDeadline = next.submissionDeadline;
    }
    return this.apply(challenge, action, set);
  }

  /** Moves one challenge along, guarded by its version: of two concurrent transitions exactly one wins. */
  async apply(
    challenge: Challenge,
    action: ChallengeTransition | 'award',
    set: Partial<Challenge>,
  ): Promise<Challenge> {
    const rule = action === 'award' ? { from: ['EVALUATING'] as const, to: 'AWARDED' as const } : TRANSITIONS[action];
    if (!rule.from.includes(challenge.status)) {
      throw conflict(
        `Cannot ${action} a ${challenge.status} challenge: ${action} applies to ${rule.from.join(' or ')} challenges.`,
      );
    }
    const now = new Date(this.clock()).toISOString();
    const stamps: Partial<Challenge> =
      { OPEN: { publishedAt: challenge.publishedAt ?? now }, CLOSED: { closedAt: now }, AWARDED: { awardedAt: now } }[
        rule.to as string
      ] ?? {};
    const updated = await this.collection.findOneAndUpdate(
      { _id: challenge._id, version: challenge.version, status: challenge.status },
      { $set: { ...set, ...stamps, status: rule.to, updatedAt: now }, $inc: { version: 1 } },
    );
    if (!updated) throw conflict('The challenge changed meanwhile (another transition won); reload it and retry.');
    const kind = ({ OPEN: 'PUBLISHED', CLOSED: 'CLOSED', AWARDED: 'AWARDED', CANCELLED: 'CANCELLED' } as const)[
      rule.to as 'OPEN'
    ];
    // A draft cancelled before publication was never public: no public event either.
    if (kind && updated.publishedAt !== null) this.emit(kind, updated);
    return updated;
  }

  /** The scheduler's job: closes every OPEN challenge whose deadline has passed. Returns how many it closed. */
  async closeDue(): Promise<number> {
    const now = new Date(this.clock()).toISOString();
    const due = await this.collection.find(
      { status: 'OPEN', submissionDeadline: { $lte: now } },
      { sort: [['submissionDeadline', 1]], limit: 100 },
    );
    let closed = 0;
    for (const challenge of due) {
      try {
        await this.apply(challenge, 'close', {});
        closed++;
        await this.audit.append({
          action: 'challenge.close',
          actorMemberId: null,
          actorOrganizationId: null,
          targetId: challenge._id,
          organizationId: challenge.agencyId,
          outcome: 'SUCCESS',
          requestId: 'scheduler',
        });
      } catch {
        // Someone else (another instance, or the agency) moved it first: nothing to do.
      }
    }
    return closed;
  }

  /** Posts an announcement to a published challenge (its managers), and tells the challenge's followers. */
  async postAnnouncement(
    viewer: Viewer | null,
    id: string,
    raw: z.input<typeof announcementInput>,
  ): Promise<Announcement> {
    const challenge = await this.requireManaged(viewer, id);
    const input = validate(announcementInput, raw, '');
    if (challenge.status === 'DRAFT' || challenge.status === 'CANCELLED') {
      throw conflict(`Announcements go to published challenges; this one is ${challenge.status}.`);
    }
    const announcement: Announcement = {
      _id: newId(),
      challengeId: id,
      ...input,
      authorId: viewer!.member._id,
      createdAt: new Date(this.clock()).toISOString(),
    };
    await this.announcements.insertOne(announcement);
    this.emit('ANNOUNCEMENT', challenge);
    return announcement;
  }

  /** Sets the review panel: members holding the REVIEWER role, of the agency or invited from any organization. */
  async assignReviewers(viewer: Viewer | null, id: string, memberIds: string[]): Promise<Challenge> {
    const challenge = await this.requireManaged(viewer, id);
    if (FINAL_CHALLENGE_STATUSES.includes(challenge.status))
      throw conflict(`The challenge is ${challenge.status}; its panel is final.`);
    if (memberIds.length > 50) throw badInput('memberIds', '`memberIds` may hold at most 50 reviewers.');
    const unique = [...new Set(memberIds)];
    for (const [i, memberId] of unique.entries()) {
      const member = await this.members.get(memberId);
      if (!member || member.status !== 'ACTIVE')
        throw badInput(`memberIds.${i}`, `\`memberIds.${i}\`: no active member with that id.`);
      if (!member.roles.includes('REVIEWER'))
        throw badInput(
          `memberIds.${i}`,
          `\`memberIds.${i}\`: ${member.name} does not hold the ` +
            `REVIEWER role; an admin of their organization can grant it.`,
        );
    }
    const updated = await this.collection.findOneAndUpdate(
      { _id: id, version: challenge.version },
      { $set: { reviewerIds: unique, updatedAt: new Date(this.clock()).toISOString() }, $inc: { version: 1 } },
    );
    if (!updated) throw conflict('The challenge changed meanwhile; reload it and retry.');
    return updated;
  }

  emit(kind: ChallengeEventKind, challenge: Challenge): void {
    this.events.publish('challenge', { kind, challengeId: challenge._id, at: new Date(this.clock()).toISOString() });
  }
}

function searchText(input: { title: string; summary: string; tags: string[] }): string {
  return `${input.title}\n${input.summary}\n${input.tags.join(' ')}`.toLowerCase();
}
