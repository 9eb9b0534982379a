import { AsyncState, DataSchemaTable, KoreanTime, LicenceMark, Markdown, StatusBadge } from '@maru/ui';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { RequestDataAccess } from '../data/request-data-access';
import { DatasetApiSnippet } from './dataset-api-snippet';
import { DatasetDocument } from './dataset-queries';
import { RefreshText } from './refresh-text';
import './dataset.css';
import { toErrorText } from '../../graphql/form-error';

/** One dataset's own page and URL: what it holds, who owns it, on what terms, how to query it, how to ask for it. */
export function DatasetPage() {
  const { t } = useT();
  const id = useParams().id ?? '';
  const query = useQuery(DatasetDocument, { id });
  const dataset = query.data?.dataConnection ?? null;
  const { viewer } = useSession();
  usePageTitle(dataset?.name ?? t('dataset.title'));
  const trail = [{ to: '/data', label: t('data.title') }];
  if (!dataset) {
    return (
      <div className="page">
        <Breadcrumbs trail={trail} current={t('dataset.title')} />
        <AsyncState
          loading={query.loading}
          error={toErrorText(query.error)}
          onRetry={query.reload}
          empty={!query.loading}
          emptyMessage={
            <>
              {t('dataset.notFound')} <Link to="/data">{t('dataset.backToCatalogue')}</Link>
            </>
          }
        />
      </div>
    );
  }
  return (
    <div className="page dataset-page">
      <Breadcrumbs trail={trail} current={dataset.name} />
      <div className="maru-card__meta">
        <StatusBadge kind="classification" status={dataset.classification} />
        <StatusBadge kind="dataConnection" status={dataset.status} />
      </div>
      <h1>{dataset.name}</h1>
      <p className="maru-lead">{dataset.agency.name}</p>

      <dl className="dataset-facts">
        <div>
          <dt>{t('dataset.owner')}</dt>
          <dd>{dataset.agency.name}</dd>
        </div>
        <div>
          <dt>{t('dataset.classification')}</dt>
          <dd>{t(`classification.${dataset.classification}`)}</dd>
        </div>
        <div>
          <dt>{t('dataset.licence')}</dt>
          <dd>
            <LicenceMark licence={dataset.licence} withConditions />
          </dd>
        </div>
        <div>
          <dt>{t('dataset.refresh')}</dt>
          <dd>
            <RefreshText minutes={dataset.refreshMinutes ?? null} />
          </dd>
        </div>
        <div>
          <dt>{t('dataset.lastSync')}</dt>
          <dd>{dataset.lastSuccessAt ? <KoreanTime value={dataset.lastSuccessAt} /> : t('dataset.neverSynced')}</dd>
        </div>
        <div>
          <dt>{t('dataset.records')}</dt>
          <dd>{t('dataset.recordCount', { count: dataset.recordCount })}</dd>
        </div>
        {dataset.tags.length ? (
          <div>
            <dt>{t('dataset.tags')}</dt>
            <dd>
              <ul className="maru-tags">
                {dataset.tags.map((tag) => (
                  <li key={tag} className="maru-tag">
                    {tag}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="dataset-section" aria-labelledby="dataset-description">
        <h2 id="dataset-description">{t('dataset.description')}</h2>
        {dataset.description.trim() ? <Markdown text={dataset.description} /> : <p>{t('dataset.noDescription')}</p>}
      </section>

      <section className="dataset-section" aria-labelledby="dataset-access">
        <h2 id="dataset-access">{t('dataset.access')}</h2>
        <p>{t(`dataset.accessNote.${dataset.classification}`)}</p>
        {dataset.classification === 'PUBLIC' ? null : viewer ? (
          <RequestDataAccess connection={dataset} />
        ) : (
          <p>
            {t('dataset.signInToRequest')} <Link to="/sign-in">{t('challenges.signInLink')}</Link>
          </p>
        )}
      </section>

      <section className="dataset-section" aria-labelledby="dataset-schema">
        <h2 id="dataset-schema">{t('dataset.schema')}</h2>
        {dataset.fields.length ? (
          <DataSchemaTable fields={dataset.fields} keyField={dataset.keyField} />
        ) : (
          <p>{t('dataset.noSchema')}</p>
        )}
      </section>

      <section className="dataset-section" aria-labelledby="dataset-api">
        <h2 id="dataset-api">{t('dataset.api')}</h2>
        <DatasetApiSnippet id={dataset.id} />
      </section>

      <section className="dataset-section" aria-labelledby="dataset-dcat">
        <h2 id="dataset-dcat">{t('dataset.dcat')}</h2>
        <p>{t('dataset.dcatIntro')}</p>
        <ul className="dataset-links">
          <li>
            <a href="/catalogue/dcat.jsonld" type="application/ld+json">
              {t('dataset.dcatLink')}
            </a>
          </li>
          <li>
            <a href={`/catalogue/datasets/${encodeURIComponent(dataset.id)}`} type="application/ld+json">
              {t('dataset.dcatEntry')}
            </a>
          </li>
        </ul>
        <p className="hint">
          {t('dataset.dcatIdentifier')} <code className="dataset-id">{dataset.id}</code>
        </p>
      </section>

      {dataset.services.length ? (
        <section className="dataset-section" aria-labelledby="dataset-services">
          <h2 id="dataset-services">{t('dataset.usedBy')}</h2>
          <ul>
            {dataset.services.map((service) => (
              <li key={service.key}>
                <Link to={`/services?focus=${encodeURIComponent(service.key)}`}>{service.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
