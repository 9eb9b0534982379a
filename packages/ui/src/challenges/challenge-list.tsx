import { useTranslation } from 'react-i18next';
import { ItemList, type ListProps } from '../common/item-list';
import type { LinkRenderer } from '../common/link';
import { ChallengeCard, type ChallengeSummary } from './challenge-card';

export interface ChallengeListProps extends ListProps {
  challenges: ChallengeSummary[];
  /** Where each card links to, e.g. `(c) => \`/challenges/${c.id}\``. */
  hrefFor?: (challenge: ChallengeSummary) => string;
  renderLink?: LinkRenderer;
  /** How many match over all pages (`totalCount`); shown above the list. */
  totalCount?: number;
  headingLevel?: 2 | 3 | 4;
}

/** A list of challenge cards with its loading, error and empty states. */
export function ChallengeList({
  challenges,
  hrefFor,
  renderLink,
  totalCount,
  headingLevel,
  ...list
}: ChallengeListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <>
      {totalCount !== undefined && !list.loading && !list.error ? (
        <p className="maru-list__count">{t('challenge.count', { total: totalCount })}</p>
      ) : null}
      <ItemList
        {...list}
        items={challenges}
        itemKey={(challenge) => challenge.id}
        label={t('challenge.listLabel')}
        defaultEmptyMessage={t('challenge.empty')}
        renderItem={(challenge) => (
          <ChallengeCard
            challenge={challenge}
            {...(hrefFor ? { href: hrefFor(challenge) } : {})}
            renderLink={renderLink}
            headingLevel={headingLevel}
          />
        )}
      />
    </>
  );
}
