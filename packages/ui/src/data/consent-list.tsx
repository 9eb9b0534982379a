import { useTranslation } from 'react-i18next';
import { DateTime } from '../common/date-time';
import { FormErrorSummary, type FormError } from '../common/form-error';
import { ItemList, type ListProps } from '../common/item-list';
import { StatusBadge } from '../common/status-badge';

/** A data subject's consent (`DataConsent`): these personal fields, to one requester, for one purpose, until a date. */
export interface Consent {
  id: string;
  subjectId: string;
  fields: string[];
  purpose: string;
  /** ACTIVE or REVOKED; an ACTIVE consent past `validUntil` is shown as expired. */
  status: 'ACTIVE' | 'REVOKED' | (string & {});
  validFrom: string;
  validUntil: string;
  revokedAt?: string | null;
  /** AGENCY or SUBJECT. */
  revokedBy?: 'AGENCY' | 'SUBJECT' | (string & {}) | null;
  requesterOrganization?: { name: string } | null;
  requesterPlugin?: string | null;
  dataConnection?: { name: string } | null;
}

export interface ConsentListProps extends ListProps {
  consents: Consent[];
  /** Shows a revoke button on active consents (the data subject, or the owning agency's admins). */
  onRevoke?: (consentId: string) => void;
  /** The consent being revoked: its button is disabled and says so. */
  revokingId?: string | null;
  /** The last refused revocation. */
  revokeError?: FormError | null;
  /** Show each consent's subject id (agency view). Default true. */
  showSubject?: boolean;
  /** "Now", to tell expired consents; the current time by default. */
  now?: Date;
}

/** Consents: who may see which personal fields, why and until when; revocable when `onRevoke` is given. */
export function ConsentList({
  consents,
  onRevoke,
  revokingId,
  revokeError,
  showSubject = true,
  now,
  ...list
}: ConsentListProps) {
  const { t } = useTranslation('maru-ui');
  const at = (now ?? new Date()).getTime();
  const statusOf = (consent: Consent) =>
    consent.status === 'ACTIVE' && Date.parse(consent.validUntil) < at ? 'EXPIRED' : consent.status;
  const requester = (consent: Consent) =>
    consent.requesterOrganization?.name ?? consent.requesterPlugin ?? t('consent.unknownRequester');
  return (
    <>
      {onRevoke ? <FormErrorSummary error={revokeError} /> : null}
      <ItemList
        {...list}
        items={consents}
        itemKey={(consent) => consent.id}
        label={t('consent.listLabel')}
        defaultEmptyMessage={t('consent.empty')}
        layout="stack"
        renderItem={(consent) => (
          <article className="maru-card maru-consent">
            <div className="maru-card__meta">
              <StatusBadge kind="consent" status={statusOf(consent)} />
              {consent.dataConnection ? (
                <span className="maru-card__subtitle">{consent.dataConnection.name}</span>
              ) : null}
            </div>
            <p className="maru-card__title">{t('consent.to', { requester: requester(consent) })}</p>
            <dl className="maru-facts">
              <div>
                <dt>{t('consent.purpose')}</dt>
                <dd>{consent.purpose}</dd>
              </div>
              <div>
                <dt>{t('consent.valid')}</dt>
                <dd>
                  <DateTime value={consent.validFrom} withTime={false} /> –{' '}
                  <DateTime value={consent.validUntil} withTime={false} />
                </dd>
              </div>
              {showSubject ? (
                <div>
                  <dt>{t('consent.subject')}</dt>
                  <dd>
                    <code className="maru-code">{consent.subjectId}</code>
                  </dd>
                </div>
              ) : null}
              {consent.revokedAt ? (
                <div>
                  <dt>
                    {consent.revokedBy === 'SUBJECT'
                      ? t('consent.revokedBySubject')
                      : consent.revokedBy === 'AGENCY'
                        ? t('consent.revokedByAgency')
                        : t('consent.revoked')}
                  </dt>
                  <dd>
                    <DateTime value={consent.revokedAt} />
                  </dd>
                </div>
              ) : null}
            </dl>
            <ul className="maru-tags" aria-label={t('consent.fields')}>
              {consent.fields.map((field) => (
                <li key={field} className="maru-tag">
                  <code className="maru-code">{field}</code>
                </li>
              ))}
            </ul>
            {onRevoke && statusOf(consent) === 'ACTIVE' ? (
              <div className="maru-card__actions">
                <button
                  type="button"
                  className="maru-button maru-button--danger"
                  disabled={revokingId === consent.id}
                  onClick={() => onRevoke(consent.id)}
                >
                  {revokingId === consent.id ? t('form.sending') : t('consent.revoke')}
                  <span className="maru-visually-hidden">
                    {' '}
                    {t('consent.revokeContext', { requester: requester(consent), purpose: consent.purpose })}
                  </span>
                </button>
              </div>
            ) : null}
          </article>
        )}
      />
    </>
  );
}
