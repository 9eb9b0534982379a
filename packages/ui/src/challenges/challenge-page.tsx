import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownText } from '../common/markdown-text';
import { Deadline } from '../content/deadline';
import { MaruLink, type LinkRenderer } from '../common/link';
import { StatusBadge, type DataClassification } from '../common/status-badge';
import { useUiFormat } from '../i18n/use-ui-format';
import type { ChallengeSummary } from './challenge-card';
import { CriteriaTable, type Criterion } from './criteria-table';
import { QaThread, type QaThreadProps, type Question } from './qa-thread';
import type { RankedSubmission } from './results-table';
import { Timeline, type ChallengeTimelineData } from './timeline';

export type OrganizationKind = 'AGENCY' | 'COMPANY' | 'PLATFORM';

export interface Eligibility {
  minTeamSize: number;
  maxTeamSize?: number | null;
  organizationKinds: OrganizationKind[];
}

/** A dataset the challenge bears on (`Challenge.dataConnections`). */
export interface LinkedDataConnection {
  id: string;
  name: string;
  classification: DataClassification;
  agency?: { name: string };
}

/** A shared service the challenge bears on, or launched as its pilot (`Challenge.pilotServices`). */
export interface LinkedService {
  id: string;
  key: string;
  name: string;
  status: string;
  description?: string;
}

/** A challenge as the `challenge(id:)` query returns it; connections (`questions`) are passed as their `nodes`. */
export interface ChallengeDetail extends ChallengeSummary, ChallengeTimelineData {
  /** Markdown, rendered formatted and sanitized (see Markdown). */
  problemStatement: string;
  terms: string;
  criteria: Criterion[];
  eligibility?: Eligibility;
  awardNote?: string | null;
  dataConnections?: LinkedDataConnection[];
  services?: LinkedService[];
  /** The ranking: public once AWARDED. */
  results?: RankedSubmission[] | null;
  questions?: Question[];
}

export interface ChallengePageProps {
  challenge: ChallengeDetail;
  /** Handlers and states of the Q&A (ask, answer, loading). */
  qa?: Omit<QaThreadProps, 'questions'>;
  hrefForDataConnection?: (connection: LinkedDataConnection) => string;
  hrefForService?: (service: LinkedService) => string;
  renderLink?: LinkRenderer;
  /** What the viewer may do here (submit, publish, award…), shown under the title. */
  actions?: ReactNode;
  /** More sections after the Q&A, e.g. your submission form. */
  children?: ReactNode;
  /** The instant the D-day counts from; the reader's clock by default (stories pass a fixed one). */
  now?: Date | number;
}

