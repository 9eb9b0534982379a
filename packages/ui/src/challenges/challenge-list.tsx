import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncState, type AsyncStateProps } from '../common/async-state';
import type { LinkRenderer } from '../common/link';
import { ChallengeCard, type ChallengeSummary } from './challenge-card';

export interface ChallengeListProps extends AsyncStateProps {
  challenges: ChallengeSummary[];
  /** Where each card links to, e.g. `(c) => \`/challenges/${c.id}\``. */
  hrefFor?: (challenge: ChallengeSummary) => string;
  renderLink?: LinkRenderer;
  /** How many match over all pages (`totalCount`); shown above the list. */
  totalCount?: number;
  /** Replaces the default "no challenges" text, e.g. to suggest clearing a search. */
  emptyMessage?: ReactNode;
  /** Shows a "Load more" button (with `pageInfo.hasNextPage`). */
  onLoadMore?: () => void;
  loadingMore?: boolean;
  headingLevel?: 2 | 3 | 4;
}

/** A list of challenge cards with its loading, error and empty states. */
export function ChallengeList({ challenges, hrefFor, renderLink, totalCount, emptyMessage, onLoadMore, loadingMore, headingLevel, ...state }: ChallengeListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <div className="maru-list" aria-busy={state.loading || loadingMore || undefined}>
      <AsyncState {...state} label={t('challenge.listLabel')} empty={challenges.length === 0} emptyMessage={emptyMessage ?? t('challenge.empty')}>
        {totalCount !== undefined ? <p className="maru-list__count">{t('challenge.count', { total: totalCount })}</p> : null}
        <ul className="maru-list__items maru-grid">
          {challenges.map((challenge) => (
            <li key={challenge.id}>
              <ChallengeCard challenge={challenge} {...(hrefFor ? { href: hrefFor(challenge) } : {})} renderLink={renderLink} headingLevel={headingLevel} />
            </li>
          ))}
        </ul>
        {onLoadMore ? (
          <button type="button" className="maru-button maru-button--secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? t('state.loading') : t('state.loadMore')}
          </button>
        ) : null}
      </AsyncState>
    </div>
  );
}
