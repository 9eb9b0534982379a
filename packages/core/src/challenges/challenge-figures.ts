import type { CountByGroup, Filter, Store } from '../store/port.js';
import type { Challenge, Submission } from './model.js';

/** Which entries a participation figure counts: one agency's challenges (or all), optionally one challenge, since a day. */
export interface ParticipationScope {
  /** The agencies whose challenges' entries count; omitted for the whole platform. */
  agencyIds?: readonly string[];
  challengeId?: string;
}

/** Entries counted per group, as the store grouped them. */
export interface ParticipationCounts {
  /** Key: challengeId, status. */
  byChallengeStatus: CountByGroup[];
  /** Key: phase, status. */
  byPhaseStatus: CountByGroup[];
  /** Key: submittedDay, status; entries submitted on or after `sinceDay`. */
  byDayStatus: CountByGroup[];
  /** Key: organizationId; entries that were submitted (not drafts). */
  byOrganization: CountByGroup[];
}

/** Statuses of entries that were submitted at some point (drafts never were). */
export const ENTERED_STATUSES = ['SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'REJECTED', 'WINNER'] as const;

/**
 * Counts for insights, made by the store (`countBy`) on indexed filters: one row per group comes back, never every
 * entry. The insights module decides who may see them; this class only counts.
 */
export class ChallengeFigures {
  readonly #submissions;
  readonly #challenges;

  constructor(store: Store) {
    this.#submissions = store.collection<Submission>('submissions');
    this.#challenges = store.collection<Challenge>('challenges');
  }

  async participation(scope: ParticipationScope, sinceDay: string): Promise<ParticipationCounts> {
    const filter: Filter = {};
    if (scope.agencyIds) filter.agencyId = { $in: [...scope.agencyIds] };
    if (scope.challengeId) filter.challengeId = scope.challengeId;
    const [byChallengeStatus, byPhaseStatus, byDayStatus, byOrganization] = await Promise.all([
      this.#submissions.countBy(filter, { by: ['challengeId', 'status'] }),
      this.#submissions.countBy(filter, { by: ['phase', 'status'] }),
      this.#submissions.countBy({ ...filter, submittedDay: { $gte: sinceDay } }, { by: ['submittedDay', 'status'] }),
      this.#submissions.countBy({ ...filter, status: { $in: [...ENTERED_STATUSES] } }, { by: ['organizationId'] }),
    ]);
    return { byChallengeStatus, byPhaseStatus, byDayStatus, byOrganization };
  }

  /**
   * Awarded challenges per agency and per whole days from publication to award (key: agencyId, awardDays): a
   * histogram the median is read from. `agencyId` takes the agency and the agencies below it.
   */
  awardDays(agencyId: string | null): Promise<CountByGroup[]> {
    const filter: Filter = { status: 'AWARDED' };
    if (agencyId) filter.agencyPath = agencyId;
    return this.#challenges.countBy(filter, { by: ['agencyId', 'awardDays'] });
  }

  /** Challenges per status (key: status) of an agency and the agencies below it, or of the whole platform. */
  challengesByStatus(agencyId: string | null): Promise<CountByGroup[]> {
    return this.#challenges.countBy(agencyId ? { agencyPath: agencyId } : {}, { by: ['status'] });
  }
}
