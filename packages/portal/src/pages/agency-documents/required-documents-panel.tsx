import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { AgencyDocumentTypesDocument, SetRequiredDocumentsDocument } from './agency-document-queries';
import { useRefusalText } from './refusal-text';
import { useTypeName } from './use-type-name';

export interface Requirement {
  type: string;
  maxAgeDays?: number | null;
}

export interface RequiredDocumentsPanelProps {
  challengeId: string;
  /** The challenge's title, to name what is being changed. */
  title: string;
  /** What the challenge asks for now. */
  requiredDocuments: readonly Requirement[];
  /** Called with what the challenge asks for after saving. */
  onSaved?: (requiredDocuments: Requirement[]) => void;
}

/**
 * The documents a challenge asks entrants to present (`setChallengeRequiredDocuments`): one checkbox per kind the
 * enabled plugins issue, each with how recently it must have been issued. Self-contained, so the challenge page can
 * place it too: `<RequiredDocumentsPanel challengeId={…} title={…} requiredDocuments={…} />`.
 */
export function RequiredDocumentsPanel({
  challengeId,
  title,
  requiredDocuments,
  onSaved,
}: RequiredDocumentsPanelProps) {
  const { t } = useT();
  const typeName = useTypeName();
  const refusal = useRefusalText();
  const [saved, setSaved] = useState(false);
  const types = useQuery(AgencyDocumentTypesDocument);
  const save = useMutation(SetRequiredDocumentsDocument);
  const [chosen, setChosen] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(requiredDocuments.map((r) => [r.type, true])),
  );
  const [maxAge, setMaxAge] = useState<Record<string, string>>(() =>
    Object.fromEntries(requiredDocuments.map((r) => [r.type, r.maxAgeDays ? String(r.maxAgeDays) : ''])),
  );
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const base = `required-${challengeId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const typeList = types.data?.documentTypes ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = [];
    const wanted: Requirement[] = [];
    for (const { type } of typeList) {
      if (!chosen[type]) continue;
      const days = (maxAge[type] ?? '').trim();
      if (days && (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 3650))
        found.push({
          message: `${typeName(type)}: ${t('agencyDocuments.required.maxAgeInvalid')}`,
          fieldId: `${base}-${type}-days`,
        });
      wanted.push({ type, maxAgeDays: days ? Number(days) : null });
    }
    setProblems(found);
    setSaved(false);
    if (found.length) return;
    const done = await save.run({ challengeId, requiredDocuments: wanted });
    if (!done) return;
    setSaved(true);
    onSaved?.(done.setChallengeRequiredDocuments.requiredDocuments);
  };

  if (types.data && typeList.length === 0) return <p className="muted">{t('agencyDocuments.required.noTypes')}</p>;
  const invalid = new Set(problems.map((p) => p.fieldId));
  return (
    <form className="maru-form agency-documents__required" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={[...problems, ...(save.error ? [{ message: refusal(save.error) }] : [])]} />
      <fieldset className="maru-fieldset">
        <legend>{t('agencyDocuments.required.legend', { title })}</legend>
        {typeList.map(({ type, name }) => {
          const daysId = `${base}-${type}-days`;
          const label = typeName(type, name);
          return (
            <div key={type} className="agency-documents__requirement">
              <div className="maru-field maru-field--checkbox">
                <input
                  type="checkbox"
                  id={`${base}-${type}`}
                  checked={!!chosen[type]}
                  onChange={(event) => setChosen((current) => ({ ...current, [type]: event.target.checked }))}
                />
                <label className="maru-field__label" htmlFor={`${base}-${type}`}>
                  {label}
                </label>
              </div>
              <div className={`maru-field${invalid.has(daysId) ? ' maru-field--invalid' : ''}`}>
                <label className="maru-field__label" htmlFor={daysId}>
                  {t('agencyDocuments.required.maxAgeLabel', { type: label })}
                </label>
                {invalid.has(daysId) ? (
                  <p className="maru-field__error" id={`${daysId}-error`}>
                    {t('agencyDocuments.required.maxAgeInvalid')}
                  </p>
                ) : null}
                <input
                  id={daysId}
                  inputMode="numeric"
                  className="agency-documents__short"
                  value={maxAge[type] ?? ''}
                  disabled={!chosen[type]}
                  aria-invalid={invalid.has(daysId) ? true : undefined}
                  aria-describedby={invalid.has(daysId) ? `${daysId}-error` : undefined}
                  onChange={(event) => setMaxAge((current) => ({ ...current, [type]: event.target.value }))}
                />
              </div>
            </div>
          );
        })}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="maru-button" disabled={save.running || !types.data}>
          {save.running ? t('common.working') : t('agencyDocuments.required.save')}
        </button>
      </div>
      <p role="status" className="agency-documents__saved">
        {saved ? t('agencyDocuments.required.saved', { title }) : null}
      </p>
    </form>
  );
}
