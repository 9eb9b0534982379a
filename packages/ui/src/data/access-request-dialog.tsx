import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../common/field';
import { fieldError, FormErrorSummary, type FormStateProps } from '../common/form-error';
import { StatusBadge, type DataClassification } from '../common/status-badge';
import type { DataField } from './data-tables';

/** What `onSubmit` receives: `RequestDataAccessInput` less the connection id. */
export interface AccessRequestValues {
  fields: string[];
  /** Why the data is needed; consents of data subjects name the same purpose. */
  purpose: string;
  /** ISO date-time: the end of the chosen day, local time. */
  expiresAt: string;
}

export interface AccessRequestDialogProps extends FormStateProps {
  /** Opens the dialog as a modal (`showModal`); the app owns this state. */
  open: boolean;
  /** Escape, Cancel, or the browser closing the dialog: set `open` to false. Focus returns to the element that opened it. */
  onClose: () => void;
  onSubmit: (values: AccessRequestValues) => void;
  connection: { name: string; classification: DataClassification; fields: DataField[] };
  initialValues?: { fields?: string[]; purpose?: string; /** YYYY-MM-DD */ expiresOn?: string };
  /** "Today", for the allowed expiry range; the current date by default. */
  now?: Date;
}

// The hub refuses an expiry more than 366 days ahead; a year keeps the end of the last day inside it.
const MAX_DAYS = 365;
const DEFAULT_DAYS = 90;

/** Asks the owning agency for access: which fields, for what purpose, until when. A native modal `<dialog>`: focus stays inside, Escape closes. */
export function AccessRequestDialog({ open, onClose, ...form }: AccessRequestDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      // Browsers differ in restoring focus after close(); do it ourselves.
      opener.current?.focus();
    }
  }, [open]);

  // The native modal keeps focus out of the page; this keeps Tab cycling inside the dialog instead of reaching the browser's controls.
  // Escape is handled here too, so it closes the same way whether the browser or a test sends it.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!form.busy) onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [
      ...event.currentTarget.querySelectorAll<HTMLElement>(
        'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
      ),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="maru-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        if (!form.busy) onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? <AccessRequestForm {...form} titleId={titleId} onCancel={onClose} /> : null}
    </dialog>
  );
}

type Errors = Partial<Record<'fields' | 'purpose' | 'expiresAt', string>>;

function AccessRequestForm({
  connection,
  onSubmit,
  initialValues,
  now = new Date(),
  busy,
  error,
  titleId,
  onCancel,
}: Omit<AccessRequestDialogProps, 'open' | 'onClose'> & { titleId: string; onCancel: () => void }) {
  const { t } = useTranslation('maru-ui');
  const fieldsId = useId();
  const [fields, setFields] = useState<string[]>(initialValues?.fields ?? []);
  const [purpose, setPurpose] = useState(initialValues?.purpose ?? '');
  const [expiresOn, setExpiresOn] = useState(initialValues?.expiresOn ?? dateInput(addDays(now, DEFAULT_DAYS)));
  const [errors, setErrors] = useState<Errors>({});
  const min = dateInput(addDays(now, 1));
  const max = dateInput(addDays(now, MAX_DAYS));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!fields.length) found.fields = t('accessRequest.errors.fields');
    if (!purpose.trim()) found.purpose = t('accessRequest.errors.purpose');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || expiresOn < min || expiresOn > max)
      found.expiresAt = t('accessRequest.errors.expiresAt', { max: MAX_DAYS });
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit({
      fields: connection.fields.map((f) => f.name).filter((name) => fields.includes(name)),
      purpose: purpose.trim(),
      expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString(),
    });
  };
  const fieldsError = errors.fields ?? fieldError(error, 'fields');

  return (
    <form className="maru-form maru-dialog__body" onSubmit={submit} noValidate>
      <h2 className="maru-dialog__title" id={titleId}>
        {t('accessRequest.title', { name: connection.name })}
      </h2>
      <p className="maru-card__subtitle">
        <StatusBadge kind="classification" status={connection.classification} /> {t('accessRequest.intro')}
      </p>
      <div role="alert" className="maru-form-alert-region">
        {Object.keys(errors).length ? <p className="maru-form-alert">{t('form.fixErrors')}</p> : null}
      </div>
      <FormErrorSummary error={error} />
      <fieldset className="maru-fieldset" aria-describedby={fieldsError ? `${fieldsId}-error` : undefined}>
        <legend>{t('accessRequest.fields')}</legend>
        <ul className="maru-checkboxes">
          {connection.fields.map((field, index) => (
            <li key={field.name} className="maru-field maru-field--checkbox">
              <input
                type="checkbox"
                id={`${fieldsId}-${index}`}
                name="fields"
                value={field.name}
                checked={fields.includes(field.name)}
                onChange={(event) =>
                  setFields(
                    event.target.checked ? [...fields, field.name] : fields.filter((name) => name !== field.name),
                  )
                }
              />
              <label className="maru-field__label" htmlFor={`${fieldsId}-${index}`}>
                <code className="maru-code">{field.name}</code> {field.description}
                {field.personal ? (
                  <span className="maru-badge maru-badge--danger maru-inline-badge">{t('data.personal')}</span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
        {connection.fields.some((field) => field.personal) ? (
          <p className="maru-field__hint">{t('accessRequest.personalHint')}</p>
        ) : null}
        {fieldsError ? (
          <p className="maru-field__error" id={`${fieldsId}-error`}>
            {fieldsError}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t('accessRequest.purpose')}
        hint={t('accessRequest.purposeHint')}
        error={errors.purpose ?? fieldError(error, 'purpose')}
        required
      >
        {(control) => (
          <textarea
            {...control}
            name="purpose"
            rows={3}
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('accessRequest.expiresAt')}
        hint={t('accessRequest.expiresHint', { max: MAX_DAYS })}
        error={errors.expiresAt ?? fieldError(error, 'expiresAt')}
        required
      >
        {(control) => (
          <input
            {...control}
            name="expiresOn"
            type="date"
            min={min}
            max={max}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
            className="maru-input--short"
          />
        )}
      </Field>
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('form.sending') : t('accessRequest.submit')}
        </button>
        <button type="button" className="maru-button maru-button--secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

function dateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
