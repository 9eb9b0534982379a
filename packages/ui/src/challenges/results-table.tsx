import { useTranslation } from 'react-i18next';
import { AsyncState } from '../common/async-state';
import { TableScroll } from '../common/table-scroll';
import { useUiFormat } from '../i18n/use-ui-format';
import type { Criterion } from './criteria';

/** One entry of the weighted ranking (`RankedSubmission`). */
export interface RankedSubmission {
  rank: number;
  /** 0–100; null until scored. */
  weightedScore: number | null;
  winner: boolean;
  reviewCount: number;
  criterionAverages: { criterionKey: string; average: number }[];
  publicComments?: string[];
  submission: { id: string; title: string; organization: { name: string } };
}

export interface ResultsTableProps {
  criteria: Pick<Criterion, 'key' | 'name' | 'weight'>[];
  results: RankedSubmission[];
}

/** The ranking: rank, entry, organization, each criterion's average (0–10), the weighted score (0–100) and the winners marked. */
export function ResultsTable({ criteria, results }: ResultsTableProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const score = (value: number | null | undefined, digits: number) =>
    value === null || value === undefined
      ? t('results.notScored')
      : value.toLocaleString(format.lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <AsyncState empty={results.length === 0} emptyMessage={t('results.empty')}>
      <TableScroll label={t('results.caption')}>
        <table className="maru-table maru-results">
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="maru-table__number">
                {t('results.rank')}
              </th>
              <th scope="col">{t('results.submission')}</th>
              {criteria.map((criterion) => (
                <th scope="col" key={criterion.key} className="maru-table__number">
                  {criterion.name}
                </th>
              ))}
              <th scope="col" className="maru-table__number">
                {t('results.weightedScore')}
              </th>
              <th scope="col" className="maru-table__number">
                {t('results.reviews')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.submission.id} className={result.winner ? 'maru-results__winner' : undefined}>
                <td className="maru-table__number">{result.rank}</td>
                <th scope="row">
                  <span className="maru-results__title">{result.submission.title}</span>
                  <span className="maru-results__org">{result.submission.organization.name}</span>
                  {result.winner ? <span className="maru-badge maru-badge--success">{t('results.winner')}</span> : null}
                </th>
                {criteria.map((criterion) => (
                  <td key={criterion.key} className="maru-table__number">
                    {score(
                      result.criterionAverages.find((average) => average.criterionKey === criterion.key)?.average,
                      1,
                    )}
                  </td>
                ))}
                <td className="maru-table__number">
                  <strong>{score(result.weightedScore, 1)}</strong>
                </td>
                <td className="maru-table__number">{result.reviewCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {results.some((result) => result.publicComments?.length) ? (
        <div className="maru-results__comments">
          <p className="maru-results__comments-title">{t('results.comments')}</p>
          {results
            .filter((result) => result.publicComments?.length)
            .map((result) => (
              <figure key={result.submission.id}>
                <figcaption>{result.submission.title}</figcaption>
                <ul>
                  {result.publicComments!.map((comment, index) => (
                    <li key={index}>{comment}</li>
                  ))}
                </ul>
              </figure>
            ))}
        </div>
      ) : null}
    </AsyncState>
  );
}
