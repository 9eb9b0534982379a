import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';

export interface ConfirmActionProps {
  /** The button that starts it, e.g. "Revoke the key CI". */
  label: string;
  /** What will happen, asked before it does. */
  question: string;
  /** The button that does it, e.g. "Yes, revoke it". */
  confirmLabel: string;
  /** Does it; resolves to true when done (the confirmation then closes). */
  onConfirm: () => Promise<boolean>;
  danger?: boolean;
}

/** An action that cannot be undone: a button, then the question with "yes" and "cancel", focus on the question. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, danger = true }: ConfirmActionProps) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const prompt = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) prompt.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    queueMicrotask(() => opener.current?.focus());
  };
  if (!asking) {
    return (
      <button
        type="button"
        ref={opener}
        className={`maru-button ${danger ? 'maru-button--danger' : 'maru-button--secondary'}`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-action" role="group" aria-label={label}>
      <p tabIndex={-1} ref={prompt} className="confirm-action__question">
        {question}
      </p>
      <button
        type="button"
        className={`maru-button ${danger ? 'maru-button--danger' : ''}`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onConfirm()
            .then((done) => done && setAsking(false))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('common.working') : confirmLabel}
      </button>
      <button type="button" className="maru-button maru-button--secondary" disabled={busy} onClick={close}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
