import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { useFlash } from '../../forms/flash';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT, type MessageKey } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { AgencyOnly } from './agency-only';
import { AgencyDocumentTypesDocument, IssueCompaniesDocument, IssueDocumentDocument } from './agency-document-queries';
import { DOCUMENT_FIELDS, fieldProblem, type DocumentField } from './document-fields';
import { useRefusalText } from './refusal-text';
import { useTypeName } from './use-type-name';
import './agency-documents.css';

/** 서류 발급: an agency issues a document of a declared kind to a company, through the issuing plugin. */
export function IssueDocumentPage() {
  const { t } = useT();
  usePageTitle(t('agencyDocuments.issue.title'));
  return (
    <div className="page agency-documents">
      <Breadcrumbs
        trail={[
          { to: '/manage', label: t('agencyDocuments.crumb') },
          { to: '/manage/documents', label: t('agencyDocuments.title') },
        ]}
        current={t('agencyDocuments.issue.title')}
      />
      <AgencyOnly>
        <IssueDocumentForm />
      </AgencyOnly>
    </div>
  );
}

const fieldId = (key: string) => `issue-field-${key}`;

function IssueDocumentForm() {
  const { t } = useT();
  const typeName = useTypeName();
  const refusal = useRefusalText();
  const flash = useFlash();
  const navigate = useNavigate();
  const types = useQuery(AgencyDocumentTypesDocument);
  const companies = useQuery(IssueCompaniesDocument);
  const issue = useMutation(IssueDocumentDocument);
  const [type, setType] = useState('');
  const [holderKind, setHolderKind] = useState<'ORGANIZATION' | 'PERSON'>('ORGANIZATION');
  const [holderId, setHolderId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [json, setJson] = useState('');
  const [validity, setValidity] = useState('90');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fields: DocumentField[] | null = type ? (DOCUMENT_FIELDS[type] ?? null) : null;
  const companyList = companies.data?.organizations.nodes ?? [];
  const typeList = types.data?.documentTypes ?? [];

  const label = (field: DocumentField) => t(`agencyDocuments.fields.${field.label}.label` as MessageKey);
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!type) found['issue-type'] = t('agencyDocuments.issue.typeRequired');
    if (holderKind === 'ORGANIZATION' && !holderId) found['issue-holder'] = t('agencyDocuments.issue.holderRequired');
    if (holderKind === 'PERSON' && !subjectId.trim())
      found['issue-subject'] = t('agencyDocuments.issue.subjectRequired');
    for (const field of fields ?? []) {
      const problem = fieldProblem(field, values[field.key]);
      if (problem === 'required')
        found[fieldId(field.key)] = t('agencyDocuments.issue.required', { field: label(field) });
      else if (problem === 'brn') found[fieldId(field.key)] = t('agencyDocuments.issue.brnInvalid');
      else if (problem === 'date') found[fieldId(field.key)] = t('agencyDocuments.issue.dateInvalid');
    }
    if (type && !fields && !isJsonObject(json)) found['issue-json'] = t('agencyDocuments.issue.jsonInvalid');
    if (!/^\d+$/.test(validity.trim()) || Number(validity) < 1 || Number(validity) > 365)
      found['issue-validity'] = t('agencyDocuments.issue.validityInvalid');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (Object.keys(found).length) return;
    const subject = fields
      ? Object.fromEntries(
          fields.filter((f) => (values[f.key] ?? '').trim()).map((f) => [f.key, values[f.key]!.trim()]),
        )
      : (JSON.parse(json) as Record<string, unknown>);
    const done = await issue.run({
      input: {
        type,
        ...(holderKind === 'ORGANIZATION' ? { holderOrganizationId: holderId } : { holderSubjectId: subjectId.trim() }),
        input: { subject, validityDays: Number(validity) },
      },
    });
    if (!done) return;
    const holder =
      done.issueDocument.document.holderOrganization?.name ??
      t('agencyDocuments.issued.person', { subject: subjectId.trim() });
    flash(t('agencyDocuments.issue.success', { type: typeName(type, done.issueDocument.document.typeName), holder }), {
      next: true,
    });
    void navigate('/manage/documents');
  };

  const summary: FormProblem[] = [
    ...Object.entries(problems).map(([id, message]) => ({ message, fieldId: id })),
    ...(issue.error
      ? [
          {
            message: refusal(issue.error, {
              FORBIDDEN: t('agencyDocuments.issue.refused.FORBIDDEN'),
              BAD_USER_INPUT: t('agencyDocuments.issue.refused.BAD_USER_INPUT'),
              NOT_FOUND: t('agencyDocuments.issue.refused.NOT_FOUND'),
            }),
          },
        ]
      : []),
  ];

  const pickHolder = (id: string) => {
    setHolderId(id);
    const name = companyList.find((c) => c.id === id)?.name;
    // The company's name as Maru knows it is a fair start for "company name"; the agency corrects it if needed.
    for (const field of fields ?? [])
      if (field.fromHolderName && name && !(values[field.key] ?? '').trim())
        setValues((current) => ({ ...current, [field.key]: name }));
  };

  return (
    <>
      <h1>{t('agencyDocuments.issue.title')}</h1>
      <p className="maru-lead">{t('agencyDocuments.issue.intro')}</p>
      {types.data && typeList.length === 0 ? (
        <p className="maru-notice maru-notice--warning">{t('agencyDocuments.issue.noTypes')}</p>
      ) : null}
      <form className="maru-form agency-documents__form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={summary} />
        <SelectField
          id="issue-type"
          label={t('agencyDocuments.issue.type')}
          hint={t('agencyDocuments.issue.typeHint')}
          error={problems['issue-type']}
          value={type}
          onChange={setType}
          placeholder={t('agencyDocuments.issue.chooseType')}
          options={typeList.map((d) => ({ value: d.type, label: typeName(d.type, d.name) }))}
        />
        <ChoiceGroup
          id="issue-holder-kind"
          type="radio"
          legend={t('agencyDocuments.issue.holderKind')}
          choices={[
            { value: 'ORGANIZATION', label: t('agencyDocuments.issue.holderCompany') },
            { value: 'PERSON', label: t('agencyDocuments.issue.holderPerson') },
          ]}
          value={[holderKind]}
          onChange={([kind]) => setHolderKind(kind ?? 'ORGANIZATION')}
        />
        {holderKind === 'ORGANIZATION' ? (
          <SelectField
            id="issue-holder"
            label={t('agencyDocuments.issue.holder')}
            hint={t('agencyDocuments.issue.holderHint')}
            error={problems['issue-holder']}
            value={holderId}
            onChange={pickHolder}
            placeholder={t('agencyDocuments.issue.chooseHolder')}
            options={companyList.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : (
          <TextInput
            id="issue-subject"
            label={t('agencyDocuments.issue.subject')}
            hint={t('agencyDocuments.issue.subjectHint')}
            error={problems['issue-subject']}
            required
            autoComplete="off"
            value={subjectId}
            onChange={setSubjectId}
          />
        )}
        {type ? (
          <fieldset className="maru-fieldset">
            <legend>{t('agencyDocuments.issue.details')}</legend>
            {fields ? (
              fields.map((field) => {
                const hint = t(`agencyDocuments.fields.${field.label}.hint` as MessageKey);
                return (
                  <TextInput
                    key={field.key}
                    id={fieldId(field.key)}
                    label={label(field)}
                    {...(hint ? { hint } : {})}
                    error={problems[fieldId(field.key)]}
                    required={field.required}
                    value={values[field.key] ?? ''}
                    autoComplete={field.autoComplete ?? 'off'}
                    {...(field.check === 'date' ? { placeholder: 'YYYY-MM-DD' } : {})}
                    onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
                  />
                );
              })
            ) : (
              <div className={`maru-field${problems['issue-json'] ? ' maru-field--invalid' : ''}`}>
                <label className="maru-field__label" htmlFor="issue-json">
                  {t('agencyDocuments.issue.subjectJson')}
                </label>
                <p className="maru-field__hint" id="issue-json-hint">
                  {t('agencyDocuments.issue.subjectJsonHint')}
                </p>
                {problems['issue-json'] ? (
                  <p className="maru-field__error" id="issue-json-error">
                    {problems['issue-json']}
                  </p>
                ) : null}
                <textarea
                  id="issue-json"
                  rows={5}
                  value={json}
                  aria-invalid={problems['issue-json'] ? true : undefined}
                  aria-describedby={problems['issue-json'] ? 'issue-json-hint issue-json-error' : 'issue-json-hint'}
                  onChange={(event) => setJson(event.target.value)}
                />
              </div>
            )}
          </fieldset>
        ) : null}
        <TextInput
          id="issue-validity"
          label={t('agencyDocuments.issue.validity')}
          hint={t('agencyDocuments.issue.validityHint')}
          error={problems['issue-validity']}
          inputMode="numeric"
          value={validity}
          onChange={setValidity}
          className="agency-documents__short"
        />
        <div className="button-row">
          <button type="submit" className="maru-button" disabled={issue.running}>
            {issue.running ? t('common.working') : t('agencyDocuments.issue.submit')}
          </button>
          <Link className="maru-button maru-button--secondary" to="/manage/documents">
            {t('agencyDocuments.issue.back')}
          </Link>
        </div>
      </form>
    </>
  );
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return !!value && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

interface SelectFieldProps {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  options: Array<{ value: string; label: string }>;
}

/** A labelled select with its hint and error tied to it, marked invalid when it has an error. */
function SelectField({ id, label, hint, error, value, onChange, placeholder, options }: SelectFieldProps) {
  return (
    <div className={`maru-field${error ? ' maru-field--invalid' : ''}`}>
      <label className="maru-field__label" htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <p className="maru-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="maru-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
