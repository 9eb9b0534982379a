import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { useFlash, type FlashOptions } from './flash';

/** One row of what will happen: e.g. term "Challenge", value "Seoul air quality". */
export interface ConfirmSummaryRow {
  term: string;
  value: ReactNode;
}

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
  /** Check your answers: what the action acts on and what will follow, as term/value rows under the question. */
  summary?: readonly ConfirmSummaryRow[];
  /** Whether and how it can be undone, said under the summary (e.g. "This cannot be undone."). */
  note?: string;
  /** Said in a success message (role="status") at the top of the page once `onConfirm` resolves true. */
  successMessage?: string;
  /** Keep the success message through the navigation `onConfirm` starts (see useFlash). */
  successOptions?: FlashOptions;
}

/**
 * An action that cannot be undone: a button, then the question (with what will happen, when given) and "yes" and
 * "cancel", focus on the question; after it is done, a success message when given.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  danger = true,
  summary,
  note,
  successMessage,
  successOptions,
}: ConfirmActionProps) {
  const { t } = useT();
  const flash = useFlash();
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
      {summary?.length ? (
        <dl className="confirm-action__summary">
          {summary.map((row) => (
            <div key={row.term} className="confirm-action__row">
              <dt>{row.term}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {note ? <p className="confirm-action__note">{note}</p> : null}
      <button
        type="button"
        className={`maru-button ${danger ? 'maru-button--danger' : ''}`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onConfirm()
            .then((done) => {
              if (!done) return;
              setAsking(false);
              if (successMessage) flash(successMessage, successOptions);
            })
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
