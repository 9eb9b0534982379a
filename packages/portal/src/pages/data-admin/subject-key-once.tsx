import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** A person's subject key, just issued: shown this once, with how to hand it over and a copy button. */
export function SubjectKeyOnce({
  subjectId,
  secret,
  onDone,
}: {
  subjectId: string;
  secret: string;
  onDone: () => void;
}) {
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
      (document.getElementById('issued-key') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="new-secret maru-notice maru-notice--warning">
      <h3 id="issued-key-title" tabIndex={-1} ref={heading}>
        {t('dataAdmin.keys.issuedTitle', { subject: subjectId })}
      </h3>
      <p id="issued-key-warning">
        <strong>{t('dataAdmin.keys.once')}</strong>
      </p>
      <ul>
        <li>{t('dataAdmin.keys.guide1')}</li>
        <li>{t('dataAdmin.keys.guide2')}</li>
        <li>{t('dataAdmin.keys.guide3')}</li>
      </ul>
      <div className="maru-field">
        <label className="maru-field__label" htmlFor="issued-key">
          {t('dataAdmin.keys.keyLabel')}
        </label>
        <div className="new-secret__row">
          <input
            id="issued-key"
            type="text"
            readOnly
            value={secret}
            spellCheck={false}
            aria-describedby="issued-key-warning"
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="maru-button maru-button--secondary" onClick={() => void copy()}>
            {t('dataAdmin.keys.copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied ? t('dataAdmin.keys.copied') : ''}</p>
      <button type="button" className="maru-button" onClick={onDone}>
        {t('dataAdmin.keys.done')}
      </button>
    </div>
  );
}
