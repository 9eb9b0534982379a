import type { z } from 'zod';
import type { AuditTrail } from '../audit/index.js';
import { badInput, conflict, forbidden, isMaruError, notFound } from '../errors.js';
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
import { CLAIM_OWNER, ClaimTable, claimData, type Claim, type ClaimRecord } from '../store/claims.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canManage, canSeeChallenge, isOfAgency, isPanelist } from './access.js';
import {
  CHALLENGE_SORTS,
  challengeListFilter,
  challengeMatchFilter,
  type ChallengeMatch,
  type ChallengeQuery,
  type ChallengeSort,
} from './challenge-list.js';
import {
  announcementInput,
  cancelInput,
  createChallengeInput,
  updateChallengeInput,
  type CreateChallengeInput,
  type UpdateChallengeInput,
} from './challenge-input.js';
import type { ChallengeEvent, ChallengeEventKind, HubEvents } from '../events/index.js';
import { FINAL_CHALLENGE_STATUSES, type Announcement, type Challenge, type ChallengeStatus } from './model.js';
import type { PanelConflicts } from './panel-conflicts.js';

/** Whole days from `from` to `to` (ISO dates), or null without `from`. */
const daysBetween = (from: string | null, to: string): number | null =>
  from ? Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000)) : null;

export type ChallengeTransition = 'publish' | 'close' | 'startEvaluation' | 'cancel' | 'advancePhase';

/** Which statuses each transition leaves from, and where it goes. */
const TRANSITIONS: Record<ChallengeTransition, { from: readonly ChallengeStatus[]; to: ChallengeStatus }> = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  startEvaluation: { from: ['CLOSED'], to: 'EVALUATING' },
  cancel: { from: ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING'], to: 'CANCELLED' },
  advancePhase: { from: ['CLOSED', 'EVALUATING'], to: 'OPEN' },
};

const ruleOf = (action: ChallengeTransition | 'award') =>
  action === 'award' ? { from: ['EVALUATING'] as const, to: 'AWARDED' as const } : TRANSITIONS[action];

/** What a transition's claim records, for a hub that takes it over. */
interface TransitionClaim {
  challengeId: string;
  action: ChallengeTransition | 'award';
  /** The version it leaves from. */
  version: number;
  /** The scheduler's (audited here), not a request's (audited at the GraphQL boundary). */
  scheduled: boolean;
}

/** One key per version a transition leaves from: of all transitions out of one version, one is claimed. */
const transitionKey = (challenge: Pick<Challenge, '_id' | 'version'>) =>
  `transition:${challenge._id}:v${challenge.version}`;

/**
 * A transition's work takes milliseconds (a write, an audit event, outbox rows); a minute is far above that and above
 * any clock skew between hubs (seconds), and is how long a closing waits when its hub died mid-way.
 */
const TRANSITION_CLAIM_TTL_MS = 60_000;

/**
 * Where public challenge events are recorded once, for delivery to plugins (the plugins module's outbox). `id` names
 * the event: recording it again is a no-op.
 */
export interface ChallengeEventOutbox {
  record(event: ChallengeEvent & { id: string }): Promise<void>;
}

const LOCKED_AFTER_PUBLISH = ['criteria', 'type', 'eligibility', 'phases', 'terms'] as const;

