import { useId, useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../forms/error-summary';
import { useT } from '../../i18n/use-t';
import { KNOWN_AUDIT_ACTIONS, useAuditActionText } from './audit-action-text';

export interface AuditFilterValues {
  action: string;
  outcome: string;
  organizationId: string;
  /** YYYY-MM-DD, a KST day. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilterValues = { action: '', outcome: '', organizationId: '', from: '', to: '' };

/** The outcomes people look for: done, or refused for one of the usual reasons. */
const OUTCOMES = ['SUCCESS', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'] as const;

/** Filter the trail by action, outcome, organization (platform admins) and KST dates — choices, not free text. */
export function AuditFilterForm({
  value,
  organizations,
  onChange,
}: {
  value: AuditFilterValues;
  /** The organizations to choose from; null when the reader sees only their own. */
  organizations: Array<{ id: string; name: string }> | null;
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useT();
  const actionText = useAuditActionText();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [rangeError, setRangeError] = useState(false);
  const actions = useMemo(
    () =>
      KNOWN_AUDIT_ACTIONS.map((action) => ({ action, label: actionText(action) })).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    [actionText],
  );
  const set = (field: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = Boolean(draft.from && draft.to && draft.from > draft.to);
    setRangeError(bad);
    if (!bad) onChange(draft);
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <div className="search-bar" role="search" aria-label={t('audit.filterRegion')}>
      <ErrorSummary problems={rangeError ? [{ message: t('audit.badRange'), fieldId: field('from') }] : []} />
      <form className="maru-form form--inline audit-filter" onSubmit={submit} noValidate>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={field('action')}>
            {t('audit.action')}
          </label>
          <select id={field('action')} value={draft.action} onChange={set('action')}>
            <option value="">{t('audit.anyAction')}</option>
            {actions.map(({ action, label }) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={field('outcome')}>
            {t('audit.outcome')}
          </label>
          <select id={field('outcome')} value={draft.outcome} onChange={set('outcome')}>
            <option value="">{t('audit.anyOutcome')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`audit.outcomes.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
        {organizations ? (
          <div className="maru-field">
            <label className="maru-field__label" htmlFor={field('organization')}>
              {t('audit.organization')}
            </label>
            <select id={field('organization')} value={draft.organizationId} onChange={set('organizationId')}>
              <option value="">{t('audit.anyOrganization')}</option>
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={`maru-field${rangeError ? ' maru-field--invalid' : ''}`}>
          <label className="maru-field__label" htmlFor={field('from')}>
            {t('audit.from')}
          </label>
          <input
            id={field('from')}
            type="date"
            value={draft.from}
            aria-invalid={rangeError || undefined}
            onChange={set('from')}
          />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={field('to')}>
            {t('audit.to')}
          </label>
          <input id={field('to')} type="date" value={draft.to} onChange={set('to')} />
        </div>
        <button type="submit" className="maru-button">
          {t('audit.filter')}
        </button>
        <button
          type="button"
          className="maru-button maru-button--secondary"
          onClick={() => {
            setDraft(NO_AUDIT_FILTER);
            setRangeError(false);
            onChange(NO_AUDIT_FILTER);
          }}
        >
          {t('audit.clear')}
        </button>
      </form>
    </div>
  );
}
