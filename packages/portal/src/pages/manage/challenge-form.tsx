import { Field, FormErrorSummary, fieldError } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import type { ChallengeType, CreateChallengeInput } from '../../gql/graphql';
import type { GraphqlRequestError } from '../../graphql/client';
import { toFormError } from '../../graphql/form-error';
import { useT } from '../../i18n/use-t';
import { CriteriaEditor, criterionKey, type CriterionDraft } from './criteria-editor';
import { daysFromNow, fromLocalInput } from './date-input';
import { LinkPickers } from './link-pickers';
import { PrizeFields, type PrizeDraft } from './prize-fields';

const TYPES: ChallengeType[] = ['IDEA', 'PROOF_OF_CONCEPT', 'PROTOTYPE', 'PRODUCTION_SERVICE'];
type Errors = Partial<
  Record<'title' | 'summary' | 'criteria' | 'submissionDeadline' | 'evaluationEnd' | 'prize', string>
>;

export interface ChallengeFormProps {
  agencyId: string;
  busy: boolean;
  error: GraphqlRequestError | null;
  onSubmit: (input: CreateChallengeInput) => void;
}

/** Everything a challenge needs before publication; checked here first, then by the hub. */
export function ChallengeForm({ agencyId, busy, error, onSubmit }: ChallengeFormProps) {
  const { t } = useT();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [problemStatement, setProblemStatement] = useState('');
  const [type, setType] = useState<ChallengeType>('PROTOTYPE');
  const [tags, setTags] = useState('');
  const [deadline, setDeadline] = useState(daysFromNow(14));
  const [evaluationEnd, setEvaluationEnd] = useState(daysFromNow(28));
  const [terms, setTerms] = useState(t('newChallenge.defaultTerms'));
  const [criteria, setCriteria] = useState<CriterionDraft[]>([{ name: '', weight: '', description: '' }]);
  const [prize, setPrize] = useState<PrizeDraft>({ amount: '', currency: 'KRW', kind: 'PRIZE', description: '' });
  const [links, setLinks] = useState<{ dataConnectionIds: string[]; serviceIds: string[] }>({
    dataConnectionIds: [],
    serviceIds: [],
  });
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
    const deadlineIso = fromLocalInput(deadline);
    const evaluationIso = fromLocalInput(evaluationEnd);
    if (!deadlineIso || deadlineIso <= new Date().toISOString())
      found.submissionDeadline = t('newChallenge.errors.deadline');
    if (!evaluationIso || (deadlineIso && evaluationIso <= deadlineIso))
      found.evaluationEnd = t('newChallenge.errors.evaluationEnd');
    if (prize.amount && !(Number(prize.amount) > 0)) found.prize = t('newChallenge.errors.prize');
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
    });
  };
  const problem = toFormError(error);
  const message = (field: keyof Errors) => errors[field] ?? fieldError(problem, field);
  return (
    <form className="maru-form challenge-form" onSubmit={submit} noValidate aria-label={t('newChallenge.title')}>
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
      <div className="form__row">
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
      <CriteriaEditor criteria={criteria} onChange={setCriteria} error={message('criteria')} />
      <PrizeFields prize={prize} onChange={setPrize} error={message('prize')} />
      <Field label={t('newChallenge.terms')} hint={t('newChallenge.termsHint')}>
        {(control) => (
          <textarea {...control} rows={3} value={terms} onChange={(event) => setTerms(event.target.value)} />
        )}
      </Field>
      <LinkPickers agencyId={agencyId} value={links} onChange={setLinks} />
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('common.working') : t('newChallenge.save')}
        </button>
      </div>
    </form>
  );
}
