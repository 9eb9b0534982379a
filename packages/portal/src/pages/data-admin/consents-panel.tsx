import { KoreanTime, StatusBadge } from '@maru/ui';
import { ConfirmAction } from '../../forms/confirm-action';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { ManagedConnection } from './connection-types';
import {
  AgencyRevokeConsentDocument,
  ConnectionAccessRequestsDocument,
  ConnectionConsentsDocument,
} from './data-admin-queries';
import { useQuery } from '../../graphql/use-query';
import { RecordConsentForm } from './record-consent-form';

/** The consents of data subjects recorded for this dataset: who may see which personal fields, why, until when. */
export function ConsentsPanel({ connection }: { connection: ManagedConnection }) {
  const { t } = useT();
  const explain = useErrorText();
  const revoke = useMutation(AgencyRevokeConsentDocument);
  const list = useQuery(ConnectionConsentsDocument, { id: connection.id });
  // The organizations a consent may be given to: those that asked for this dataset.
  const requests = useQuery(ConnectionAccessRequestsDocument, { id: connection.id });
  const consents = list.data?.dataConnection?.consents.nodes ?? [];
  const total = list.data?.dataConnection?.consents.totalCount ?? 0;
  const now = Date.now();
  return (
    <section className="section" aria-labelledby="consents">
      <h2 id="consents" tabIndex={-1}>
        {t('dataAdmin.consents.title')}
      </h2>
      <p>{t('dataAdmin.consents.intro')}</p>
      {revoke.error ? (
        <p className="maru-form-alert" role="alert">
          {explain(revoke.error)}
        </p>
      ) : null}
      {list.error ? <p className="maru-form-alert">{explain(list.error)}</p> : null}
      {list.data && consents.length === 0 ? <p>{t('dataAdmin.consents.none')}</p> : null}
      {consents.length ? (
        <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="consents-caption">
          <table className="maru-table">
            <caption id="consents-caption">{t('dataAdmin.consents.caption', { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dataAdmin.consents.subject')}</th>
                <th scope="col">{t('dataAdmin.consents.to')}</th>
                <th scope="col">{t('dataAdmin.consents.purpose')}</th>
                <th scope="col">{t('dataAdmin.consents.fields')}</th>
                <th scope="col">{t('dataAdmin.consents.until')}</th>
                <th scope="col">{t('dataAdmin.consents.status')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((consent) => {
                const to = consent.requesterOrganization?.name ?? consent.requesterPlugin ?? '—';
                const status =
                  consent.status === 'ACTIVE' && Date.parse(consent.validUntil) < now ? 'EXPIRED' : consent.status;
                return (
                  <tr key={consent.id}>
                    <th scope="row">
                      <code>{consent.subjectId}</code>
                    </th>
                    <td>{to}</td>
                    <td>{consent.purpose}</td>
                    <td>{consent.fields.join(', ')}</td>
                    <td>
                      <KoreanTime value={consent.validUntil} />
                    </td>
                    <td>
                      <StatusBadge kind="consent" status={status} />
                      {status === 'ACTIVE' ? (
                        <ConfirmAction
                          label={t('dataAdmin.consents.revoke', { subject: consent.subjectId })}
                          question={t('dataAdmin.consents.revokeQuestion', { subject: consent.subjectId, to })}
                          summary={[
                            { term: t('dataAdmin.consents.subject'), value: consent.subjectId },
                            { term: t('dataAdmin.consents.to'), value: to },
                            { term: t('dataAdmin.consents.fields'), value: consent.fields.join(', ') },
                          ]}
                          note={t('dataAdmin.consents.revokeNote')}
                          confirmLabel={t('dataAdmin.consents.revokeConfirm')}
                          successMessage={t('dataAdmin.consents.revoked', { subject: consent.subjectId })}
                          onConfirm={async () => {
                            const done = Boolean(await revoke.run({ id: consent.id }));
                            if (done) list.reload();
                            return done;
                          }}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <RecordConsentForm
        connection={connection}
        requests={requests.data?.dataConnection?.accessRequests.nodes ?? []}
        onRecorded={list.reload}
      />
    </section>
  );
}
