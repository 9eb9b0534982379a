import { Field, FormErrorSummary, fieldError } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import type { ChallengeType, CreateChallengeInput } from '../../gql/graphql';
import type { GraphqlRequestError } from '../../graphql/client';
import { toFormError } from '../../graphql/form-error';
import { useT } from '../../i18n/use-t';
import { CriteriaEditor, criterionKey, type CriterionDraft } from './criteria-editor';
import { fromKoreaInput, koreaInputDaysFromNow } from '../../format/korea-time';
import { LinkPickers } from './link-pickers';
import { PhasesEditor, type PhaseDraft } from './phases-editor';
import { PrizeFields, type PrizeDraft } from './prize-fields';

const TYPES: ChallengeType[] = ['IDEA', 'PROOF_OF_CONCEPT', 'PROTOTYPE', 'PRODUCTION_SERVICE'];
type Errors = Partial<
  Record<'title' | 'summary' | 'criteria' | 'submissionDeadline' | 'evaluationEnd' | 'prize' | 'phases', string>
>;

/** What the form holds, as its inputs hold it (dates as datetime-local values). */
export interface ChallengeFormValues {
  title: string;
  summary: string;
  problemStatement: string;
  type: ChallengeType;
  tags: string;
  deadline: string;
  evaluationEnd: string;
  terms: string;
  criteria: CriterionDraft[];
  prize: PrizeDraft;
  links: { dataConnectionIds: string[]; serviceIds: string[] };
  phases: PhaseDraft[];
}

export interface ChallengeFormProps {
  agencyId: string;
  busy: boolean;
  error: GraphqlRequestError | null;
  onSubmit: (input: CreateChallengeInput) => void;
  /** An existing challenge's values (editing); a new challenge starts from defaults. */
  initial?: ChallengeFormValues;
  /**
   * Published: type, criteria, phases and terms are shown, not editable (the hub refuses to change them), and the
   * deadline may only move later than `initial.deadline`.
   */
  published?: boolean;
  submitLabel?: string;
  label?: string;
}

