import { z } from 'zod';
import { badInput, conflict, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { hasRole, isPlatformAdmin, requireScope, type Viewer } from '../identity/index.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import { StoreConflictError, type Collection, type Filter, type Store } from '../store/port.js';
import { graphqlInput } from '../graphql/input-hints.js';
import { optionalText, text, validate } from '../validation.js';
import { canManage, isOfAgency, isPanelist } from './access.js';
import type { ChallengeService } from './challenge-service.js';
import type { HubEvents } from '../events/index.js';
import type { Challenge, Submission } from './model.js';
import type { PanelConflicts } from './panel-conflicts.js';

const link = z
  .object({
    title: text('a link title', 200),
    url: z
      .string()
      .url('a link is an absolute URL')
      .max(2000)
      .refine((u) => /^https?:\/\//.test(u), 'a link uses http or https'),
  })
  .register(graphqlInput, { name: 'SubmissionLinkInput' });

const fields = {
  title: text('a title', 200),
  summary: optionalText('a summary', 1000),
  proposal: optionalText('a proposal', 100_000).describe('Markdown; required to submit.'),
  links: z.array(link).max(20, 'at most 20 links'),
  pluginPackage: z
    .object({
      name: z
        .string()
        .regex(
          /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/,
          'an npm package name such as "@acme/maru-address"',
        )
        .max(214)
        .describe('npm package name.'),
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'an exact semver version such as "1.2.0"')
        .describe('Exact version.'),
    })
    .register(graphqlInput, { name: 'PluginPackageInput' })
    .nullable(),
  teamSize: z.number().int().min(1).max(1000),
};

export const createSubmissionInput = z.object({
  ...fields,
  summary: fields.summary.default(''),
  proposal: fields.proposal.default(''),
  links: fields.links.default([]),
  pluginPackage: fields.pluginPackage.default(null),
  teamSize: fields.teamSize.default(1),
});
// Every field may be left out; a plugin package left out or null stays as it is (as GraphQL's null always meant here).
export const updateSubmissionInput = z
  .object(fields)
  .partial()
  .extend({ pluginPackage: fields.pluginPackage.unwrap().optional() });

export type CreateSubmissionInput = z.input<typeof createSubmissionInput>;
export type UpdateSubmissionInput = z.input<typeof updateSubmissionInput>;

/** Statuses the agency, the panel and — after the award — the public can see. */
const SUBMITTED_STATUSES = ['SUBMITTED', 'SHORTLISTED', 'REJECTED', 'WINNER'] as const;
const SUBMITTER_ROLES = ['COMPANY_ADMIN', 'DEVELOPER', 'AGENCY_ADMIN'] as const;
/** Entries still competing in a phase: scored, and shortlisted, rejected or awarded next. */
const IN_PLAY_STATUSES = ['SUBMITTED', 'SHORTLISTED'] as const;

/** The documents a challenge requires that the viewer's organization has not presented yet (the wallet module's). */
export interface RequiredDocuments {
  unmetFor(
    viewer: Viewer | null,
    challengeId: string,
  ): Promise<ReadonlyArray<{ type: string; maxAgeDays?: number | null }>>;
}

export class SubmissionService {
  private readonly collection: Collection<Submission>;

  constructor(
    store: Store,
    private readonly challenges: ChallengeService,
    private readonly events: HubEvents,
    private readonly clock: () => number,
    private readonly conflicts: Pick<PanelConflicts, 'competes'>,
    private readonly requiredDocuments?: RequiredDocuments,
  ) {
    this.collection = store.collection<Submission>('submissions');
  }

  /**
   * Who sees every submitted entry of a challenge, not just their own: the agency, the panel, and all once awarded —
   * but not a panelist whose organization competes (the conflict-of-interest rule, panel-conflicts.ts): seated before
   * their organization entered, they keep the seat until the agency replaces them, not the view of competitors' work.
   */
  private async seesSubmitted(viewer: Viewer | null, challenge: Challenge): Promise<boolean> {
    if (challenge.status === 'AWARDED' || isPlatformAdmin(viewer) || isOfAgency(viewer, challenge)) return true;
    if (!viewer || !isPanelist(viewer, challenge)) return false;
    return !(await this.conflicts.competes(challenge._id, viewer.organization._id));
  }

  /** The submission if the viewer may read it, else null. */
  async visibleTo(viewer: Viewer | null, id: string): Promise<Submission | null> {
    const submission = await this.collection.findOne({ _id: id });
    const challenge = submission ? await this.challenges.get(submission.challengeId) : null;
    return submission && challenge && (await this.canRead(viewer, submission, challenge)) ? submission : null;
  }

  /** A page of the submissions to a challenge the viewer sees that the viewer may read, oldest first. */
  async listOfChallenge(viewer: Viewer | null, challenge: Challenge, page: PageRequest): Promise<Page<Submission>> {
    return readPage(this.collection, await this.visibleFilter(viewer, challenge), [['createdAt', 1]], page);
  }

  /** Submissions by id, for a request's batch loader: relations of objects the viewer already sees (winners). */
  byIds(ids: readonly string[]): Promise<Submission[]> {
    return readByIds(this.collection)(ids);
  }

  /** The entries of the challenge's current phase still in play (submitted or shortlisted), oldest first. */
  entriesInPlay(challenge: Challenge): Promise<Submission[]> {
    return this.ofCurrentPhase(challenge, IN_PLAY_STATUSES);
  }

  /** The submitted entries of the challenge's current phase, decided or not, oldest first: what a ranking ranks. */
  submittedEntries(challenge: Challenge): Promise<Submission[]> {
    return this.ofCurrentPhase(challenge, SUBMITTED_STATUSES);
  }

  /** One submission to this challenge, whatever its status; null when it is another challenge's. */
  entryOf(challengeId: string, submissionId: string): Promise<Submission | null> {
    return this.collection.findOne({ _id: submissionId, challengeId });
  }

  /** One of the challenge's awarded submissions; null when that id is not among its winners. */
  async winnerOf(challenge: Challenge, submissionId: string): Promise<Submission | null> {
    if (!challenge.winnerSubmissionIds.includes(submissionId)) return null;
    return this.entryOf(challenge._id, submissionId);
  }

  private ofCurrentPhase(challenge: Challenge, statuses: readonly string[]): Promise<Submission[]> {
    return this.collection.find(
      { challengeId: challenge._id, phase: challenge.currentPhase, status: { $in: [...statuses] } },
      { sort: [['createdAt', 1]] },
    );
  }

  /**
   * A company sees its own, drafts included; the agency and panel see submitted ones; everyone sees them once awarded.
   */
  private async visibleFilter(viewer: Viewer | null, challenge: Challenge): Promise<Filter> {
    const submitted: Filter = { challengeId: challenge._id, status: { $in: [...SUBMITTED_STATUSES] } };
    if (await this.seesSubmitted(viewer, challenge)) {
      return viewer
        ? { $or: [submitted, { challengeId: challenge._id, organizationId: viewer.organization._id }] }
        : submitted;
    }
    return viewer ? { challengeId: challenge._id, organizationId: viewer.organization._id } : { _id: { $in: [] } };
  }

  /** The rule of `visibleFilter` for one submission at hand. */
  private async canRead(viewer: Viewer | null, submission: Submission, challenge: Challenge): Promise<boolean> {
    if (viewer && submission.organizationId === viewer.organization._id) return true;
    return (
      (SUBMITTED_STATUSES as readonly string[]).includes(submission.status) &&
      (await this.seesSubmitted(viewer, challenge))
    );
  }

  /**
   * The submission when the viewer may read it; otherwise NOT_FOUND, so another company's draft does not even show it
   * exists.
   */
  async requireReadable(viewer: Viewer | null, id: string): Promise<{ submission: Submission; challenge: Challenge }> {
    const submission = await this.collection.findOne({ _id: id });
    const challenge = submission ? await this.challenges.get(submission.challengeId) : null;
    if (!submission || !challenge || !(await this.canRead(viewer, submission, challenge)))
      throw notFound('submission', id);
    return { submission, challenge };
  }

  private async requireOwn(viewer: Viewer | null, id: string) {
    requireScope(viewer, 'WRITE');
    const found = await this.requireReadable(viewer, id);
    if (found.submission.organizationId !== viewer.organization._id)
      throw forbidden('Only the submitting organization may change its submission.');
    return found;
  }

  private assertOpen(challenge: Challenge): void {
    if (challenge.status !== 'OPEN')
      throw conflict(`The challenge is ${challenge.status}; submissions are taken while it is OPEN.`);
    if (Date.parse(challenge.submissionDeadline) <= this.clock())
      throw conflict(
        `The submission deadline passed at ${challenge.submissionDeadline}; late submissions are not accepted.`,
      );
  }

  async create(viewer: Viewer | null, challengeId: string, raw: CreateSubmissionInput): Promise<Submission> {
    requireScope(viewer, 'WRITE');
    const challenge = await this.challenges.requireVisible(viewer, challengeId);
    if (!SUBMITTER_ROLES.some((role) => hasRole(viewer, role)))
      throw forbidden(
        `Submissions are made by ${SUBMITTER_ROLES.join(', ')} ` +
          `members; reviewers and challenge managers do not submit.`,
      );
    if (isOfAgency(viewer, challenge)) throw forbidden('The owning agency cannot answer its own challenge.');
    if (!challenge.eligibility.organizationKinds.includes(viewer.organization.kind)) {
      throw forbidden(
        `This challenge is open to ${challenge.eligibility.organizationKinds.join(', ')} organizations only.`,
      );
    }
    const input = validate(createSubmissionInput, raw);
    this.assertOpen(challenge);
    this.assertTeam(challenge, input.teamSize);
    if (challenge.currentPhase > 0) {
      const shortlisted = await this.collection.findOne({
        challengeId,
        organizationId: viewer.organization._id,
        phase: challenge.currentPhase - 1,
        status: 'SHORTLISTED',
      });
      if (!shortlisted) throw forbidden('Only organizations shortlisted in the previous phase may enter this one.');
    }
    const now = new Date(this.clock()).toISOString();
    const submission: Submission = {
      _id: newId(),
      challengeId,
      agencyId: challenge.agencyId,
      organizationId: viewer.organization._id,
      phase: challenge.currentPhase,
      ...input,
      termsAcknowledgedAt: null,
      status: 'DRAFT',
      createdById: viewer.member._id,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      awardNote: null,
      version: 1,
    };
    try {
      await this.collection.insertOne(submission);
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw conflict('Your organization already has a submission in this phase; edit that one.', 'challengeId');
      throw error;
    }
    return submission;
  }

  async update(viewer: Viewer | null, id: string, raw: UpdateSubmissionInput): Promise<Submission> {
    const { submission, challenge } = await this.requireOwn(viewer, id);
    const input = validate(updateSubmissionInput, raw);
    if (submission.status !== 'DRAFT')
      throw conflict(
        `Only drafts can be edited; this submission is ${submission.status} and stays as it was sent. ` +
          // Not "withdraw and start again": a withdrawn entry keeps its organization's one place in the phase.
          `Ask a question on the challenge if something in it must be corrected.`,
      );
    if (input.teamSize !== undefined) this.assertTeam(challenge, input.teamSize);
    return this.move(submission, submission.status, { ...input });
  }

  async submit(viewer: Viewer | null, id: string, acknowledgeTerms: boolean): Promise<Submission> {
    const { submission, challenge } = await this.requireOwn(viewer, id);
    if (submission.status !== 'DRAFT')
      throw conflict(`Only a draft can be submitted; this submission is ${submission.status}.`);
    this.assertOpen(challenge);
    if (!acknowledgeTerms)
      throw badInput(
        'acknowledgeTerms',
        "`acknowledgeTerms` must be true: read and accept the challenge's terms (IP and licence) to submit.",
      );
    if (!submission.proposal.trim())
      throw badInput('proposal', 'The proposal is empty; write it (updateSubmission) before submitting.');
    // Once-only documents: what the challenge requires is presented from the wallet, never uploaded with the entry.
    const unmet = (await this.requiredDocuments?.unmetFor(viewer, challenge._id)) ?? [];
    if (unmet.length > 0) throw documentsRequired(unmet);
    const now = new Date(this.clock()).toISOString();
    const updated = await this.move(submission, 'SUBMITTED', {
      termsAcknowledgedAt: now,
      submittedAt: now,
      submittedDay: now.slice(0, 10),
    });
    this.events.publish('submissionReceived', {
      challengeId: challenge._id,
      submissionId: id,
      agencyPath: challenge.agencyPath,
      at: now,
    });
    return updated;
  }

  async withdraw(viewer: Viewer | null, id: string): Promise<Submission> {
    const { submission, challenge } = await this.requireOwn(viewer, id);
    if (submission.status !== 'SUBMITTED' && submission.status !== 'DRAFT')
      throw conflict(`A ${submission.status} submission cannot be withdrawn.`);
    if (challenge.status !== 'OPEN')
      throw conflict(`The challenge is ${challenge.status}; submissions can be withdrawn while it is OPEN.`);
    return this.move(submission, 'WITHDRAWN', {});
  }

  /** The agency shortlists or rejects a submitted entry once submissions have closed. */
  async decide(viewer: Viewer | null, id: string, status: 'SHORTLISTED' | 'REJECTED'): Promise<Submission> {
    requireScope(viewer, 'WRITE');
    const { submission, challenge } = await this.requireReadable(viewer, id);
    if (!canManage(viewer, challenge))
      throw forbidden('Only challenge managers and agency admins of the owning agency decide on submissions.');
    if (challenge.status !== 'CLOSED' && challenge.status !== 'EVALUATING')
      throw conflict(
        `Submissions are shortlisted while the challenge is CLOSED or EVALUATING; it is ${challenge.status}.`,
      );
    if (submission.status !== 'SUBMITTED' && submission.status !== 'SHORTLISTED')
      throw conflict(`A ${submission.status} submission cannot be ${status.toLowerCase()}.`);
    return this.move(submission, status, {});
  }

  async move(submission: Submission, status: Submission['status'], set: Partial<Submission>): Promise<Submission> {
    const updated = await this.collection.findOneAndUpdate(
      { _id: submission._id, version: submission.version, status: submission.status },
      { $set: { ...set, status, updatedAt: new Date(this.clock()).toISOString() }, $inc: { version: 1 } },
    );
    if (!updated) throw conflict('The submission changed meanwhile; reload it and retry.');
    return updated;
  }

  private assertTeam(challenge: Challenge, teamSize: number): void {
    const { minTeamSize, maxTeamSize } = challenge.eligibility;
    if (teamSize < minTeamSize || (maxTeamSize !== null && teamSize > maxTeamSize)) {
      throw badInput(
        'input.teamSize',
        `\`input.teamSize\` must be from ${minTeamSize} to ${maxTeamSize ?? 'any number'} for this challenge.`,
      );
    }
  }
}

/** Submitting before presenting the challenge's required documents (they come from the wallet, by reference). */
function documentsRequired(unmet: ReadonlyArray<{ type: string; maxAgeDays?: number | null }>): MaruError {
  const list = unmet.map((r) => (r.maxAgeDays ? `${r.type} (issued within ${r.maxAgeDays} days)` : r.type)).join(', ');
  return new MaruError(
    'DOCUMENT_REQUIRED',
    `This challenge requires ${list}: present ${unmet.length > 1 ? 'them' : 'it'} from your held documents ` +
      '(presentDocument, or My documents in the portal) before submitting.',
    { documentTypes: unmet.map((r) => r.type) },
  );
}
