import { KoreanTime, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { ConfirmAction } from '../../forms/confirm-action';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import { ConnectionAccessRequestsDocument, RevokeDataAccessDocument } from './data-admin-queries';
import { useQuery } from '../../graphql/use-query';

/** Who asked to read this dataset and how it was decided; approvals end here (revoke), pending ones are decided on /access. */
export function AccessRequestsPanel({ connection }: { connection: ManagedConnection }) {
  const { t } = useT();
  const explain = useErrorText();
  const revoke = useMutation(RevokeDataAccessDocument);
  const list = useQuery(ConnectionAccessRequestsDocument, { id: connection.id });
  const requests = list.data?.dataConnection?.accessRequests.nodes ?? [];
  const pending = requests.filter((request) => request.status === 'PENDING').length;
  return (
    <section className="section" aria-labelledby="access">
      <h2 id="access" tabIndex={-1}>
        {t('dataAdmin.access.title')}
      </h2>
      <p>
        {t('dataAdmin.access.intro')}{' '}
        {pending ? (
          <Link to="/access">{t('dataAdmin.access.decidePending', { count: pending })}</Link>
        ) : (
          <Link to="/access">{t('dataAdmin.access.toAccess')}</Link>
        )}
      </p>
      {revoke.error ? (
        <p className="maru-form-alert" role="alert">
          {explain(revoke.error)}
        </p>
      ) : null}
      {list.error ? <p className="maru-form-alert">{explain(list.error)}</p> : null}
      {list.data && requests.length === 0 ? <p>{t('dataAdmin.access.none')}</p> : null}
      <ul className="plain-list maru-stack">
        {requests.map((request) => {
          const who = request.requesterOrganization?.name ?? request.requesterPlugin ?? '—';
          return (
            <li key={request.id} className="maru-card">
              <p className="maru-card__meta">
                <StatusBadge kind="accessRequest" status={request.status} />
              </p>
              <h3 className="maru-card__title">{who}</h3>
              <dl className="maru-facts">
                <div>
                  <dt>{t('dataAdmin.access.purpose')}</dt>
                  <dd>{request.purpose}</dd>
                </div>
                <div>
                  <dt>{t('dataAdmin.access.fields')}</dt>
                  <dd>{request.fields.join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('dataAdmin.access.until')}</dt>
                  <dd>
                    <KoreanTime value={request.expiresAt} />
                  </dd>
                </div>
              </dl>
              {request.status === 'APPROVED' ? (
                <ConfirmAction
                  label={t('dataAdmin.access.revoke', { who })}
                  question={t('dataAdmin.access.revokeQuestion', { who, name: connection.name })}
                  summary={[
                    { term: t('dataAdmin.access.who'), value: who },
                    { term: t('dataAdmin.access.purpose'), value: request.purpose },
                    { term: t('dataAdmin.access.after'), value: t('dataAdmin.access.afterValue') },
                  ]}
                  note={t('dataAdmin.access.revokeNote')}
                  confirmLabel={t('dataAdmin.access.revokeConfirm')}
                  successMessage={t('dataAdmin.access.revoked', { who })}
                  onConfirm={async () => {
                    const done = Boolean(await revoke.run({ id: request.id }));
                    if (done) list.reload();
                    return done;
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
