import { Field, FormErrorSummary } from '@maru/ui';
import { useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { CancelChallengeDocument } from './challenge-mutations';

/** Cancel with a public reason, behind a disclosure so it is never pressed by accident, and a check before it. */
export function CancelForm({
  challengeId,
  title,
  onChanged,
}: {
  challengeId: string;
  title: string;
  onChanged: () => void;
}) {
  const { t } = useT();
  const cancel = useMutation(CancelChallengeDocument);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <details className="cancel-form">
      <summary>{t('manage.cancelTitle')}</summary>
      <div className="maru-form">
        <FormErrorSummary error={toFormError(cancel.error)} />
        <Field
          label={t('manage.cancelReason')}
          hint={t('manage.cancelHint')}
          error={missing ? t('manage.cancelReasonRequired') : null}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={reason}
              onChange={(event) => {
                setMissing(false);
                setReason(event.target.value);
              }}
            />
          )}
        </Field>
        {reason.trim() ? (
          <ConfirmAction
            label={t('manage.cancel')}
            question={t('agency.actions.cancelQuestion')}
            confirmLabel={t('agency.actions.cancelYes')}
            summary={[
              { term: t('agency.actions.confirmChallenge'), value: title },
              { term: t('agency.actions.cancelReason'), value: reason.trim() },
              { term: t('agency.actions.confirmWhat'), value: t('agency.actions.cancelWhat') },
            ]}
            note={t('agency.actions.cannotUndo')}
            successMessage={t('agency.actions.cancelled')}
            onConfirm={async () => {
              const done = !!(await cancel.run({ id: challengeId, reason: reason.trim() }));
              if (done) onChanged();
              return done;
            }}
          />
        ) : (
          <button type="button" className="maru-button maru-button--danger" onClick={() => setMissing(true)}>
            {t('manage.cancel')}
          </button>
        )}
      </div>
    </details>
  );
}
