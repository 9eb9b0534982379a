/**
 * What produces notices, each called once per happening by the hub whose change won (the transition's claim holder,
 * the request that made a version-guarded write). Each names its event with a key fixed by what happened, so a call
 * repeated by another hub (taking over a dead one's work) adds nothing: see InboxService.
 */
import type { Challenge, Question, SubmissionService } from '../challenges/index.js';
import type { AccessRequest, DataConnection } from '../data/index.js';
import type { OrganizationService } from '../identity/index.js';
import type { InboxService, Recipient } from './inbox-service.js';
import type { InterestService } from './interest-service.js';

/** A service grant as the catalogue decides it (only what notices need). */
export interface DecidedGrant {
  _id: string;
  serviceKey: string;
  consumerOrganizationId: string;
  status: string;
  version: number;
}

export interface NoticeTriggersDeps {
  interests: InterestService;
  inbox: InboxService;
  organizations: OrganizationService;
  /** Who submitted to an awarded challenge. */
  submissions: Pick<SubmissionService, 'submittedEntries'>;
}

const PAGE = 200;

export class NoticeTriggers {
  constructor(private readonly deps: NoticeTriggersDeps) {}

  /**
   * A public challenge event, as the challenges module records it once (its outbox): PUBLISHED goes to interested and
   * eligible organizations, AWARDED to the organizations that submitted. Other kinds produce no notice here.
   */
  async challengeEvent(event: { id: string; kind: string; challenge?: Record<string, unknown> }): Promise<void> {
    const challenge = event.challenge as Challenge | undefined;
    // A draft never reaches here (the challenges module emits public events only), but a notice must never leak one.
    if (!challenge || challenge.publishedAt === null || challenge.status === 'DRAFT') return;
    if (event.kind === 'PUBLISHED') await this.challengePublished(challenge);
    if (event.kind === 'AWARDED') await this.challengeAwarded(challenge);
  }

  private async challengePublished(challenge: Challenge): Promise<void> {
    const event = {
      eventKey: `challenge-published:${challenge._id}`,
      kind: 'CHALLENGE_PUBLISHED' as const,
      subjectType: 'Challenge' as const,
      subjectId: challenge._id,
      title: challenge.title,
      outcome: null,
    };
    for (let after: string | null = null; ;) {
      const interested = await this.deps.interests.interestedInChallenge(challenge, after, PAGE);
      if (!interested.length) break;
      after = interested.at(-1)!._id;
      const organizations = await this.deps.organizations.byIds(interested.map((i) => i._id));
      const eligible = organizations.filter(
        (org) => challenge.eligibility.organizationKinds.includes(org.kind) && !challenge.agencyPath.includes(org._id),
      );
      await this.deps.inbox.record(
        event,
        eligible.map((org) => ({ organizationId: org._id, reason: 'INTERESTED' as const })),
      );
      if (interested.length < PAGE) break;
    }
  }

  private async challengeAwarded(challenge: Challenge): Promise<void> {
    const entries = await this.deps.submissions.submittedEntries(challenge);
    const winners = new Set(
      entries.filter((s) => challenge.winnerSubmissionIds.includes(s._id)).map((s) => s.organizationId),
    );
    const others = entries.map((s) => s.organizationId).filter((id) => !winners.has(id));
    const base = {
      eventKey: `challenge-awarded:${challenge._id}`,
      kind: 'CHALLENGE_AWARDED' as const,
      subjectType: 'Challenge' as const,
      subjectId: challenge._id,
      title: challenge.title,
    };
    const concerned = (ids: Iterable<string>): Recipient[] =>
      [...ids].map((organizationId) => ({ organizationId, reason: 'CONCERNED' }));
    await this.deps.inbox.record({ ...base, outcome: 'WINNER' }, concerned(winners));
    await this.deps.inbox.record({ ...base, outcome: 'NOT_SELECTED' }, concerned(new Set(others)));
  }

  /** The agency answered a question: the organization that asked it hears. */
  async questionAnswered(question: Question, challenge: Pick<Challenge, 'title'>): Promise<void> {
    await this.deps.inbox.record(
      {
        eventKey: `question-answered:${question._id}:v${question.version}`,
        kind: 'QUESTION_ANSWERED',
        subjectType: 'Question',
        subjectId: question._id,
        title: challenge.title,
        outcome: null,
      },
      [{ organizationId: question.organizationId, reason: 'CONCERNED' }],
    );
  }

  /** The owner decided a data access request: the requesting organization hears (a plugin's request has none). */
  async dataAccessDecided(request: AccessRequest, connection: Pick<DataConnection, 'name'>): Promise<void> {
    const organizationId = request.requester.organizationId;
    if (!organizationId) return;
    await this.deps.inbox.record(
      {
        eventKey: `data-access-decided:${request._id}:v${request.version}`,
        kind: 'DATA_ACCESS_DECIDED',
        subjectType: 'DataAccessRequest',
        subjectId: request._id,
        title: connection.name,
        outcome: request.status,
      },
      [{ organizationId, reason: 'CONCERNED' }],
    );
  }

  /** A platform admin decided a service access request: the consumer organization hears. */
  async serviceAccessDecided(grant: DecidedGrant): Promise<void> {
    await this.deps.inbox.record(
      {
        eventKey: `service-access-decided:${grant._id}:v${grant.version}`,
        kind: 'SERVICE_ACCESS_DECIDED',
        subjectType: 'ServiceGrant',
        subjectId: grant._id,
        title: grant.serviceKey,
        outcome: grant.status,
      },
      [{ organizationId: grant.consumerOrganizationId, reason: 'CONCERNED' }],
    );
  }

  /**
   * A dataset became available (its first successful sync): organizations that declared interest in it, and those
   * that asked about it (`askedBy`: e.g. a pending access request), hear once.
   */
  async datasetAvailable(connection: Pick<DataConnection, '_id' | 'name' | 'agencyPath'>, askedBy: string[]) {
    const event = {
      eventKey: `dataset-available:${connection._id}`,
      kind: 'DATASET_AVAILABLE' as const,
      subjectType: 'DataConnection' as const,
      subjectId: connection._id,
      title: connection.name,
      outcome: null,
    };
    const owner = (id: string) => connection.agencyPath.includes(id);
    await this.deps.inbox.record(
      event,
      [...new Set(askedBy)]
        .filter((id) => !owner(id))
        .map((organizationId) => ({ organizationId, reason: 'CONCERNED' })),
    );
    for (let after: string | null = null; ;) {
      const interested = await this.deps.interests.interestedInDataset(connection._id, after, PAGE);
      if (!interested.length) break;
      after = interested.at(-1)!._id;
      await this.deps.inbox.record(
        event,
        interested.filter((i) => !owner(i._id)).map((i) => ({ organizationId: i._id, reason: 'INTERESTED' as const })),
      );
      if (interested.length < PAGE) break;
    }
  }
}
