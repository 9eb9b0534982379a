import type { InputHTMLAttributes } from 'react';

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  /** The input's id: the error summary links to it. */
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}

/** A labelled input with its hint and error tied to it by ids, marked invalid when it has an error. */
export function TextInput({ id, label, hint, error, onChange, required, ...input }: TextInputProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`maru-field${error ? ' maru-field--invalid' : ''}`}>
      <label className="maru-field__label" htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
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
      <input
        {...input}
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
