import { AsyncState } from '@maru/ui';
import { useSearchParams } from 'react-router';
import type { DataClassification } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { useFocusParam } from '../../layout/use-focus-param';
import { usePageTitle } from '../../layout/use-page-title';
import { useLoadMore } from '../challenges/use-load-more';
import { DataConnectionEntry } from './data-connection-entry';
import { DataSearchForm, CLASSIFICATIONS } from './data-search-form';
import { DataCatalogueDocument } from './data-queries';
import { toErrorText } from '../../graphql/form-error';

/** The data catalogue: every agency dataset's metadata and schema; records follow the classification. */
export function DataCataloguePage() {
  const { t } = useT();
  usePageTitle(t('data.title'));
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const classification = params.get('classification') ?? '';
  const classifications = CLASSIFICATIONS.includes(classification as DataClassification)
    ? [classification as DataClassification]
    : null;
  const page = useLoadMore(
    DataCatalogueDocument,
    { first: 20, filter: { ...(search ? { search } : {}), ...(classifications ? { classifications } : {}) } },
    (data) => data.dataConnections,
  );
  const focus = useFocusParam('data-', page.nodes.length > 0);
  return (
    <div className="page">
      <h1>{t('data.title')}</h1>
      <p className="maru-lead">{t('data.intro')}</p>
      <DataSearchForm
        search={search}
        classification={classification}
        onSearch={(next) =>
          setParams(
            Object.fromEntries(
              Object.entries({ q: next.search, classification: next.classification }).filter(([, v]) => v),
            ),
          )
        }
      />
      <AsyncState
        loading={page.loading && page.nodes.length === 0}
        error={toErrorText(page.error)}
        onRetry={page.reload}
        empty={page.nodes.length === 0}
        emptyMessage={t('data.empty')}
      >
        <p className="muted">{t('data.count', { count: page.totalCount ?? 0 })}</p>
        <ul className="plain-list maru-stack">
          {page.nodes.map((connection) => (
            <li key={connection.id}>
              <DataConnectionEntry connection={connection} highlighted={focus === connection.id} />
            </li>
          ))}
        </ul>
        {page.hasNextPage ? (
          <button
            type="button"
            className="maru-button maru-button--secondary"
            onClick={page.loadMore}
            disabled={page.loading}
          >
            {t('common.loadMore')}
          </button>
        ) : null}
      </AsyncState>
    </div>
  );
}
