import { AsyncState, KoreanTime } from '@maru/ui';
import { useLoadMore } from '../challenges/use-load-more';
import { formatKoreaTime } from '../../format/korea-time';
import { useT } from '../../i18n/use-t';
import { IssuedDocumentsDocument } from './agency-document-queries';
import { useRefusalText } from './refusal-text';
import { RevokeDocument } from './revoke-document';
import { useTypeName } from './use-type-name';

const STATUS_TONE: Record<string, string> = { VALID: 'success', EXPIRED: 'warning', REVOKED: 'danger' };

/** The documents the agency issued, newest first, each with its holder, validity and a way to revoke it. */
export function IssuedDocuments() {
  const { t, i18n } = useT();
  const typeName = useTypeName();
  const refusal = useRefusalText();
  const issued = useLoadMore(IssuedDocumentsDocument, {}, (data) => data.issuedDocuments);
  const nodes = issued.nodes;
  return (
    <section className="section" aria-labelledby="issued">
      <h2 id="issued" tabIndex={-1}>
        {t('agencyDocuments.issued.title')}
      </h2>
      <p className="muted">{t('agencyDocuments.issued.intro')}</p>
      <AsyncState
        loading={issued.loading && issued.totalCount === null}
        error={issued.error ? refusal(issued.error) : null}
        onRetry={issued.reload}
        empty={nodes.length === 0}
        emptyMessage={t('agencyDocuments.issued.empty')}
      >
        <ul className="plain-list" aria-label={t('agencyDocuments.issued.caption')}>
          {nodes.map((document) => {
            const name = typeName(document.type, document.typeName);
            const holder =
              document.holderOrganization?.name ??
              t('agencyDocuments.issued.person', { subject: document.holderSubjectId ?? '' });
            const status = document.status as 'VALID' | 'EXPIRED' | 'REVOKED';
            return (
              <li key={document.id} className="maru-card agency-documents__card">
                <p className="maru-card__meta">
                  <span className={`maru-badge maru-badge--${STATUS_TONE[status] ?? 'neutral'}`}>
                    {t(`agencyDocuments.status.${status}`)}
                  </span>
                  {document.test ? (
                    <span className="maru-badge maru-badge--neutral">{t('agencyDocuments.issued.test')}</span>
                  ) : null}
                </p>
                <h3 className="maru-card__title">{name}</h3>
                <dl className="facts">
                  <dt>{t('agencyDocuments.issued.holder')}</dt>
                  <dd>{holder}</dd>
                  <dt>{t('agencyDocuments.issued.issuedAt')}</dt>
                  <dd>
                    <KoreanTime value={document.issuedAt} />
                  </dd>
                  <dt>{t('agencyDocuments.issued.validUntil')}</dt>
                  <dd>
                    <KoreanTime value={document.validUntil} />
                  </dd>
                </dl>
                {document.revokedAt ? (
                  <p>
                    {t('agencyDocuments.issued.revokedBecause', {
                      at: formatKoreaTime(document.revokedAt, i18n.language),
                      reason: document.revocationReason ?? '',
                    })}
                  </p>
                ) : (
                  <RevokeDocument id={document.id} typeName={name} holder={holder} onRevoked={issued.reload} />
                )}
              </li>
            );
          })}
        </ul>
        <p className="muted">
          {t('agencyDocuments.issued.shown', { shown: nodes.length, total: issued.totalCount ?? 0 })}
        </p>
        {issued.hasNextPage ? (
          <div className="button-row">
            <button
              type="button"
              className="maru-button maru-button--secondary"
              disabled={issued.loading}
              onClick={issued.loadMore}
            >
              {issued.loading ? t('common.loading') : t('common.loadMore')}
            </button>
          </div>
        ) : null}
      </AsyncState>
    </section>
  );
}
