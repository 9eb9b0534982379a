import { AsyncState, DateTime, FormErrorSummary, StatusBadge } from '@maru/ui';
import { useSession } from '../../auth/session';
import { toErrorText, toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import {
  ApproveServiceAccessDocument,
  RejectServiceAccessDocument,
  RevokeServiceAccessDocument,
  ServiceGrantsDocument,
} from './access-queries';

/** Service access grants: platform admins approve, reject and revoke; others follow their organization's. */
export function ServiceGrants() {
  const { t } = useT();
  const { hasRole } = useSession();
  const grants = useQuery(ServiceGrantsDocument);
  const approve = useMutation(ApproveServiceAccessDocument);
  const reject = useMutation(RejectServiceAccessDocument);
  const revoke = useMutation(RevokeServiceAccessDocument);
  const admin = hasRole('PLATFORM_ADMIN');
  const nodes = grants.data?.serviceGrants.nodes ?? [];
  const act = async (run: Promise<unknown>) => (await run) && grants.reload();
  return (
    <section className="section" aria-labelledby="grants-heading">
      <h2 id="grants-heading">{t('access.grantsTitle')}</h2>
      <FormErrorSummary error={toFormError(approve.error ?? reject.error ?? revoke.error)} />
      <AsyncState
        loading={grants.loading && !grants.data}
        error={toErrorText(grants.error)}
        onRetry={grants.reload}
        empty={nodes.length === 0}
        emptyMessage={t('access.grantsEmpty')}
      >
        <ul className="plain-list maru-stack">
          {nodes.map((grant) => (
            <li key={grant.id} className="maru-card">
              <p className="maru-card__meta">
                <StatusBadge kind="serviceGrant" status={grant.status} />
              </p>
              <h3 className="maru-card__title">
                {t('access.grantHeading', { consumer: grant.consumer.name, service: grant.service?.name ?? '—' })}
              </h3>
              <p>{grant.purpose}</p>
              <p className="muted">
                <DateTime value={grant.createdAt} /> ·{' '}
                {grant.dailyQuota === null || grant.dailyQuota === undefined
                  ? t('access.noQuota')
                  : t('access.quota', { used: grant.usedToday, quota: grant.dailyQuota })}
              </p>
              {admin && grant.status === 'REQUESTED' ? (
                <div className="button-row">
                  <button
                    type="button"
                    className="maru-button"
                    onClick={() => void act(approve.run({ id: grant.id, dailyQuota: 1000 }))}
                  >
                    {t('access.approve', { consumer: grant.consumer.name })}
                  </button>
                  <button
                    type="button"
                    className="maru-button maru-button--secondary"
                    onClick={() => void act(reject.run({ id: grant.id }))}
                  >
                    {t('access.reject', { consumer: grant.consumer.name })}
                  </button>
                </div>
              ) : null}
              {admin && grant.status === 'ACTIVE' ? (
                <button
                  type="button"
                  className="maru-button maru-button--secondary"
                  onClick={() => void act(revoke.run({ id: grant.id }))}
                >
                  {t('access.revoke', { consumer: grant.consumer.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </AsyncState>
    </section>
  );
}
