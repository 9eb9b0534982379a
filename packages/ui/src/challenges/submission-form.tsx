import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../common/field';
import { fieldError, FormErrorSummary, type FormStateProps } from '../common/form-error';
import { MarkdownText } from '../common/markdown-text';

export interface SubmissionLink {
  title: string;
  url: string;
}

/** The npm package (exact version) offered as the solution. */
export interface PluginPackageReference {
  name: string;
  version: string;
}

/** What the form hands to `onSubmit` / `onSaveDraft`: `CreateSubmissionInput` plus the terms acknowledgement. */
export interface SubmissionFormValues {
  title: string;
  summary: string;
  /** Markdown; required to submit. */
  proposal: string;
  teamSize: number;
  links: SubmissionLink[];
  pluginPackage: PluginPackageReference | null;
  /** Always true in `onSubmit`. */
  acknowledgeTerms: boolean;
}

export interface SubmissionFormProps extends FormStateProps {
  /** The challenge's IP and licence terms, shown above the acknowledgement. */
  terms: string;
  initialValues?: Partial<SubmissionFormValues>;
  /** Team size limits from the challenge's eligibility. */
  eligibility?: { minTeamSize: number; maxTeamSize?: number | null };
  /** Submit the entry: called only when every field is valid and the terms are accepted. */
  onSubmit: (values: SubmissionFormValues) => void;
  /** Shows a "Save draft" button; a draft needs only a title. */
  onSaveDraft?: (values: SubmissionFormValues) => void;
}

type Errors = Partial<
  Record<'title' | 'proposal' | 'teamSize' | 'links' | 'pluginPackage' | 'acknowledgeTerms', string>
