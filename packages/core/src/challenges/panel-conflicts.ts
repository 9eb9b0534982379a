import { MaruError } from '../errors.js';
import { newId } from '../ids.js';
import type { Member } from '../identity/index.js';
import { StoreConflictError, type Collection, type Store } from '../store/port.js';
import type { Challenge, ConflictDeclaration, Submission } from './model.js';

/**
 * The conflict-of-interest rule of a review panel: a reviewer whose organization has a submission to the challenge
 * that it did not withdraw — a draft included, because a draft is already the intent to compete, and a panelist reads
 * the submitted entries of competitors while the challenge is still open — may not sit on its panel, may not declare
 * themselves free of conflict, and may not score any entry of it. The rule is evaluated from the submissions each
 * time, never stored, so an organization that enters after its reviewer was seated conflicts them at once.
 *
 * It reads the submissions table itself, by the index `oneForEachPhase` starts with, rather than asking the
 * submission service: seating is the challenge service's, which the submission service is built on, and the rule must
 * hold on every path that seats a reviewer (the API and the demo seeder alike).
 */
export class PanelConflicts {
  private readonly submissions: Collection<Submission>;
  private readonly declarations: Collection<ConflictDeclaration>;

  constructor(
    store: Store,
    private readonly clock: () => number,
  ) {
    this.submissions = store.collection<Submission>('submissions');
    this.declarations = store.collection<ConflictDeclaration>('conflict_declarations');
  }

  /** Organizations competing in the challenge: with a submission of any phase, in any status but WITHDRAWN. */
  async competingOrganizationIds(challengeId: string): Promise<Set<string>> {
    const entries = await this.submissions.find({ challengeId, status: { $ne: 'WITHDRAWN' } });
    return new Set(entries.map((s) => s.organizationId));
  }

  /** Whether this organization competes in the challenge (one indexed read). */
  async competes(challengeId: string, organizationId: string): Promise<boolean> {
    return !!(await this.submissions.findOne({ challengeId, organizationId, status: { $ne: 'WITHDRAWN' } }));
  }

  /** Refuses seating any of `members` whose organization competes in the challenge; `memberIds.<i>` names the first. */
  async assertSeatable(challengeId: string, members: readonly Member[]): Promise<void> {
    const competing = await this.competingOrganizationIds(challengeId);
    const i = members.findIndex((m) => competing.has(m.organizationId));
    if (i >= 0) throw conflictOfInterest(members[i]!, `memberIds.${i}`);
  }

  /** Refuses `member` when their organization competes in the challenge. */
  async assertFree(challengeId: string, member: Member): Promise<void> {
    if (await this.competes(challengeId, member.organizationId)) throw conflictOfInterest(member);
  }

  declarationOf(challengeId: string, reviewerId: string): Promise<ConflictDeclaration | null> {
    return this.declarations.findOne({ challengeId, reviewerId });
  }

  /** The declarations made on this challenge, by reviewer id. */
  async declarationsOf(challengeId: string): Promise<Map<string, ConflictDeclaration>> {
    const all = await this.declarations.find({ challengeId });
    return new Map(all.map((d) => [d.reviewerId, d]));
  }

  /** Records `member`'s declaration once; declaring again answers the first one unchanged. */
  async record(
    challenge: Pick<Challenge, '_id' | 'agencyId'>,
    member: Member,
    statement: string | null,
  ): Promise<ConflictDeclaration> {
    const challengeId = challenge._id;
    const existing = await this.declarationOf(challengeId, member._id);
    if (existing) return existing;
    const declaration: ConflictDeclaration = {
      _id: newId(),
      challengeId,
      agencyId: challenge.agencyId,
      reviewerId: member._id,
      reviewerOrganizationId: member.organizationId,
      statement,
      declaredAt: new Date(this.clock()).toISOString(),
    };
    try {
      await this.declarations.insertOne(declaration);
    } catch (error) {
      // The same reviewer declared twice at once: the first write is the declaration.
      if (error instanceof StoreConflictError) return (await this.declarationOf(challengeId, member._id))!;
      throw error;
    }
    return declaration;
  }
}

export const conflictOfInterest = (member: Pick<Member, 'name'>, field?: string) =>
  new MaruError(
    'CONFLICT_OF_INTEREST',
    `Conflict of interest: ${member.name}'s organization has a submission to this challenge, so ${member.name} ` +
      'may not sit on its panel or score any of its entries. Seat a reviewer from another organization.',
    field ? { field } : {},
  );