export class ChallengeService {
  private readonly collection: Collection<Challenge>;
  private readonly announcements: Collection<Announcement>;
  private readonly claims: ClaimTable;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly members: MemberService,
    private readonly audit: AuditTrail,
    private readonly events: HubEvents,
    private readonly clock: () => number,
    private readonly conflicts: PanelConflicts,
    private readonly outbox?: ChallengeEventOutbox,
  ) {
    this.collection = store.collection<Challenge>('challenges');
    this.claims = new ClaimTable(store.collection<ClaimRecord>('challenge_claims'), {
      clock,
      ttlMs: TRANSITION_CLAIM_TTL_MS,
      owner: CLAIM_OWNER,
    });
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

  /** A page of the OPEN challenges matching an organization's interests and kind, soonest deadline first. */
  listMatching(match: ChallengeMatch, page: PageRequest): Promise<Page<Challenge>> {
    const filter = challengeMatchFilter(match);
    if (!filter) return readPage(this.collection, { _id: { $in: [] } }, CHALLENGE_SORTS.DEADLINE, page);
    return readPage(this.collection, filter, CHALLENGE_SORTS.DEADLINE, page);
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
    if (updated.status !== 'DRAFT') await this.emit('UPDATED', updated, `update:${id}:v${updated.version}`);
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

  /**
   * Moves one challenge along. Of two concurrent transitions (two hubs, or a hub and an agency) exactly one wins: each
   * first claims `transition:<id>:v<version>` by a unique insert (see store/claims.ts: on FerretDB a version guard
   * alone let two writers through), then makes the version-guarded write; the winner alone writes the event. A hub
   * that dies between the claim and the end is taken over by {@link resumeAbandoned}.
   */
  async apply(
    challenge: Challenge,
    action: ChallengeTransition | 'award',
    set: Partial<Challenge>,
    scheduled = false,
  ): Promise<Challenge> {
    const rule = ruleOf(action);
    if (!rule.from.includes(challenge.status)) {
      throw conflict(
        `Cannot ${action} a ${challenge.status} challenge: ${action} applies to ${rule.from.join(' or ')} challenges.`,
      );
    }
    const data: TransitionClaim = { challengeId: challenge._id, action, version: challenge.version, scheduled };
    const claim = await this.claims.claim(transitionKey(challenge), data);
    if (!claim) throw conflict('The challenge changed meanwhile (another transition won); reload it and retry.');
    const now = new Date(this.clock()).toISOString();
    const stamps: Partial<Challenge> =
      {
        OPEN: { publishedAt: challenge.publishedAt ?? now },
        CLOSED: { closedAt: now },
        AWARDED: { awardedAt: now, awardDays: daysBetween(challenge.publishedAt, now) },
      }[rule.to as string] ?? {};
    let updated: Challenge | null;
    try {
      updated = await this.collection.findOneAndUpdate(
        { _id: challenge._id, version: challenge.version, status: challenge.status },
        { $set: { ...set, ...stamps, status: rule.to, updatedAt: now }, $inc: { version: 1 } },
      );
    } catch (error) {
      await this.claims.release(claim);
      throw error;
    }
    if (!updated) {
      // An edit moved the version on: this key is never needed again.
      await this.claims.done(claim);
      throw conflict('The challenge changed meanwhile (another transition won); reload it and retry.');
    }
    await this.claims.stage(claim, 'applied');
    await this.afterTransition(claim, data, updated);
    return updated;
  }

  /**
   * What follows a transition once, whoever finishes it: the scheduler's audit event and the public event (bus and
   * plugin outbox), each under the claim's key, so a hub that takes over writes neither twice.
   */
  private async afterTransition(claim: Claim, data: TransitionClaim, updated: Challenge): Promise<void> {
    if (data.scheduled) {
      await this.audit
        .append(
          {
            action: `challenge.${data.action}`,
            actorMemberId: null,
            actorOrganizationId: null,
            targetId: data.challengeId,
            organizationId: updated.agencyId,
            outcome: 'SUCCESS',
            requestId: 'scheduler',
          },
          `${claim.key}:audit`,
        )
        .catch((error: unknown) => {
          // Written by the hub that died after writing it.
          if (!(error instanceof StoreConflictError)) throw error;
        });
    }
    const kind = ({ OPEN: 'PUBLISHED', CLOSED: 'CLOSED', AWARDED: 'AWARDED', CANCELLED: 'CANCELLED' } as const)[
      ruleOf(data.action).to as 'OPEN'
    ];
    // A draft cancelled before publication was never public: no public event either.
    if (kind && updated.publishedAt !== null) await this.emit(kind, updated, claim.key);
    await this.claims.done(claim);
  }

  /**
   * Takes over transitions whose hub died after claiming them: one that was applied gets its audit event and public
   * event; one that was not is released, and is claimed again by the next closing (or the agency's retry). Returns how
   * many it finished.
   */
  async resumeAbandoned(): Promise<number> {
    let finished = 0;
    for (const record of await this.claims.abandoned(100)) {
      const data = claimData<TransitionClaim>(record);
      const claim = data && (await this.claims.claim(record.key));
      if (!claim || !data) continue;
      const challenge = await this.get(data.challengeId);
      // The stage is written right after the write; the state tells for a hub that died between the two.
      const applied =
        claim.previous?.stage === 'applied' ||
        (challenge?.version === data.version + 1 && challenge.status === ruleOf(data.action).to);
      if (!challenge || !applied) {
        await this.claims.release(claim);
        continue;
      }
      await this.afterTransition(claim, data, challenge);
      finished++;
    }
    return finished;
  }

  /**
   * The scheduler's job: closes every OPEN challenge whose deadline has passed, each exactly once across hubs, and
   * finishes closings a dead hub left. Returns how many this hub closed.
   */
  async closeDue(): Promise<number> {
    await this.resumeAbandoned();
    const now = new Date(this.clock()).toISOString();
    const due = await this.collection.find(
      { status: 'OPEN', submissionDeadline: { $lte: now } },
      { sort: [['submissionDeadline', 1]], limit: 100 },
    );
    let closed = 0;
    for (const challenge of due) {
      try {
        await this.apply(challenge, 'close', {}, true);
        closed++;
      } catch (error) {
        // Someone else (another hub, or the agency) moved it first: nothing to do.
        if (!isMaruError(error)) throw error;
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
    await this.emit('ANNOUNCEMENT', challenge, `announcement:${announcement._id}`);
    return announcement;
  }

  /**
   * Sets the review panel: members holding the REVIEWER role, of the agency or invited from any organization whose
   * organization does not compete in the challenge (CONFLICT_OF_INTEREST, naming the first such member).
   */
  async assignReviewers(viewer: Viewer | null, id: string, memberIds: string[]): Promise<Challenge> {
    const challenge = await this.requireManaged(viewer, id);
    if (FINAL_CHALLENGE_STATUSES.includes(challenge.status))
      throw conflict(`The challenge is ${challenge.status}; its panel is final.`);
    if (memberIds.length > 50) throw badInput('memberIds', '`memberIds` may hold at most 50 reviewers.');
    const unique = [...new Set(memberIds)];
    const members = [];
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
      members.push(member);
    }
    await this.conflicts.assertSeatable(id, members);
    const updated = await this.collection.findOneAndUpdate(
      { _id: id, version: challenge.version },
      { $set: { reviewerIds: unique, updatedAt: new Date(this.clock()).toISOString() }, $inc: { version: 1 } },
    );
    if (!updated) throw conflict('The challenge changed meanwhile; reload it and retry.');
    return updated;
  }

  /**
   * Tells subscribers (the bus; the event carries the challenge so they need no read) and, through the outbox, the
   * plugins that receive it. `eventId` names the event once across hubs (a transition's claim key).
   */
  async emit(kind: ChallengeEventKind, challenge: Challenge, eventId: string = newId()): Promise<void> {
    const event: ChallengeEvent = {
      kind,
      challengeId: challenge._id,
      at: new Date(this.clock()).toISOString(),
      challenge: { ...challenge },
    };
    await this.outbox?.record({ ...event, id: eventId });
    this.events.publish('challenge', event);
  }
}

function searchText(input: { title: string; summary: string; tags: string[] }): string {
  return `${input.title}\n${input.summary}\n${input.tags.join(' ')}`.toLowerCase();
}
