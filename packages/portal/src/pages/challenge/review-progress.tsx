import { AsyncState } from '@maru/ui';
import { toErrorText } from '../../graphql/form-error';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { ReviewProgressDocument } from './challenge-mutations';

/** Who on the panel has scored how many submissions. */
export function ReviewProgress({ challengeId }: { challengeId: string }) {
  const { t } = useT();
  const progress = useQuery(ReviewProgressDocument, { id: challengeId });
  const rows = progress.data?.challenge?.reviewProgress ?? [];
  return (
    <div className="review-progress">
      <h3>{t('manage.progressTitle')}</h3>
      <AsyncState
        loading={progress.loading && !progress.data}
        error={toErrorText(progress.error)}
        onRetry={progress.reload}
        empty={rows.length === 0}
        emptyMessage={t('manage.progressEmpty')}
      >
        <ul>
          {rows.map((row) => (
            <li key={row.reviewerId}>
              {t('manage.progressRow', { name: row.reviewerName, scored: row.scored, of: row.of })}
            </li>
          ))}
        </ul>
        <button type="button" className="maru-button maru-button--secondary" onClick={progress.reload}>
          {t('common.refresh')}
        </button>
      </AsyncState>
    </div>
  );
}
