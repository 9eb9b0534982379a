import { AsyncState, DateTime, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ReviewableChallengesDocument } from './review-queries';

/** The challenges whose panel the member sits on, with a link to score each one in evaluation. */
export function ReviewsPage() {
  const { t } = useT();
  usePageTitle(t('reviews.title'));
  return (
    <div className="page">
      <SignInRequired roles={['REVIEWER']}>
        <Reviews />
      </SignInRequired>
    </div>
  );
}

function Reviews() {
  const { t } = useT();
  const { viewer } = useSession();
  // `panel` is refused for challenges the member does not review: those come back without it.
  const result = useQuery(ReviewableChallengesDocument, undefined, { partial: true });
  const mine = (result.data?.challenges.nodes ?? []).filter((c) => c.panel?.some((p) => p.memberId === viewer?.id));
  return (
    <>
      <h1>{t('reviews.title')}</h1>
      <p className="maru-lead">{t('reviews.intro')}</p>
      <AsyncState
        loading={result.loading && !result.data}
        error={result.error ? `${result.error.message} (${result.error.code})` : null}
        onRetry={result.reload}
        empty={mine.length === 0}
        emptyMessage={t('reviews.empty')}
      >
        <ul className="plain-list">
          {mine.map((challenge) => (
            <li key={challenge.id} className="maru-card">
              <h2 className="maru-card__title">
                <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
              </h2>
              <p className="muted">
                {challenge.agency.name} · <StatusBadge kind="challenge" status={challenge.status} /> ·{' '}
                {t('reviews.evaluationEnd')} <DateTime value={challenge.evaluationEnd} />
              </p>
              {challenge.status === 'EVALUATING' ? (
                <Link className="maru-button" to={`/challenges/${challenge.id}/review`}>
                  {t('reviews.score', { title: challenge.title })}
                </Link>
              ) : (
                <p className="hint">{t('reviews.notYet')}</p>
              )}
            </li>
          ))}
        </ul>
      </AsyncState>
    </>
  );
}
