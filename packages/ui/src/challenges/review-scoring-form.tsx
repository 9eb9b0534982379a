import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../common/field';
import { fieldError, FormErrorSummary, type FormStateProps } from '../common/form-error';
import { useUiFormat } from '../i18n/use-ui-format';
import type { Criterion } from './criteria-table';

/** One criterion's score, 0–10 (`CriterionScoreInput`). */
export interface CriterionScore {
  criterionKey: string;
  score: number;
  comment: string;
}

/** What `onSubmit` receives: the arguments of `scoreSubmission`, less the submission id. */
export interface ReviewScoringValues {
  scores: CriterionScore[];
  /** Published with the results at award. */
  publicComment: string;
}

export interface ReviewScoringFormProps extends FormStateProps {
  criteria: Criterion[];
  /** The entry being scored, named in the form's heading. */
  submission?: { title: string; organization?: { name: string } };
  /** Your earlier review: scoring again replaces it. */
  initialValues?: Partial<ReviewScoringValues>;
  onSubmit: (values: ReviewScoringValues) => void;
}

/** A reviewer scores every criterion 0–10, with comments; the weighted total (0–100) updates as they type. */
export function ReviewScoringForm({
  criteria,
  submission,
  initialValues,
  onSubmit,
  busy,
  error,
}: ReviewScoringFormProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const initial = new Map(initialValues?.scores?.map((score) => [score.criterionKey, score]));
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial.has(c.key) ? String(initial.get(c.key)!.score) : ''])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial.get(c.key)?.comment ?? ''])),
  );
  const [publicComment, setPublicComment] = useState(initialValues?.publicComment ?? '');
  const [invalid, setInvalid] = useState<string[]>([]);

  const parsed = (key: string) => {
    const raw = scores[key]?.trim() ?? '';
    const value = Number(raw);
    return raw !== '' && Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;
  };
  const complete = criteria.every((c) => parsed(c.key) !== null);
  const total = criteria.reduce((sum, c) => sum + ((parsed(c.key) ?? 0) * c.weight) / 10, 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = criteria.filter((c) => parsed(c.key) === null).map((c) => c.key);
    setInvalid(wrong);
    if (wrong.length) return;
    onSubmit({
      scores: criteria.map((c) => ({
        criterionKey: c.key,
        score: parsed(c.key)!,
        comment: comments[c.key]?.trim() ?? '',
      })),
      publicComment: publicComment.trim(),
    });
  };

  return (
    <form
      className="maru-form maru-review-form"
      onSubmit={submit}
      noValidate
      aria-label={submission ? t('reviewForm.labelFor', { title: submission.title }) : t('reviewForm.label')}
    >
      {submission ? (
        <p className="maru-review-form__entry">
          <strong>{submission.title}</strong>
          {submission.organization ? <span> · {submission.organization.name}</span> : null}
        </p>
      ) : null}
      <div role="alert" className="maru-form-alert-region">
        {invalid.length ? <p className="maru-form-alert">{t('form.fixErrors')}</p> : null}
      </div>
      <FormErrorSummary error={error} />
      {criteria.map((criterion) => (
        <fieldset key={criterion.key} className="maru-fieldset maru-review-form__criterion">
          <legend>{t('reviewForm.criterion', { name: criterion.name, weight: criterion.weight })}</legend>
          {criterion.description ? <p className="maru-field__hint">{criterion.description}</p> : null}
          <Field
            label={t('reviewForm.score', { name: criterion.name })}
            hint={t('reviewForm.scoreHint')}
            error={invalid.includes(criterion.key) ? t('reviewForm.scoreInvalid') : null}
            required
          >
            {(control) => (
              <input
                {...control}
                name={`score-${criterion.key}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
                step={1}
                value={scores[criterion.key] ?? ''}
                onChange={(event) => setScores({ ...scores, [criterion.key]: event.target.value })}
                className="maru-input--short"
              />
            )}
          </Field>
          <Field label={t('reviewForm.comment', { name: criterion.name })}>
            {(control) => (
              <textarea
                {...control}
                name={`comment-${criterion.key}`}
                rows={2}
                value={comments[criterion.key] ?? ''}
                onChange={(event) => setComments({ ...comments, [criterion.key]: event.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <Field
        label={t('reviewForm.publicComment')}
        hint={t('reviewForm.publicCommentHint')}
        error={fieldError(error, 'publicComment')}
      >
        {(control) => (
          <textarea
            {...control}
            name="publicComment"
            rows={3}
            value={publicComment}
            onChange={(event) => setPublicComment(event.target.value)}
          />
        )}
      </Field>
      <p className="maru-review-form__total" aria-live="polite">
        {complete
          ? t('reviewForm.total', { total: total.toLocaleString(format.lang, { maximumFractionDigits: 1 }) })
          : t('reviewForm.totalIncomplete')}
      </p>
      <div className="maru-form__actions">
        <button type="submit" className="maru-button" disabled={busy}>
          {busy ? t('form.sending') : t('reviewForm.submit')}
        </button>
      </div>
    </form>
  );
}