/** Everything a challenge needs before publication; checked here first, then by the hub. */
export function ChallengeForm({
  agencyId,
  busy,
  error,
  onSubmit,
  initial,
  published = false,
  submitLabel,
  label,
}: ChallengeFormProps) {
  const { t } = useT();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [problemStatement, setProblemStatement] = useState(initial?.problemStatement ?? '');
  const [type, setType] = useState<ChallengeType>(initial?.type ?? 'PROTOTYPE');
  const [tags, setTags] = useState(initial?.tags ?? '');
  const [deadline, setDeadline] = useState(initial?.deadline ?? koreaInputDaysFromNow(14));
  const [evaluationEnd, setEvaluationEnd] = useState(initial?.evaluationEnd ?? koreaInputDaysFromNow(28));
  const [terms, setTerms] = useState(initial?.terms ?? t('newChallenge.defaultTerms'));
  const [criteria, setCriteria] = useState<CriterionDraft[]>(
    initial?.criteria ?? [{ name: '', weight: '', description: '' }],
  );
  const [prize, setPrize] = useState<PrizeDraft>(
    initial?.prize ?? { amount: '', currency: 'KRW', kind: 'PRIZE', description: '' },
  );
  const [links, setLinks] = useState<{ dataConnectionIds: string[]; serviceIds: string[] }>(
    initial?.links ?? { dataConnectionIds: [], serviceIds: [] },
  );
  const [phases, setPhases] = useState<PhaseDraft[]>(initial?.phases ?? []);
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!title.trim()) found.title = t('newChallenge.errors.title');
    if (!summary.trim()) found.summary = t('newChallenge.errors.summary');
    const weights = criteria.map((c) => Number(c.weight));
    if (criteria.some((c, i) => !c.name.trim() || !Number.isInteger(weights[i]) || weights[i]! <= 0))
      found.criteria = t('newChallenge.errors.criterion');
    else if (weights.reduce((a, b) => a + b, 0) !== 100) found.criteria = t('newChallenge.errors.weights');
    const deadlineIso = fromKoreaInput(deadline);
    const evaluationIso = fromKoreaInput(evaluationEnd);
    const earliest = published && initial ? fromKoreaInput(initial.deadline) : null;
    if (!deadlineIso || deadlineIso <= new Date().toISOString())
      found.submissionDeadline = t('newChallenge.errors.deadline');
    else if (earliest && deadlineIso < earliest) found.submissionDeadline = t('agency.edit.deadlineLater');
    if (!evaluationIso || (deadlineIso && evaluationIso <= deadlineIso))
      found.evaluationEnd = t('newChallenge.errors.evaluationEnd');
    if (prize.amount && !(Number(prize.amount) > 0)) found.prize = t('newChallenge.errors.prize');
    const phaseDeadlines = phases.map((p) => fromKoreaInput(p.deadline));
    if (
      !published &&
      phases.some(
        (p, i) =>
          !p.name.trim() || !phaseDeadlines[i] || phaseDeadlines[i]! <= (phaseDeadlines[i - 1] ?? deadlineIso ?? ''),
      )
    )
      found.phases = t('agency.phases.error');
    setErrors(found);
    if (Object.keys(found).length) return;
    const keys = new Set<string>();
    onSubmit({
      agencyId,
      title: title.trim(),
      summary: summary.trim(),
      problemStatement: problemStatement.trim() || null,
      type,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      criteria: criteria.map((c, index) => {
        let key = criterionKey(c.name, index);
        if (keys.has(key)) key = `${key}-${index + 1}`;
        keys.add(key);
        return { key, name: c.name.trim(), weight: Number(c.weight), description: c.description.trim() || null };
      }),
      submissionDeadline: deadlineIso!,
      evaluationEnd: evaluationIso!,
      terms: terms.trim() || null,
      prize: prize.amount
        ? {
            amount: Number(prize.amount),
            currency: prize.currency.trim().toUpperCase(),
            kind: prize.kind,
            description: prize.description.trim() || null,
          }
        : null,
      dataConnectionIds: links.dataConnectionIds,
      serviceIds: links.serviceIds,
      phases: phases.map((p, i) => ({ name: p.name.trim(), submissionDeadline: phaseDeadlines[i]! })),
    });
  };
  const problem = toFormError(error);
  const message = (field: keyof Errors) => errors[field] ?? fieldError(problem, field);
  return (
    <form
      className="maru-form challenge-form"
      onSubmit={submit}
      noValidate
      aria-label={label ?? t('newChallenge.title')}
    >
      <div role="alert">
        {Object.keys(errors).length ? <p className="maru-form-alert">{t('common.fixErrors')}</p> : null}
      </div>
      <FormErrorSummary error={problem} />
      <Field label={t('newChallenge.titleLabel')} error={message('title')} required>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('newChallenge.summary')} hint={t('newChallenge.summaryHint')} error={message('summary')} required>
        {(control) => (
          <textarea {...control} rows={2} value={summary} onChange={(event) => setSummary(event.target.value)} />
        )}
      </Field>
      <Field label={t('newChallenge.problem')} hint={t('newChallenge.problemHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={problemStatement}
            onChange={(event) => setProblemStatement(event.target.value)}
          />
        )}
      </Field>
      {published ? <LockedFields type={type} criteria={criteria} terms={terms} phases={phases} /> : null}
      <div className="form__row">
        {published ? null : (
          <Field label={t('newChallenge.type')}>
            {(control) => (
              <select {...control} value={type} onChange={(event) => setType(event.target.value as ChallengeType)}>
                {TYPES.map((value) => (
                  <option key={value} value={value}>
                    {t(`challengeType.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('newChallenge.tags')} hint={t('newChallenge.tagsHint')}>
          {(control) => (
            <input {...control} type="text" value={tags} onChange={(event) => setTags(event.target.value)} />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('newChallenge.deadline')} error={message('submissionDeadline')} required>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('newChallenge.evaluationEnd')} error={message('evaluationEnd')} required>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={evaluationEnd}
              onChange={(event) => setEvaluationEnd(event.target.value)}
            />
          )}
        </Field>
      </div>
      {published ? null : (
        <>
          <CriteriaEditor criteria={criteria} onChange={setCriteria} error={message('criteria')} />
          <PhasesEditor phases={phases} onChange={setPhases} error={errors.phases ?? null} />
        </>
      )}
      <PrizeFields prize={prize} onChange={setPrize} error={message('prize')} />
      {published ? null : (
        <Field label={t('newChallenge.terms')} hint={t('newChallenge.termsHint')}>
          {(control) => (
            <textarea {...control} rows={3} value={terms} onChange={(event) => setTerms(event.target.value)} />
          )}
        </Field>
      )}
      <LinkPickers agencyId={agencyId} value={links} onChange={setLinks} />
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('common.working') : (submitLabel ?? t('newChallenge.save'))}
        </button>
      </div>
    </form>
  );
}

/** What a published challenge keeps as it was published, said plainly above the fields that can still change. */
function LockedFields({
  type,
  criteria,
  terms,
  phases,
}: {
  type: ChallengeType;
  criteria: CriterionDraft[];
  terms: string;
  phases: PhaseDraft[];
}) {
  const { t } = useT();
  return (
    <section className="maru-notice locked-fields" aria-labelledby="locked-fields-title">
      <h2 id="locked-fields-title">{t('agency.edit.lockedTitle')}</h2>
      <p>{t('agency.edit.lockedBody')}</p>
      <dl>
        <dt>{t('newChallenge.type')}</dt>
        <dd>{t(`challengeType.${type}`)}</dd>
        <dt>{t('newChallenge.criteria')}</dt>
        <dd>{criteria.map((c) => `${c.name} (${c.weight})`).join(', ')}</dd>
        <dt>{t('agency.phases.legend')}</dt>
        <dd>
          {t('agency.phases.locked', {
            phases: phases.length ? phases.map((p) => p.name).join(', ') : t('agency.phases.none'),
          })}
        </dd>
        <dt>{t('newChallenge.terms')}</dt>
        <dd>{terms || '–'}</dd>
      </dl>
    </section>
  );
}
