import { KoreanTime } from '@maru/ui';
import { Link } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { useAuditActionText, useOutcomeText } from '../audit/audit-action-text';
import { AdminDashboardDocument } from './admin-queries';
import { AdminNav } from './admin-nav';
import { AdminOnly } from './admin-only';
import { SERVICE_STATUSES } from './service-statuses';
import './admin.css';

/** The platform admin's landing page: what runs, what waits for a decision, what failed, what changed. */
export function AdminDashboardPage() {
  const { t } = useT();
  usePageTitle(t('admin.title'));
  return (
    <div className="page">
      <AdminOnly>
        <Dashboard />
      </AdminOnly>
    </div>
  );
}

function Dashboard() {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const actionText = useAuditActionText();
  const outcomeText = useOutcomeText();
  const result = useQuery(AdminDashboardDocument, undefined, { partial: true });
  const data = result.data;
  const plugins = data?.plugins ?? [];
  const byState = {
    loaded: plugins.filter((p) => p.status === 'ENABLED').length,
    disabled: plugins.filter((p) => p.status === 'DISABLED').length,
    failed: plugins.filter((p) => p.status === 'FAILED').length,
    unconfined: plugins.filter((p) => p.isolation === 'UNCONFINED').length,
  };
  return (
    <>
      <Breadcrumbs current={t('admin.title')} />
      <h1>{t('admin.title')}</h1>
      <p className="maru-lead">{t('admin.intro')}</p>
      <AdminNav />
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {result.loading && !data ? <p role="status">{t('common.loading')}</p> : null}
      {data ? (
        <ul className="admin-panels">
          <li className="maru-card admin-panel">
            <h2>{t('admin.plugins')}</h2>
            <p>{t('admin.pluginsSummary', { count: plugins.length })}</p>
            <ul className="admin-counts">
              <li className="maru-badge maru-badge--success">
                {t('admin.pluginLoaded')} {byState.loaded}
              </li>
              <li className="maru-badge maru-badge--neutral">
                {t('admin.pluginDisabled')} {byState.disabled}
              </li>
              <li className={`maru-badge ${byState.failed ? 'maru-badge--danger' : 'maru-badge--neutral'}`}>
                {t('admin.pluginFailed')} {byState.failed}
              </li>
              <li className={`maru-badge ${byState.unconfined ? 'maru-badge--warning' : 'maru-badge--neutral'}`}>
                {t('admin.pluginUnconfined')} {byState.unconfined}
              </li>
            </ul>
            <ul className="compact-list">
              {plugins
                .filter((p) => p.status === 'FAILED' || p.isolation === 'UNCONFINED')
                .map((p) => (
                  <li key={p.name}>
                    <Link to={`/admin/plugins/${encodeURIComponent(p.name)}`}>{p.name}</Link>
                  </li>
                ))}
            </ul>
            <Link className="admin-panel__link" to="/admin/plugins">
              {t('plugins.title')}
            </Link>
          </li>
          <li className="maru-card admin-panel">
            <h2>{t('admin.services')}</h2>
            <ul className="admin-counts">
              {SERVICE_STATUSES.map((status) => (
                <li key={status} className="maru-badge maru-badge--neutral">
                  {t(`serviceAdmin.${status}`)} {data.services.nodes.filter((s) => s.status === status).length}
                </li>
              ))}
            </ul>
            <Link className="admin-panel__link" to="/admin/services">
              {t('admin.servicesLink')}
            </Link>
          </li>
          <li className="maru-card admin-panel">
            <h2>
              {t('admin.grants')} ({data.serviceGrants.totalCount})
            </h2>
            {data.serviceGrants.nodes.length ? (
              <ul className="compact-list">
                {data.serviceGrants.nodes.map((grant) => (
                  <li key={grant.id}>
                    {t('admin.grantRow', {
                      consumer: grant.consumer.name,
                      service: grant.service?.name ?? '—',
                    })}{' '}
                    <span className="muted">
                      <KoreanTime value={grant.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('admin.grantsEmpty')}</p>
            )}
            <Link className="admin-panel__link" to="/access">
              {t('admin.grantsLink')}
            </Link>
          </li>
          <li className="maru-card admin-panel">
            <h2>
              {t('admin.deliveries')} ({data.pluginEventDeliveries.totalCount})
            </h2>
            {data.pluginEventDeliveries.nodes.length ? (
              <ul className="compact-list">
                {data.pluginEventDeliveries.nodes.map((d) => (
                  <li key={`${d.plugin}-${d.event}-${d.createdAt}`}>
                    <strong>{d.plugin}</strong> · {d.event} · {d.lastError ?? ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('admin.deliveriesEmpty')}</p>
            )}
            <Link className="admin-panel__link" to="/admin/deliveries?status=FAILED">
              {t('admin.deliveriesLink')}
            </Link>
          </li>
          <li className="maru-card admin-panel">
            <h2>{t('admin.audit')}</h2>
            <ul className="compact-list">
              {data.auditEvents.nodes.map((event) => (
                <li key={event.id}>
                  {actionText(event.action)}
                  {event.outcome === 'SUCCESS'
                    ? ''
                    : ` — ${t('audit.refused', { reason: explain(event.outcome) })}`}{' '}
                  <span className="muted">
                    <KoreanTime value={event.at} />
                  </span>
                </li>
              ))}
            </ul>
            <Link className="admin-panel__link" to="/audit">
              {t('admin.auditLink')}
            </Link>
          </li>
          <li className="maru-card admin-panel">
            <h2>{t('admin.organizations')}</h2>
            <p>{t('admin.organizationsCount', { count: data.organizations.totalCount })}</p>
            <Link className="admin-panel__link" to="/organizations">
              {t('admin.organizationsLink')}
            </Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}
