import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';

export interface AuditFilterValues {
  action: string;
  outcome: string;
}

/** Filter the trail by action (e.g. challenge.publish) and outcome (SUCCESS or an error code). */
export function AuditFilterForm({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [action, setAction] = useState(value.action);
  const [outcome, setOutcome] = useState(value.outcome);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ action: action.trim(), outcome: outcome.trim() });
  };
  return (
    <div className="search-bar" role="search" aria-label={t('audit.filterRegion')}>
      <form className="maru-form form--inline" onSubmit={submit}>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-action`}>
            {t('audit.action')}
          </label>
          <input
            id={`${id}-action`}
            type="text"
            spellCheck={false}
            placeholder="challenge.publish"
            value={action}
            onChange={(event) => setAction(event.target.value)}
          />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-outcome`}>
            {t('audit.outcome')}
          </label>
          <input
            id={`${id}-outcome`}
            type="text"
            spellCheck={false}
            placeholder="SUCCESS"
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
          />
        </div>
        <button type="submit" className="maru-button">
          {t('audit.filter')}
        </button>
      </form>
    </div>
  );
}
