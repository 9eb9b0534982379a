import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import { useT } from '../../i18n/use-t';

const KEY_SHAPE = /^msk_[A-Za-z0-9_-]{10,}$/;

/** Enter the key the agency gave you; it stays in this browser tab only. */
export function SubjectKeyForm({ refused, onKey }: { refused: string | null; onKey: (key: string) => void }) {
  const { t } = useT();
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = key.trim();
    if (!value) return setProblem(t('citizen.errors.empty'));
    if (!KEY_SHAPE.test(value)) return setProblem(t('citizen.errors.shape'));
    setProblem(null);
    onKey(value);
  };
  const refusedText = refused
    ? refused === 'UNAUTHENTICATED'
      ? t('citizen.errors.unknownKey')
      : t('citizen.errors.other', { code: refused })
    : null;
  const problems: FormProblem[] = [
    ...(problem ? [{ message: problem, fieldId: 'subject-key' }] : []),
    ...(refusedText ? [{ message: refusedText, fieldId: 'subject-key' }] : []),
  ];
  return (
    <>
      <p className="maru-lead">{t('citizen.intro')}</p>
      <form className="maru-form citizen-key-form" noValidate onSubmit={submit}>
        <ErrorSummary problems={problems} />
        <TextInput
          id="subject-key"
          type="password"
          label={t('citizen.keyLabel')}
          hint={t('citizen.keyHint')}
          error={problem ?? refusedText ?? undefined}
          required
          value={key}
          onChange={setKey}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="maru-button">
          {t('citizen.open')}
        </button>
      </form>
      <section className="section" aria-labelledby="citizen-about">
        <h2 id="citizen-about">{t('citizen.aboutTitle')}</h2>
        <ul>
          <li>{t('citizen.about1')}</li>
          <li>{t('citizen.about2')}</li>
          <li>{t('citizen.about3')}</li>
        </ul>
      </section>
    </>
  );
}
