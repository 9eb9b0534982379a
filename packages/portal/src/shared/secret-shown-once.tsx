import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface SecretShownOnceProps {
  /** The secret (an API key's, a person's subject key): the hub keeps only its hash, so this is the one showing. */
  secret: string;
  /** Id of the secret's field; its heading and warning are `<id>-title` and `<id>-warning` unless given. */
  id: string;
  titleId?: string;
  title: string;
  /** Said beside the field, in bold: it will not be shown again. */
  warning: string;
  /** What to do with it next (e.g. how to hand it over), between the warning and the field. */
  children?: ReactNode;
  label: string;
  copyLabel: string;
  copiedText: string;
  doneLabel: string;
  onDone: () => void;
}

/** A secret just made, shown this once: focus on its heading, a warning, a read-only field and a copy button. */
export function SecretShownOnce({
  secret,
  id,
  titleId = `${id}-title`,
  title,
  warning,
  children,
  label,
  copyLabel,
  copiedText,
  doneLabel,
  onDone,
}: SecretShownOnceProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const warningId = `${id}-warning`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain HTTP): the field stays selected for Ctrl+C.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="new-secret maru-notice maru-notice--warning" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <p id={warningId}>
        <strong>{warning}</strong>
      </p>
      {children}
      <div className="maru-field">
        <label className="maru-field__label" htmlFor={id}>
          {label}
        </label>
        <div className="new-secret__row">
          <input
            id={id}
            type="text"
            readOnly
            value={secret}
            spellCheck={false}
            aria-describedby={warningId}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="maru-button maru-button--secondary" onClick={() => void copy()}>
            {copyLabel}
          </button>
        </div>
      </div>
      <p role="status">{copied ? copiedText : ''}</p>
      <button type="button" className="maru-button" onClick={onDone}>
        {doneLabel}
      </button>
    </div>
  );
}
