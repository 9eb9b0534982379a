import { KoreanTime, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AgencyConnectionsDocument } from './data-admin-queries';
import { syncErrorKey } from './sync-words';
import './data-admin.css';
import { KoreanTimeOrDash } from '../../format/korean-time-or-dash';

/** The agency's data connections: how each is doing (status, last and next sync, why it fails), and "connect". */
export function DataConnectionsPage() {
  const { t } = useT();
  usePageTitle(t('dataAdmin.listTitle'));
  return (
    <div className="page">
      <SignInRequired roles={['AGENCY_ADMIN', 'PLATFORM_ADMIN']}>
        <DataConnections />
      </SignInRequired>
    </div>
  );
}

function DataConnections() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const agencyId = viewer?.organization.id ?? '';
  const result = useQuery(AgencyConnectionsDocument, { agencyId }, { skip: !agencyId });
  const nodes = result.data?.dataConnections.nodes ?? [];
  return (
    <>
      <Breadcrumbs trail={[{ to: '/manage', label: t('dataAdmin.manageCrumb') }]} current={t('dataAdmin.listTitle')} />
      <div className="page-heading">
        <h1>{t('dataAdmin.listTitle')}</h1>
        <Link className="maru-button" to="/manage/data/new">
          {t('dataAdmin.connect')}
        </Link>
      </div>
      <p className="maru-lead">{t('dataAdmin.listIntro')}</p>
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {result.loading && !result.data ? <p role="status">{t('common.loading')}</p> : null}
      {result.data && nodes.length === 0 ? <p>{t('dataAdmin.listEmpty')}</p> : null}
      {nodes.length ? (
        <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="connections-caption">
          <table className="maru-table data-admin-table">
            <caption id="connections-caption">
              {t('dataAdmin.listCaption', { count: result.data?.dataConnections.totalCount ?? nodes.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dataAdmin.colName')}</th>
                <th scope="col">{t('dataAdmin.colStatus')}</th>
                <th scope="col">{t('dataAdmin.colLastSync')}</th>
                <th scope="col">{t('dataAdmin.colNextSync')}</th>
                <th scope="col" className="maru-table__number">
                  {t('dataAdmin.colRecords')}
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((connection) => {
                const why = syncErrorKey(connection.lastError);
                return (
                  <tr key={connection.id}>
                    <th scope="row">
                      <Link to={`/manage/data/${encodeURIComponent(connection.id)}`}>{connection.name}</Link>
                      <span className="data-admin-table__sub">
                        {t(`dataAdmin.kind.${connection.connectorKind}`)} ·{' '}
                        <StatusBadge kind="classification" status={connection.classification} />
                      </span>
                      {connection.agency.id !== agencyId ? (
                        <span className="data-admin-table__sub">{connection.agency.name}</span>
                      ) : null}
                    </th>
                    <td>
                      <StatusBadge kind="dataConnection" status={connection.status} />
                      {connection.lastError ? (
                        <span className="data-admin-table__error">{why ? t(why) : t('dataAdmin.syncError.other')}</span>
                      ) : null}
                    </td>
                    <td>
                      <KoreanTimeOrDash value={connection.lastSyncAt} />
                    </td>
                    <td>
                      {connection.nextSyncAt ? <KoreanTime value={connection.nextSyncAt} /> : t('dataAdmin.onDemand')}
                    </td>
                    <td className="maru-table__number">{connection.recordCount}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
