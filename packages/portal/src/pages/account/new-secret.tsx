import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** The secret of a key just created — shown this once, with a copy button and a warning. */
export function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain HTTP): the field stays selected for Ctrl+C.
      (document.getElementById('new-key-secret') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="new-secret maru-notice maru-notice--warning" aria-labelledby="new-key">
      <h3 id="new-key" tabIndex={-1} ref={heading}>
        {t('apiKeys.createdTitle', { name })}
      </h3>
      <p id="new-key-warning">
        <strong>{t('apiKeys.onceWarning')}</strong>
      </p>
      <div className="maru-field">
        <label className="maru-field__label" htmlFor="new-key-secret">
          {t('apiKeys.secret')}
        </label>
        <div className="new-secret__row">
          <input
            id="new-key-secret"
            type="text"
            readOnly
            value={secret}
            spellCheck={false}
            aria-describedby="new-key-warning"
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="maru-button maru-button--secondary" onClick={() => void copy()}>
            {t('apiKeys.copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied ? t('apiKeys.copied') : ''}</p>
      <button type="button" className="maru-button" onClick={onDone}>
        {t('apiKeys.done')}
      </button>
    </div>
  );
}
