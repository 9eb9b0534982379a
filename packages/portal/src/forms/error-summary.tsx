import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';

/** One problem of a form: its message and, when it belongs to a field, the id of that field's input. */
export interface FormProblem {
  message: string;
  fieldId?: string;
}

/**
 * The problems of a form at its top (GOV.UK's error summary pattern, which KRDS follows): it takes the focus
 * when problems appear, and each links to its field.
 */
export function ErrorSummary({ problems }: { problems: readonly FormProblem[] }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const shown = problems.map((problem) => problem.message).join('\n');
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2 className="error-summary__title">{t('form.problemTitle')}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.message + (problem.fieldId ?? '')}>
            {problem.fieldId ? (
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(problem.fieldId!)?.focus();
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
