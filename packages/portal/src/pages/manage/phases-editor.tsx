import { Field } from '@maru/ui';
import { useT } from '../../i18n/use-t';
import './agency.css';

export interface PhaseDraft {
  name: string;
  /** `YYYY-MM-DDTHH:mm` in Korea time, as the datetime-local input holds it (read with fromKoreaInput). */
  deadline: string;
}

/** Later phases of a challenge in stages, each with a name and its own submission deadline. */
export function PhasesEditor({
  phases,
  onChange,
  error,
}: {
  phases: PhaseDraft[];
  onChange: (next: PhaseDraft[]) => void;
  error: string | null;
}) {
  const { t } = useT();
  const update = (index: number, patch: Partial<PhaseDraft>) =>
    onChange(phases.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset className="maru-fieldset phases-editor" aria-describedby="phases-hint">
      <legend>{t('agency.phases.legend')}</legend>
      <p className="hint" id="phases-hint">
        {t('agency.phases.hint')}
      </p>
      {error ? <p className="maru-field__error">{error}</p> : null}
      {phases.map((phase, index) => (
        <div className="phase-row" key={index}>
          <Field label={t('agency.phases.name', { n: index + 2 })} error={error && !phase.name.trim() ? error : null}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={100}
                value={phase.name}
                onChange={(event) => update(index, { name: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('agency.phases.deadline', { n: index + 2 })}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={phase.deadline}
                onChange={(event) => update(index, { deadline: event.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            className="maru-button maru-button--secondary"
            onClick={() => onChange(phases.filter((_, i) => i !== index))}
          >
            {t('agency.phases.remove', { n: index + 2 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="maru-button maru-button--secondary"
        onClick={() => onChange([...phases, { name: '', deadline: '' }])}
      >
        {t('agency.phases.add')}
      </button>
    </fieldset>
  );
}
