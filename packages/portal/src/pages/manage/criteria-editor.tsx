import { Field } from '@maru/ui';
import { useT } from '../../i18n/use-t';

export interface CriterionDraft {
  name: string;
  weight: string;
  description: string;
}

/** A criterion's key: its name in lowercase letters, digits and "-", or its position when the name has none (e.g. Korean). */
export function criterionKey(name: string, index: number): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || `criterion-${index + 1}`;
}

/** Rows of name, weight and description, with the running total of the weights (they must sum to 100). */
export function CriteriaEditor({
  criteria,
  onChange,
  error,
}: {
  criteria: CriterionDraft[];
  onChange: (next: CriterionDraft[]) => void;
  error: string | null;
}) {
  const { t } = useT();
  const total = criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  const update = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="maru-fieldset criteria-editor">
      <legend>{t('newChallenge.criteria')}</legend>
      <p className="hint">{t('newChallenge.criteriaHint')}</p>
      {criteria.map((criterion, index) => (
        <div className="criteria-editor__row" key={index}>
          <Field label={t('newChallenge.criterionName', { n: index + 1 })} required>
            {(control) => (
              <input
                {...control}
                type="text"
                value={criterion.name}
                onChange={(event) => update(index, { name: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('newChallenge.criterionWeight', { n: index + 1 })} required>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                className="maru-input--short"
                value={criterion.weight}
                onChange={(event) => update(index, { weight: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('newChallenge.criterionDescription', { n: index + 1 })}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={criterion.description}
                onChange={(event) => update(index, { description: event.target.value })}
              />
            )}
          </Field>
          {criteria.length > 1 ? (
            <button
              type="button"
              className="maru-button maru-button--link"
              onClick={() => onChange(criteria.filter((_, i) => i !== index))}
            >
              {t('newChallenge.removeCriterion', { n: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <p
        className={total === 100 ? 'criteria-editor__total' : 'criteria-editor__total criteria-editor__total--off'}
        aria-live="polite"
      >
        {t('newChallenge.weightTotal', { total })}
      </p>
      {error ? <p className="maru-field__error">{error}</p> : null}
      <button
        type="button"
        className="maru-button maru-button--secondary"
        onClick={() => onChange([...criteria, { name: '', weight: '', description: '' }])}
      >
        {t('newChallenge.addCriterion')}
      </button>
    </fieldset>
  );
}
