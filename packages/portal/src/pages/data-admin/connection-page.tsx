import { StatusBadge } from '@maru/ui';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useFlash } from '../../forms/flash';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AccessLogPanel } from './access-log-panel';
import { AccessRequestsPanel } from './access-requests-panel';
import { ConnectionEditForm } from './connection-edit-form';
import { ConnectionFacts } from './connection-facts';
import { ConsentsPanel } from './consents-panel';
import { ManagedConnectionDocument } from './data-admin-queries';
import { SubjectKeysPanel } from './subject-keys-panel';
import { SyncPanel } from './sync-panel';
import './data-admin.css';

/** One of the agency's datasets: its state, edit, sync, access, consents, subject keys and access log. */
export function ConnectionPage() {
  const { t } = useT();
  return (
    <div className="page">
      <SignInRequired roles={['AGENCY_ADMIN', 'PLATFORM_ADMIN']}>
        <Connection />
      </SignInRequired>
      <PageTitleFallback title={t('dataAdmin.detailTitle')} />
    </div>
  );
}

function PageTitleFallback({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}

function Connection() {
  const { t } = useT();
  const explain = useErrorText();
  const flash = useFlash();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const result = useQuery(ManagedConnectionDocument, { id });
  const connection = result.data?.dataConnection;
  const announced = useRef(false);
  // Said once: the connect form sends people here with what happened (?created, ?uploadFailed=<code>).
  const [uploadFailed] = useState(() => params.get('uploadFailed'));
  useEffect(() => {
    if (announced.current || !connection) return;
    announced.current = true;
    // Kept through the navigation that takes ?created out of the address.
    if (params.get('created')) flash(t('dataAdmin.created', { name: connection.name }), { next: true });
    if (params.get('created') || params.get('uploadFailed')) setParams({}, { replace: true });
  }, [connection, params, setParams, flash, t]);
  usePageTitle(connection?.name);
  // While a sync runs (e.g. the upload's, just started), look again every few seconds until it has finished.
  const syncing = Boolean(
    connection && (connection.status === 'SYNCING' || connection.syncs.nodes.some((run) => run.status === 'RUNNING')),
  );
  const { reload } = result;
  useEffect(() => {
    if (!syncing || result.loading) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [syncing, result.loading, reload]);
  const crumbs = [
    { to: '/manage', label: t('dataAdmin.manageCrumb') },
    { to: '/manage/data', label: t('dataAdmin.listTitle') },
  ];
  if (result.error) {
    const forbidden = result.error.code === 'FORBIDDEN';
    return (
      <>
        <Breadcrumbs trail={crumbs} current={t('dataAdmin.detailTitle')} />
        <h1>{forbidden ? t('dataAdmin.notYoursTitle') : t('dataAdmin.detailTitle')}</h1>
        <div className="maru-notice" role="alert">
          <p>{forbidden ? t('dataAdmin.notYours') : explain(result.error)}</p>
          <p>
            <Link to={`/data`}>{t('dataAdmin.toCatalogue')}</Link> ·{' '}
            <Link to="/manage/data">{t('dataAdmin.toList')}</Link>
          </p>
        </div>
      </>
    );
  }
  if (!result.data) return <p role="status">{t('common.loading')}</p>;
  if (!connection) {
    return (
      <>
        <Breadcrumbs trail={crumbs} current={t('dataAdmin.detailTitle')} />
        <h1>{t('dataAdmin.missingTitle')}</h1>
        <p>
          {t('dataAdmin.missing')} <Link to="/manage/data">{t('dataAdmin.toList')}</Link>
        </p>
      </>
    );
  }
  const personal = connection.classification === 'PERSONAL';
  return (
    <>
      <Breadcrumbs trail={crumbs} current={connection.name} />
      <h1>{connection.name}</h1>
      <p className="maru-card__meta">
        <StatusBadge kind="dataConnection" status={connection.status} />{' '}
        <StatusBadge kind="classification" status={connection.classification} /> {connection.agency.name}
      </p>
      {uploadFailed ? (
        <p className="maru-form-alert" role="alert">
          {t('dataAdmin.uploadFailed')} {explain(uploadFailed)}
        </p>
      ) : null}
      <nav aria-label={t('dataAdmin.sectionsLabel')}>
        <ul className="data-admin-sections">
          <li>
            <a href="#sync">{t('dataAdmin.sync.title')}</a>
          </li>
          <li>
            <a href="#edit">{t('dataAdmin.edit.title')}</a>
          </li>
          <li>
            <a href="#access">{t('dataAdmin.access.title')}</a>
          </li>
          {personal ? (
            <li>
              <a href="#consents">{t('dataAdmin.consents.title')}</a>
            </li>
          ) : null}
          {personal ? (
            <li>
              <a href="#subject-keys">{t('dataAdmin.keys.title')}</a>
            </li>
          ) : null}
          <li>
            <a href="#access-log">{t('dataAdmin.log.title')}</a>
          </li>
        </ul>
      </nav>
      <ConnectionFacts connection={connection} />
      <SyncPanel connection={connection} onChanged={result.reload} />
      <ConnectionEditForm connection={connection} onSaved={result.reload} />
      <AccessRequestsPanel connection={connection} />
      {personal ? <ConsentsPanel connection={connection} /> : null}
      {personal ? <SubjectKeysPanel connection={connection} /> : null}
      <AccessLogPanel connection={connection} />
    </>
  );
}
