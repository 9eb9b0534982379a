import { useId, useState, type FormEvent } from 'react';
import { useSession, type Viewer } from '../../auth/session';
import { GraphqlRequestError } from '../../graphql/client';
import { useT } from '../../i18n/use-t';

/** Paste an API key (kept for this tab only). */
export function ApiKeyForm({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const { t } = useT();
  const { signIn } = useSession();
  const id = useId();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return setError(t('signIn.keyRequired'));
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(key));
    } catch (caught) {
      const refusal =
        caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught));
      setError(`${refusal.message} (${refusal.code})`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="api-key" className="section">
      <h2 id="api-key">{t('signIn.keyTitle')}</h2>
      <form className="maru-form form--inline" onSubmit={(event) => void submit(event)} noValidate>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={id}>
            {t('signIn.keyLabel')}
          </label>
          <p className="maru-field__hint" id={`${id}-hint`}>
            {t('signIn.keyHint')}
          </p>
          <input
            id={id}
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
        </div>
        <div role="alert">{error ? <p className="maru-form-alert">{error}</p> : null}</div>
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('common.working') : t('signIn.keySubmit')}
        </button>
      </form>
    </section>
  );
}
