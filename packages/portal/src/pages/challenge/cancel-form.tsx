import { Field, FormErrorSummary } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { CancelChallengeDocument } from './challenge-mutations';

/** Cancel with a public reason, behind a disclosure so it is never pressed by accident. */
export function CancelForm({ challengeId, onChanged }: { challengeId: string; onChanged: () => void }) {
  const { t } = useT();
  const cancel = useMutation(CancelChallengeDocument);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    if (await cancel.run({ id: challengeId, reason: reason.trim() })) onChanged();
  };
  return (
    <details className="cancel-form">
      <summary>{t('manage.cancelTitle')}</summary>
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormErrorSummary error={toFormError(cancel.error)} />
        <Field
          label={t('manage.cancelReason')}
          hint={t('manage.cancelHint')}
          error={missing ? t('manage.cancelReasonRequired') : null}
          required
        >
          {(control) => (
            <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <button type="submit" className="maru-button maru-button--danger" disabled={cancel.running}>
          {t('manage.cancel')}
        </button>
      </form>
    </details>
  );
}
