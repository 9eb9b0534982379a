import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The loading and error states every list and data component takes. */
export interface AsyncStateProps {
  /** Data is on its way: a polite status replaces the content. */
  loading?: boolean;
  /** Loading failed: the message is shown as an alert, with a retry button when `onRetry` is given. */
  error?: string | null;
  onRetry?: () => void;
}

export interface AsyncStateViewProps extends AsyncStateProps {
  /** No items: `emptyMessage` is shown instead of the content. */
  empty?: boolean;
  emptyMessage?: ReactNode;
  /** What is loading, e.g. "challenges" — read out with the status. */
  label?: string;
  children?: ReactNode;
}

/**
 * One place for the loading, error and empty states, so every list looks and
 * sounds the same: loading is a `role="status"`, an error a `role="alert"`.
 */
export function AsyncState({ loading, error, onRetry, empty, emptyMessage, label, children }: AsyncStateViewProps) {
  const { t } = useTranslation('maru-ui');
  if (loading) {
    return (
      <div className="maru-async maru-async--loading" role="status" aria-live="polite">
        <span className="maru-spinner" aria-hidden="true" />
        <span>{label ? t('state.loadingWhat', { what: label }) : t('state.loading')}</span>
      </div>
    );
  }
  if (error) {
    return (
      <div className="maru-async maru-async--error" role="alert">
        <p>
          <strong>{t('state.errorTitle')}</strong> {error}
        </p>
        {onRetry ? (
          <button type="button" className="maru-button maru-button--secondary" onClick={onRetry}>
            {t('state.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  if (empty) {
    return <p className="maru-async maru-async--empty">{emptyMessage ?? t('state.empty')}</p>;
  }
  return <>{children}</>;
}
