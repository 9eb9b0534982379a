import { StatusBadge } from '@maru/ui';
import { useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import type { AdminServicesQuery } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { AdminServicesDocument, SetServiceStatusDocument } from './admin-queries';
import { AdminNav } from './admin-nav';
import { AdminOnly } from './admin-only';
import { SERVICE_STATUSES, type ServiceStatusName } from './service-statuses';
import './admin.css';

type Service = AdminServicesQuery['services']['nodes'][number];

/** Platform admins: every shared service with its status, and the control to move it (suspending asks first). */
export function ServicesAdminPage() {
  const { t } = useT();
  usePageTitle(t('serviceAdmin.title'));
  return (
    <div className="page">
      <AdminOnly>
        <ServicesAdmin />
      </AdminOnly>
    </div>
  );
}

function ServicesAdmin() {
  const { t } = useT();
  const explain = useErrorText();
  const result = useQuery(AdminServicesDocument);
  const [done, setDone] = useState<string | null>(null);
  const services = result.data?.services.nodes ?? [];
  return (
    <>
      <Breadcrumbs trail={[{ to: '/admin', label: t('admin.title') }]} current={t('serviceAdmin.title')} />
      <h1>{t('serviceAdmin.title')}</h1>
      <p className="maru-lead">{t('serviceAdmin.intro')}</p>
      <AdminNav />
      <div role="status">{done ? <p className="maru-notice maru-notice--success">{done}</p> : null}</div>
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {result.loading && !result.data ? <p role="status">{t('common.loading')}</p> : null}
      {result.data && services.length === 0 ? <p>{t('serviceAdmin.empty')}</p> : null}
      <ul className="plain-list maru-stack">
        {services.map((service) => (
          <li key={service.key} id={`service-${service.key}`}>
            <ServiceStatusCard
              service={service}
              onChanged={(message) => {
                setDone(message);
                result.reload();
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function ServiceStatusCard({ service, onChanged }: { service: Service; onChanged: (message: string) => void }) {
  const { t } = useT();
  const explain = useErrorText();
  const set = useMutation(SetServiceStatusDocument);
  const [next, setNext] = useState<ServiceStatusName>(service.status as ServiceStatusName);
  const selectId = `status-${service.key}`;
  const apply = async () => {
    if (!(await set.run({ service: service.key, status: next }))) return false;
    onChanged(t('serviceAdmin.changed', { name: service.name, status: t(`serviceAdmin.${next}`) }));
    return true;
  };
  return (
    <article className="maru-card" aria-labelledby={`${selectId}-name`}>
      <h2 id={`${selectId}-name`} className="maru-card__title">
        {service.name} <StatusBadge kind="service" status={service.status} />
      </h2>
      <p className="muted">
        <code className="maru-code">{service.key}</code> · {t('serviceAdmin.provider')}{' '}
        {service.plugin?.name ?? t('serviceAdmin.core')}
      </p>
      <div className="admin-status-form">
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={selectId}>
            {t('serviceAdmin.newStatus', { name: service.name })}
          </label>
          <select id={selectId} value={next} onChange={(event) => setNext(event.target.value as ServiceStatusName)}>
            {SERVICE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`serviceAdmin.${status}`)}
              </option>
            ))}
          </select>
        </div>
        {next === service.status ? null : next === 'SUSPENDED' ? (
          <ConfirmAction
            label={t('serviceAdmin.change', { name: service.name })}
            question={t('serviceAdmin.suspendQuestion', { name: service.name })}
            confirmLabel={t('serviceAdmin.suspendConfirm')}
            onConfirm={apply}
          />
        ) : (
          <button type="button" className="maru-button" disabled={set.running} onClick={() => void apply()}>
            {set.running ? t('common.working') : t('serviceAdmin.change', { name: service.name })}
          </button>
        )}
      </div>
      {set.error ? (
        <p className="maru-form-alert" role="alert">
          {explain(set.error)}
        </p>
      ) : null}
    </article>
  );
}
