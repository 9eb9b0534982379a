import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/use-t';

/** One problem of a form: its message and, when it belongs to a field, the id of that field's input. */
export interface FormProblem {
  message: string;
  /**
   * The id of the field's input — or of a wrapper holding it (a group of checkboxes, a fieldset), or its `name`:
   * the link focuses the first control found there.
   */
  fieldId?: string;
}

const CONTROLS = 'input:not([type="hidden"]), select, textarea, button, [tabindex]';

/** Focuses the control a problem belongs to and brings its label (or its group's legend) into view. */
export function focusField(fieldId: string): boolean {
  const target =
    document.getElementById(fieldId) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(fieldId)}"]`);
  const control = target?.matches(CONTROLS) ? target : target?.querySelector<HTMLElement>(CONTROLS);
  if (!control) {
    // A problem that names no field on the page is a bug of the form: say so to its developer.
    console.warn(`ErrorSummary: no field "${fieldId}" to focus`);
    return false;
  }
  control.focus();
  const label =
    (control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null) ??
    control.closest('fieldset')?.querySelector('legend');
  label?.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * The problems of a form at its top (GOV.UK's error summary pattern, which KRDS follows): it takes the focus
 * when problems appear, and each links to its field.
 */
export function ErrorSummary({ problems }: { problems: readonly FormProblem[] }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const title = useId();
  const shown = problems.map((problem) => problem.message).join('\n');
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={title}>
      <h2 className="error-summary__title" id={title}>
        {t('form.problemTitle')}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.message + (problem.fieldId ?? '')}>
            {problem.fieldId ? (
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => {
                  if (focusField(problem.fieldId!)) event.preventDefault();
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
