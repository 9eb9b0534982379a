import { AsyncState, KoreanTime, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { MyServicesDocument, ServiceUsageDocument } from './company-queries';
import './company.css';

/** The company's access to shared services: each grant's state, today's calls against its quota, the last 30 days. */
export function MyServicesPage() {
  const { t } = useT();
  usePageTitle(t('myServices.title'));
  return (
    <div className="page">
      <SignInRequired roles={['COMPANY_ADMIN', 'DEVELOPER']}>
        <MyServices />
      </SignInRequired>
    </div>
  );
}

function MyServices() {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const result = useQuery(MyServicesDocument, { lang: i18n.language });
  const grants = result.data?.serviceGrants.nodes ?? [];
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <Breadcrumbs trail={[{ to: '/my', label: t('myDashboard.title') }]} current={t('myServices.title')} />
      <h1>{t('myServices.title')}</h1>
      <p className="maru-lead">{t('myServices.intro')}</p>
      <p>
        <Link to="/services">{t('myServices.catalogue')}</Link>
      </p>
      <AsyncState
        loading={result.loading && !result.data}
        error={result.error ? explain(result.error) : null}
        onRetry={result.reload}
        empty={grants.length === 0}
        emptyMessage={t('myServices.empty')}
      >
        <ul className="plain-list service-grants">
          {grants.map((grant) => {
            const name = grant.service?.name ?? t('myServices.gone');
            return (
              <li key={grant.id} className="maru-card">
                <h2 className="maru-card__title">{name}</h2>
                <p>
                  <StatusBadge kind="serviceGrant" status={grant.status} />{' '}
                  <span>{t(`myServices.grantStatus.${grant.status}`)}</span>
                </p>
                <dl className="facts">
                  <dt>{t('myServices.purpose')}</dt>
                  <dd>{grant.purpose}</dd>
                  <dt>{t('myServices.operations')}</dt>
                  <dd>{grant.operations.length ? grant.operations.join(', ') : t('myServices.allOperations')}</dd>
                  <dt>{t('myServices.today')}</dt>
                  <dd>
                    {t('myServices.usedToday', {
                      used: number.format(grant.usedToday),
                      quota: grant.dailyQuota === null ? t('myServices.noQuota') : number.format(grant.dailyQuota),
                    })}
                  </dd>
                  <dt>{t('myServices.since')}</dt>
                  <dd>
                    <KoreanTime value={grant.createdAt} />
                  </dd>
                </dl>
                {grant.service ? <Usage serviceKey={grant.service.key} name={name} /> : null}
                {grant.service ? (
                  <p className="maru-card__actions">
                    <Link
                      className="maru-button maru-button--secondary"
                      to={`/my/services/${encodeURIComponent(grant.service.key)}/try`}
                      aria-label={t('myServices.tryNamed', { name })}
                    >
                      {t('myServices.try')}
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </AsyncState>
    </>
  );
}

/** A service's calls over the last 30 days (the organization's own), in total and per day. */
function Usage({ serviceKey, name }: { serviceKey: string; name: string }) {
  const { t, i18n } = useT();
  const result = useQuery(ServiceUsageDocument, { key: serviceKey });
  const usage = result.data?.service?.dailyUsage;
  const number = new Intl.NumberFormat(i18n.language);
  if (!usage) return <p className="muted">{result.error ? t('myServices.usageUnavailable') : t('common.loading')}</p>;
  const calls = usage.reduce((sum, day) => sum + day.calls, 0);
  const failures = usage.reduce((sum, day) => sum + day.failures, 0);
  return (
    <>
      <p>
        <strong>{t('myServices.last30')}</strong>{' '}
        {t('myServices.callsAndErrors', { calls: number.format(calls), failures: number.format(failures) })}
      </p>
      {usage.length ? (
        <details>
          <summary>{t('myServices.perDay', { name })}</summary>
          <div className="maru-table-scroll" role="region" aria-label={t('myServices.perDay', { name })} tabIndex={0}>
            <table className="maru-table">
              <thead>
                <tr>
                  <th scope="col">{t('myServices.day')}</th>
                  <th scope="col">{t('myServices.calls')}</th>
                  <th scope="col">{t('myServices.failures')}</th>
                </tr>
              </thead>
              <tbody>
                {usage.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{day.day}</th>
                    <td>{number.format(day.calls)}</td>
                    <td>{number.format(day.failures)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}
