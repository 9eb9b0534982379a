import { StatusBadge } from '@maru/ui';
import { ConfirmAction } from '../../forms/confirm-action';
import type { MyDataQuery } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { RevokeMyConsentDocument } from './citizen-queries';
import { KoreanTimeOrDash } from '../../format/korean-time-or-dash';

type Consent = MyDataQuery['dataSubject']['consents']['nodes'][number];

/** My consents: to whom, which of my details, why, until when — each in force revocable after checking. */
export function MyConsents({
  consents,
  subjectKey,
  onChanged,
}: {
  consents: Consent[];
  subjectKey: string;
  onChanged: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const revoke = useMutation(RevokeMyConsentDocument, { bearer: subjectKey });
  const now = Date.now();
  return (
    <section className="section" aria-labelledby="my-consents">
      <h2 id="my-consents">{t('citizen.consentsTitle')}</h2>
      <p>{t('citizen.consentsIntro')}</p>
      {revoke.error ? (
        <p className="maru-form-alert" role="alert">
          {explain(revoke.error)}
        </p>
      ) : null}
      {consents.length === 0 ? <p>{t('citizen.consentsNone')}</p> : null}
      <ul className="plain-list maru-stack">
        {consents.map((consent) => {
          const to = consent.requesterOrganization?.name ?? consent.requesterPlugin ?? '—';
          const status =
            consent.status === 'ACTIVE' && Date.parse(consent.validUntil) < now ? 'EXPIRED' : consent.status;
          return (
            <li key={consent.id} className="maru-card citizen-card">
              <p className="maru-card__meta">
                <StatusBadge kind="consent" status={status} />
              </p>
              <h3 className="maru-card__title">{t('citizen.consentTo', { to })}</h3>
              <dl className="maru-facts">
                <div>
                  <dt>{t('citizen.dataset')}</dt>
                  <dd>{consent.dataConnection.name}</dd>
                </div>
                <div>
                  <dt>{t('citizen.purpose')}</dt>
                  <dd>{consent.purpose}</dd>
                </div>
                <div>
                  <dt>{t('citizen.fields')}</dt>
                  <dd>{consent.fields.join(', ')}</dd>
                </div>
                <div>
                  <dt>{status === 'REVOKED' ? t('citizen.revokedAt') : t('citizen.until')}</dt>
                  <dd>
                    <KoreanTimeOrDash value={status === 'REVOKED' ? consent.revokedAt : consent.validUntil} />
                    {status === 'REVOKED' && consent.revokedBy
                      ? ` · ${consent.revokedBy === 'SUBJECT' ? t('citizen.revokedByYou') : t('citizen.revokedByAgency')}`
                      : ''}
                  </dd>
                </div>
              </dl>
              {status === 'ACTIVE' ? (
                <ConfirmAction
                  label={t('citizen.revoke', { to })}
                  question={t('citizen.revokeQuestion', { to })}
                  summary={[
                    { term: t('citizen.to'), value: to },
                    { term: t('citizen.dataset'), value: consent.dataConnection.name },
                    { term: t('citizen.fields'), value: consent.fields.join(', ') },
                    { term: t('citizen.after'), value: t('citizen.afterValue', { to }) },
                  ]}
                  note={t('citizen.revokeNote')}
                  confirmLabel={t('citizen.revokeConfirm')}
                  successMessage={t('citizen.revoked', { to })}
                  onConfirm={async () => {
                    const done = Boolean(await revoke.run({ id: consent.id }));
                    if (done) onChanged();
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
