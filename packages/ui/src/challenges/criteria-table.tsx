import type { Criterion } from './criteria';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../common/table-scroll';
import { ResultsTable, type RankedSubmission } from './results-table';

export type { Criterion } from './criteria';

export interface CriteriaTableProps {
  criteria: Criterion[];
  /** The weighted ranking (`Challenge.results`); shown under the criteria when given. */
  results?: RankedSubmission[] | null;
}

/** The evaluation criteria with their weights, and the ranking with per-criterion averages once there is one. */
export function CriteriaTable({ criteria, results }: CriteriaTableProps) {
  const { t } = useTranslation('maru-ui');
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <div className="maru-criteria">
      <TableScroll label={t('criteria.caption')}>
        <table className="maru-table">
          <caption>{t('criteria.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('criteria.name')}</th>
              <th scope="col">{t('criteria.description')}</th>
              <th scope="col" className="maru-table__number">
                {t('criteria.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row">{criterion.name}</th>
                <td>{criterion.description}</td>
                <td className="maru-table__number">{t('criteria.percent', { value: criterion.weight })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('criteria.total')}
              </th>
              <td className="maru-table__number">{t('criteria.percent', { value: total })}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {results ? <ResultsTable criteria={criteria} results={results} /> : null}
    </div>
  );
}
