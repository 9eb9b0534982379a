import { useTranslation } from 'react-i18next';
import { MaruLink, type LinkProps } from '../common/link';
import { StatusBadge, type ChallengeStatus } from '../common/status-badge';
import { Deadline } from '../content/deadline';
import { useUiFormat } from '../i18n/use-ui-format';

export type ChallengeType = 'IDEA' | 'PROOF_OF_CONCEPT' | 'PROTOTYPE' | 'PRODUCTION_SERVICE';

/** `Prize`: PRIZE (money) or CONTRACT (a contract to run the solution). */
export interface Prize {
  amount: number;
  currency: string;
  description?: string;
  kind: 'PRIZE' | 'CONTRACT' | (string & {});
}

/** A challenge as the `challenges` query lists it. */
export interface ChallengeSummary {
  id: string;
  title: string;
  summary: string;
  status: ChallengeStatus;
  type: ChallengeType;
  tags: string[];
  agency: { name: string };
  /** ISO date-time. */
  submissionDeadline: string;
  prize?: Prize | null;
}

export interface ChallengeCardProps extends LinkProps {
  challenge: ChallengeSummary;
  /** The heading level of the title, to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** The instant the D-day counts from; the reader's clock by default (stories pass a fixed one). */
  now?: Date | number;
}

/** A challenge in a list: title (linked), agency, status, type, deadline, prize and tags. */
export function ChallengeCard({ challenge, href, renderLink, headingLevel = 3, now }: ChallengeCardProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="maru-card maru-challenge-card">
      <div className="maru-card__meta">
        <StatusBadge kind="challenge" status={challenge.status} />
        <span className="maru-tag maru-tag--type">{t(`challengeType.${challenge.type}`)}</span>
      </div>
      <Heading className="maru-card__title">
        {href ? (
          <MaruLink href={href} renderLink={renderLink} className="maru-card__link">
            {challenge.title}
          </MaruLink>
        ) : (
          challenge.title
        )}
      </Heading>
      <p className="maru-card__subtitle">{challenge.agency.name}</p>
      <p className="maru-card__summary">{challenge.summary}</p>
      <dl className="maru-facts">
        <div>
          <dt>{t('challenge.deadline')}</dt>
          <dd>
            <Deadline value={challenge.submissionDeadline} now={now} showDday={challenge.status === 'OPEN'} />
          </dd>
        </div>
        {challenge.prize ? (
          <div>
            <dt>{t(challenge.prize.kind === 'CONTRACT' ? 'challenge.contract' : 'challenge.prize')}</dt>
            <dd>{format.money(challenge.prize.amount, challenge.prize.currency)}</dd>
          </div>
        ) : null}
      </dl>
      {challenge.tags.length ? (
        <ul className="maru-tags" aria-label={t('challenge.tags')}>
          {challenge.tags.map((tag) => (
            <li key={tag} className="maru-tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