/** A whole challenge: problem, timeline, criteria, prize and eligibility, linked data and services, Q&A, and the results once awarded. */
export function ChallengePage({
  challenge,
  qa,
  hrefForDataConnection,
  hrefForService,
  renderLink,
  actions,
  children,
  now,
}: ChallengePageProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const id = useId();
  const awarded = challenge.status === 'AWARDED';
  const eligibility = challenge.eligibility;
  return (
    <article className="maru-challenge-page">
      <header className="maru-challenge-page__header">
        <div className="maru-card__meta">
          <StatusBadge kind="challenge" status={challenge.status} />
          <span className="maru-tag maru-tag--type">{t(`challengeType.${challenge.type}`)}</span>
        </div>
        <h1>{challenge.title}</h1>
        <p className="maru-card__subtitle">{challenge.agency.name}</p>
        <p className="maru-lead">{challenge.summary}</p>
        <p className="maru-challenge-page__deadline">
          <span className="maru-challenge-page__deadline-label">{t('challenge.deadline')}</span>{' '}
          <Deadline value={challenge.submissionDeadline} now={now} showDday={challenge.status === 'OPEN'} />
        </p>
        {challenge.tags.length ? (
          <ul className="maru-tags" aria-label={t('challenge.tags')}>
            {challenge.tags.map((tag) => (
              <li key={tag} className="maru-tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        {challenge.status === 'CANCELLED' && challenge.cancelReason ? (
          <p className="maru-notice maru-notice--danger">
            <strong>{t('challenge.cancelled')}</strong> {challenge.cancelReason}
          </p>
        ) : null}
        {actions ? <div className="maru-challenge-page__actions">{actions}</div> : null}
      </header>

      {awarded ? (
        <section aria-labelledby={`${id}-results`} className="maru-section">
          <h2 id={`${id}-results`}>{t('challenge.results')}</h2>
          {challenge.awardNote ? <MarkdownText text={challenge.awardNote} /> : null}
          {challenge.results ? (
            <CriteriaTable criteria={challenge.criteria} results={challenge.results} />
          ) : (
            <p>{t('results.empty')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby={`${id}-problem`} className="maru-section">
        <h2 id={`${id}-problem`}>{t('challenge.problem')}</h2>
        <MarkdownText text={challenge.problemStatement} />
      </section>

      <section aria-labelledby={`${id}-timeline`} className="maru-section">
        <h2 id={`${id}-timeline`}>{t('challenge.timeline')}</h2>
        <Timeline challenge={challenge} />
      </section>

      {!awarded ? (
        <section aria-labelledby={`${id}-criteria`} className="maru-section">
          <h2 id={`${id}-criteria`}>{t('challenge.criteria')}</h2>
          <CriteriaTable criteria={challenge.criteria} results={challenge.results} />
        </section>
      ) : null}

      <section aria-labelledby={`${id}-prize`} className="maru-section">
        <h2 id={`${id}-prize`}>{t('challenge.prizeAndEligibility')}</h2>
        <dl className="maru-facts">
          {challenge.prize ? (
            <div>
              <dt>{t(challenge.prize.kind === 'CONTRACT' ? 'challenge.contract' : 'challenge.prize')}</dt>
              <dd>
                {format.money(challenge.prize.amount, challenge.prize.currency)}
                {challenge.prize.description ? (
                  <span className="maru-facts__note">{challenge.prize.description}</span>
                ) : null}
              </dd>
            </div>
          ) : null}
          {eligibility ? (
            <>
              <div>
                <dt>{t('challenge.eligibleOrganizations')}</dt>
                <dd>{eligibility.organizationKinds.map((kind) => t(`organizationKind.${kind}`)).join(', ')}</dd>
              </div>
              <div>
                <dt>{t('challenge.teamSize')}</dt>
                <dd>
                  {eligibility.maxTeamSize
                    ? t('challenge.teamSizeRange', { min: eligibility.minTeamSize, max: eligibility.maxTeamSize })
                    : t('challenge.teamSizeMin', { min: eligibility.minTeamSize })}
                </dd>
              </div>
            </>
          ) : null}
        </dl>
        <p className="maru-terms__title">{t('submissionForm.terms')}</p>
        <MarkdownText text={challenge.terms} />
      </section>

      {challenge.dataConnections?.length || challenge.services?.length ? (
        <section aria-labelledby={`${id}-linked`} className="maru-section">
          <h2 id={`${id}-linked`}>{t('challenge.linked')}</h2>
          {challenge.dataConnections?.length ? (
            <>
              <p className="maru-terms__title">{t('challenge.linkedData')}</p>
              <ul className="maru-linked">
                {challenge.dataConnections.map((connection) => (
                  <li key={connection.id}>
                    {hrefForDataConnection ? (
                      <MaruLink href={hrefForDataConnection(connection)} renderLink={renderLink}>
                        {connection.name}
                      </MaruLink>
                    ) : (
                      connection.name
                    )}{' '}
                    <StatusBadge kind="classification" status={connection.classification} />
                    {connection.agency ? <span className="maru-linked__note">{connection.agency.name}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {challenge.services?.length ? (
            <>
              <p className="maru-terms__title">{t('challenge.linkedServices')}</p>
              <ul className="maru-linked">
                {challenge.services.map((service) => (
                  <li key={service.id}>
                    {hrefForService ? (
                      <MaruLink href={hrefForService(service)} renderLink={renderLink}>
                        {service.name}
                      </MaruLink>
                    ) : (
                      service.name
                    )}{' '}
                    <StatusBadge kind="service" status={service.status} />
                    {service.description ? <span className="maru-linked__note">{service.description}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby={`${id}-qa`} className="maru-section">
        <h2 id={`${id}-qa`}>{t('challenge.qa')}</h2>
        <QaThread questions={challenge.questions ?? []} {...qa} />
      </section>

      {children}
    </article>
  );
}
