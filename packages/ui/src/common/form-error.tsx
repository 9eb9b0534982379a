import { useTranslation } from 'react-i18next';

/** An error a form shows: the message, and the field it belongs to when known (e.g. from a GraphQL error's `extensions.field`). */
export interface FormError {
  message: string;
  /** The name of the field the error is about; shown beside that field as well. */
  field?: string;
}

/** Props every form shares. */
export interface FormStateProps {
  /** A request is in flight: the buttons are disabled. */
  busy?: boolean;
  /** The last refusal, from the server or the app. */
  error?: FormError | null;
}

/** The form-level error, announced to screen readers as it appears. */
export function FormErrorSummary({ error }: { error?: FormError | null | undefined }) {
  const { t } = useTranslation('maru-ui');
  return (
    <div role="alert" className="maru-form-alert-region">
      {error ? (
        <p className="maru-form-alert">
          <strong>{t('form.errorTitle')}</strong> {error.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The message of `error` when it names `field`. Server paths are matched by
 * their first segment after `input.`: `input.links.0.url` belongs to `links`.
 */
export function fieldError(error: FormError | null | undefined, field: string): string | null {
  if (!error?.field) return null;
  const path = error.field.replace(/^input\./, '').split('.');
  return path[0] === field ? error.message : null;
}
