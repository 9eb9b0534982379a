import { useId, useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { RevokeHeldDocumentDocument } from './agency-document-queries';
import { useRefusalText } from './refusal-text';

export interface RevokeDocumentProps {
  id: string;
  typeName: string;
  holder: string;
  onRevoked: () => void;
}

/**
 * Revoke an issued document: behind a disclosure, a reason, then check your answers (what, whose, why, what
 * follows, that it cannot be undone) before it is done, and a success message after.
 */
export function RevokeDocument({ id, typeName, holder, onRevoked }: RevokeDocumentProps) {
  const { t } = useT();
  const refusal = useRefusalText();
  const revoke = useMutation(RevokeHeldDocumentDocument);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const confirm = async () => {
    const why = reason.trim();
    setMissing(!why);
    if (!why) return false;
    const done = await revoke.run({ id, reason: why });
    if (done) onRevoked();
    return !!done;
  };
  return (
    <details className="agency-documents__disclosure">
      <summary>{t('agencyDocuments.revoke.open')}</summary>
      <div className="maru-stack">
        <ErrorSummary
          problems={[
            ...(missing ? [{ message: t('agencyDocuments.revoke.reasonRequired'), fieldId: reasonId }] : []),
            ...(revoke.error ? [{ message: refusal(revoke.error) }] : []),
          ]}
        />
        <div className={`maru-field${missing ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor={reasonId}>
            {t('agencyDocuments.revoke.reason')}
            <span aria-hidden="true"> *</span>
          </label>
          <p className="maru-field__hint" id={`${reasonId}-hint`}>
            {t('agencyDocuments.revoke.reasonHint')}
          </p>
          {missing ? (
            <p className="maru-field__error" id={`${reasonId}-error`}>
              {t('agencyDocuments.revoke.reasonRequired')}
            </p>
          ) : null}
          <textarea
            id={reasonId}
            rows={2}
            maxLength={500}
            required
            value={reason}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${reasonId}-hint ${reasonId}-error` : `${reasonId}-hint`}
            onChange={(event) => {
              setReason(event.target.value);
              // The problem is gone once a reason is written; it is checked again on confirming.
              if (event.target.value.trim()) setMissing(false);
            }}
          />
        </div>
        <ConfirmAction
          label={t('agencyDocuments.revoke.check')}
          question={t('agencyDocuments.revoke.question')}
          summary={[
            { term: t('agencyDocuments.revoke.termDocument'), value: typeName },
            { term: t('agencyDocuments.revoke.termHolder'), value: holder },
            { term: t('agencyDocuments.revoke.termReason'), value: reason.trim() || '—' },
            { term: t('agencyDocuments.revoke.termAfter'), value: t('agencyDocuments.revoke.after') },
          ]}
          note={t('agencyDocuments.revoke.note')}
          confirmLabel={t('agencyDocuments.revoke.confirm')}
          successMessage={t('agencyDocuments.revoke.success', { type: typeName, holder })}
          onConfirm={confirm}
        />
      </div>
    </details>
  );
}
