import { Field, FormErrorSummary } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { DeclareNoConflictDocument } from './review-queries';

/**
 * Before the first score: the reviewer confirms they have no conflict of interest on the challenge. The hub records
 * the declaration on its audit trail and refuses scores without it (CONFLICT_DECLARATION_REQUIRED).
 */
export function ConflictDeclaration({ challengeId, onDeclared }: { challengeId: string; onDeclared: () => void }) {
  const { t } = useT();
  const declare = useMutation(DeclareNoConflictDocument);
  const [confirmed, setConfirmed] = useState(false);
  const [statement, setStatement] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!confirmed);
    if (!confirmed) return;
    if (await declare.run({ challengeId, statement: statement.trim() || null })) onDeclared();
  };
  return (
    <section className="section maru-card conflict-declaration" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('score.declareTitle')}</h2>
      <p>{t('score.declareIntro')}</p>
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormErrorSummary error={toFormError(declare.error)} />
        <div className={['maru-field', missing ? 'maru-field--invalid' : null].filter(Boolean).join(' ')}>
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              required
              {...(missing ? { 'aria-invalid': true, 'aria-describedby': 'declare-error' } : {})}
              onChange={(event) => setConfirmed(event.target.checked)}
            />{' '}
            {t('score.declareConfirm')}
          </label>
          {missing ? (
            <p className="maru-field__error" id="declare-error">
              {t('score.declareRequired')}
            </p>
          ) : null}
        </div>
        <Field label={t('score.declareStatement')} hint={t('score.declareStatementHint')}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={2000}
              value={statement}
              onChange={(event) => setStatement(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="maru-button" disabled={declare.running}>
          {t('score.declare')}
        </button>
      </form>
    </section>
  );
}
