export interface ChoiceGroupProps<V extends string> {
  /** The group's id: the error summary links to its first choice (`<id>-0`). */
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  choices: ReadonlyArray<{ value: V; label: string; hint?: string }>;
  /** Checkboxes (several) or radio buttons (one). */
  type: 'checkbox' | 'radio';
  value: readonly V[];
  onChange: (value: V[]) => void;
}

/** Checkboxes or radio buttons in a fieldset with a legend, a hint and an error. */
export function ChoiceGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  choices,
  type,
  value,
  onChange,
}: ChoiceGroupProps<V>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`maru-field choice-group${error ? ' maru-field--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="maru-field__label">{legend}</legend>
      {hint ? (
        <p className="maru-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="maru-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {choices.map((choice, index) => (
        <div className="choice-group__choice" key={choice.value}>
          <input
            id={`${id}-${index}`}
            type={type}
            name={id}
            value={choice.value}
            checked={value.includes(choice.value)}
            aria-describedby={choice.hint ? `${id}-${index}-hint` : undefined}
            onChange={(event) =>
              onChange(
                type === 'radio'
                  ? [choice.value]
                  : event.target.checked
                    ? [...value, choice.value]
                    : value.filter((v) => v !== choice.value),
              )
            }
          />
          <label htmlFor={`${id}-${index}`}>{choice.label}</label>
          {choice.hint ? (
            <p className="maru-field__hint" id={`${id}-${index}-hint`}>
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}
