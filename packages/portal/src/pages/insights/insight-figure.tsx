import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { Chart, type ChartSpec } from './chart';
import { downloadCsv, toCsv, type Cell } from './csv';

export interface InsightFigureProps {
  /** Names the CSV file and the test hooks. */
  name: string;
  title: string;
  header: string[];
  rows: Cell[][];
  chart?: ChartSpec;
}

/**
 * A figure of the dashboard: its chart (when it has one), the same figures as a table — the accessible
 * alternative, always shown — and a CSV download of that table.
 */
export function InsightFigure({ name, title, header, rows, chart }: InsightFigureProps) {
  const { t } = useT();
  const id = useId();
  return (
    <section className="insight-figure" aria-labelledby={id} data-figure={name}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('insights.none')}</p>
      ) : (
        <>
          {chart ? <Chart spec={chart} label={t('insights.chartLabel', { title })} /> : null}
          <div className="maru-table-scroll">
            <table className="maru-table">
              <caption className="maru-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell ?? '—'}
                        </th>
                      ) : (
                        <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                          {cell ?? '—'}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="maru-button maru-button--secondary"
            onClick={() => downloadCsv(`maru-${name}.csv`, toCsv(header, rows))}
          >
            {t('insights.downloadCsv')}
          </button>
        </>
      )}
    </section>
  );
}
