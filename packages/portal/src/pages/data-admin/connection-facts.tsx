import { KoreanTime } from '@maru/ui';
import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import { syncErrorKey } from './sync-words';
import { KoreanTimeOrDash } from '../../format/korean-time-or-dash';

/** What the dataset is and how it is doing: source, schema, records, syncs, and why the last one failed. */
export function ConnectionFacts({ connection }: { connection: ManagedConnection }) {
  const { t } = useT();
  const why = syncErrorKey(connection.lastError);
  const config = (connection.connectorConfig ?? {}) as Record<string, unknown>;
  const source =
    typeof config.path === 'string'
      ? String(config.path).startsWith('uploads/')
        ? t('dataAdmin.facts.uploaded')
        : config.path
      : typeof config.url === 'string'
        ? config.url
        : typeof config.collection === 'string'
          ? `${String(config.database)}.${config.collection}`
          : typeof config.plugin === 'string'
            ? `${config.plugin} · ${String(config.connector)}`
            : '—';
  return (
    <section className="section" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('dataAdmin.facts.title')}</h2>
      {connection.lastError ? (
        <div className="maru-notice maru-notice--warning" role="alert">
          <p>
            <strong>{t('dataAdmin.facts.failing')}</strong> {why ? t(why) : t('dataAdmin.syncError.other')}
          </p>
          <details className="data-admin-detail">
            <summary>{t('dataAdmin.technicalDetail')}</summary>
            <p lang="en">{connection.lastError}</p>
          </details>
        </div>
      ) : null}
      <dl className="maru-facts">
        <div>
          <dt>{t('dataAdmin.facts.kind')}</dt>
          <dd>{t(`dataAdmin.kind.${connection.connectorKind}`)}</dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.source')}</dt>
          <dd className="data-admin-key">{source}</dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.records')}</dt>
          <dd>{connection.recordCount}</dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.lastSync')}</dt>
          <dd>
            <KoreanTimeOrDash value={connection.lastSyncAt} />
          </dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.lastSuccess')}</dt>
          <dd>
            <KoreanTimeOrDash value={connection.lastSuccessAt} />
          </dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.nextSync')}</dt>
          <dd>{connection.nextSyncAt ? <KoreanTime value={connection.nextSyncAt} /> : t('dataAdmin.onDemand')}</dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.licence')}</dt>
          <dd>{connection.licence}</dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.keyField')}</dt>
          <dd>
            <code>{connection.keyField}</code>
            {connection.subjectField ? (
              <>
                {' · '}
                {t('dataAdmin.facts.subjectField')} <code>{connection.subjectField}</code>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('dataAdmin.facts.fields')}</dt>
          <dd>
            {connection.fields.length
              ? connection.fields
                  .map((field) => `${field.name}${field.personal ? ` (${t('dataAdmin.facts.personal')})` : ''}`)
                  .join(', ')
              : t('dataAdmin.facts.noFields')}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/data/${encodeURIComponent(connection.id)}`}>{t('dataAdmin.facts.publicPage')}</Link>
      </p>
    </section>
  );
}