>;

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** A company's entry: title, summary, Markdown proposal, team size, links, an optional plugin package, and the terms to accept. */
export function SubmissionForm({
  terms,
  initialValues,
  eligibility,
  onSubmit,
  onSaveDraft,
  busy,
  error,
}: SubmissionFormProps) {
  const { t } = useTranslation('maru-ui');
  const [title, setTitle] = useState(initialValues?.title ?? '');
  const [summary, setSummary] = useState(initialValues?.summary ?? '');
  const [proposal, setProposal] = useState(initialValues?.proposal ?? '');
  const [teamSize, setTeamSize] = useState(String(initialValues?.teamSize ?? eligibility?.minTeamSize ?? 1));
  const [links, setLinks] = useState<SubmissionLink[]>(initialValues?.links ?? []);
  const [pluginName, setPluginName] = useState(initialValues?.pluginPackage?.name ?? '');
  const [pluginVersion, setPluginVersion] = useState(initialValues?.pluginPackage?.version ?? '');
  const [acknowledgeTerms, setAcknowledgeTerms] = useState(initialValues?.acknowledgeTerms ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const linksErrorId = useId();

  const values = (): SubmissionFormValues => ({
    title: title.trim(),
    summary: summary.trim(),
    proposal,
    teamSize: Number(teamSize),
    links: links
      .map((link) => ({ title: link.title.trim(), url: link.url.trim() }))
      .filter((link) => link.title || link.url),
    pluginPackage:
      pluginName.trim() || pluginVersion.trim() ? { name: pluginName.trim(), version: pluginVersion.trim() } : null,
    acknowledgeTerms,
  });

  const validate = (draft: boolean, v: SubmissionFormValues): Errors => {
    const found: Errors = {};
    if (!v.title) found.title = t('submissionForm.errors.titleRequired');
    else if (v.title.length > 200) found.title = t('submissionForm.errors.titleTooLong');
    const min = eligibility?.minTeamSize ?? 1;
    const max = eligibility?.maxTeamSize ?? null;
    if (!Number.isInteger(v.teamSize) || v.teamSize < min || (max !== null && v.teamSize > max))
      found.teamSize =
        max === null
          ? t('submissionForm.errors.teamSizeMin', { min })
          : t('submissionForm.errors.teamSizeRange', { min, max });
    if (v.links.some((link) => !link.title || !/^https?:\/\/\S+$/.test(link.url)))
      found.links = t('submissionForm.errors.link');
    if (v.pluginPackage && (!v.pluginPackage.name || !EXACT_VERSION.test(v.pluginPackage.version)))
      found.pluginPackage = t('submissionForm.errors.pluginPackage');
    if (!draft) {
      if (!v.proposal.trim()) found.proposal = t('submissionForm.errors.proposalRequired');
      if (!v.acknowledgeTerms) found.acknowledgeTerms = t('submissionForm.errors.termsRequired');
    }
    return found;
  };

  const handle = (draft: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const v = values();
    const found = validate(draft, v);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (draft) onSaveDraft?.(v);
    else onSubmit(v);
  };

  const message = (field: keyof Errors) => errors[field] ?? fieldError(error, field);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form
      className="maru-form maru-submission-form"
      onSubmit={handle(false)}
      noValidate
      aria-label={t('submissionForm.label')}
    >
      <div role="alert" className="maru-form-alert-region">
        {hasErrors ? <p className="maru-form-alert">{t('form.fixErrors')}</p> : null}
      </div>
      <FormErrorSummary error={error} />
      <Field label={t('submissionForm.title')} error={message('title')} required>
        {(control) => (
          <input
            {...control}
            name="title"
            type="text"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('submissionForm.summary')} hint={t('submissionForm.summaryHint')}>
        {(control) => (
          <textarea
            {...control}
            name="summary"
            rows={2}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('submissionForm.proposal')}
        hint={t('submissionForm.proposalHint')}
        error={message('proposal')}
        required
      >
        {(control) => (
          <textarea
            {...control}
            name="proposal"
            rows={10}
            value={proposal}
            onChange={(event) => setProposal(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('submissionForm.teamSize')} error={message('teamSize')} required>
        {(control) => (
          <input
            {...control}
            name="teamSize"
            type="number"
            inputMode="numeric"
            min={eligibility?.minTeamSize ?? 1}
            max={eligibility?.maxTeamSize ?? undefined}
            value={teamSize}
            onChange={(event) => setTeamSize(event.target.value)}
            className="maru-input--short"
          />
        )}
      </Field>
      <fieldset className="maru-fieldset" aria-describedby={message('links') ? linksErrorId : undefined}>
        <legend>{t('submissionForm.links')}</legend>
        {links.map((link, index) => (
          <div className="maru-link-row" key={index}>
            <Field label={t('submissionForm.linkTitle', { n: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={link.title}
                  onChange={(event) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, title: event.target.value } : l)))
                  }
                />
              )}
            </Field>
            <Field label={t('submissionForm.linkUrl', { n: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  onChange={(event) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, url: event.target.value } : l)))
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="maru-button maru-button--link"
              onClick={() => setLinks(links.filter((_, i) => i !== index))}
            >
              {t('submissionForm.removeLink', { n: index + 1 })}
            </button>
          </div>
        ))}
        {message('links') ? (
          <p className="maru-field__error" id={linksErrorId}>
            {message('links')}
          </p>
        ) : null}
        <button
          type="button"
          className="maru-button maru-button--secondary"
          onClick={() => setLinks([...links, { title: '', url: '' }])}
        >
          {t('submissionForm.addLink')}
        </button>
      </fieldset>
      <fieldset className="maru-fieldset">
        <legend>{t('submissionForm.pluginPackage')}</legend>
        <p className="maru-field__hint">{t('submissionForm.pluginPackageHint')}</p>
        <div className="maru-inline-fields">
          <Field label={t('submissionForm.pluginName')} error={message('pluginPackage')}>
            {(control) => (
              <input
                {...control}
                name="pluginName"
                type="text"
                spellCheck={false}
                value={pluginName}
                onChange={(event) => setPluginName(event.target.value)}
              />
            )}
          </Field>
          <Field label={t('submissionForm.pluginVersion')}>
            {(control) => (
              <input
                {...control}
                name="pluginVersion"
                type="text"
                spellCheck={false}
                placeholder="1.0.0"
                value={pluginVersion}
                onChange={(event) => setPluginVersion(event.target.value)}
                className="maru-input--short"
              />
            )}
          </Field>
        </div>
      </fieldset>
      <section className="maru-terms" aria-label={t('submissionForm.terms')}>
        <p className="maru-terms__title">{t('submissionForm.terms')}</p>
        <MarkdownText text={terms} />
      </section>
      <Field
        label={t('submissionForm.acknowledgeTerms')}
        error={message('acknowledgeTerms')}
        className="maru-field--checkbox"
      >
        {(control) => (
          <input
            {...control}
            name="acknowledgeTerms"
            type="checkbox"
            checked={acknowledgeTerms}
            onChange={(event) => setAcknowledgeTerms(event.target.checked)}
          />
        )}
      </Field>
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('form.sending') : t('submissionForm.submit')}
        </button>
        {onSaveDraft ? (
          <button type="button" className="maru-button maru-button--secondary" disabled={busy} onClick={handle(true)}>
            {t('submissionForm.saveDraft')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
