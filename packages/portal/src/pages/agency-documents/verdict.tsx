import { formatKoreaTime } from '../../format/korea-time';
import { useT, type MessageKey } from '../../i18n/use-t';
import type { VerdictKind, VerdictOf } from './verdict-of';

const TONE: Record<VerdictKind, string> = {
  VALID: 'success',
  REVOKED: 'danger',
  EXPIRED: 'warning',
  UNVERIFIABLE: 'danger',
};

const EXPLAINED = ['SIGNATURE_INVALID', 'UNKNOWN_KEY', 'TEST_CERTIFICATE', 'ISSUER_UNAVAILABLE'];

/** A verdict as a badge (text, not colour alone), when it was checked, and why it could not be verified. */
export function Verdict({ verdict, at }: { verdict: VerdictOf; at: string }) {
  const { t, i18n } = useT();
  const why = verdict.reason
    ? EXPLAINED.includes(verdict.reason)
      ? t(`agencyDocuments.verdictReason.${verdict.reason}` as MessageKey)
      : t('agencyDocuments.verdictReason.other', { reason: verdict.reason })
    : null;
  return (
    <span className="agency-documents__verdict">
      <span className={`maru-badge maru-badge--${TONE[verdict.kind]}`}>
        {t(`agencyDocuments.verdict.${verdict.kind}`)}
      </span>{' '}
      <span className="muted">
        {t('agencyDocuments.received.checkedAt', { at: formatKoreaTime(at, i18n.language) })}
      </span>
      {why ? <span className="agency-documents__why">{why}</span> : null}
    </span>
  );
}
