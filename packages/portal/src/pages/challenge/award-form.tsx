import { Field, FormErrorSummary, ResultsTable } from '@maru/ui';
import { useState, type FormEvent } from 'react';
import type { ChallengeDetailQuery, ChallengeResultsQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { AwardChallengeDocument } from './challenge-mutations';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;
type Results = NonNullable<NonNullable<ChallengeResultsQuery['challenge']>['results']>;

/** The ranking so far, a checkbox per entry to name the winners, and a public note. */
export function AwardForm({
  challenge,
  results,
  onChanged,
}: {
  challenge: Challenge;
  results: Results | null;
  onChanged: () => void;
}) {
  const { t } = useT();
  const award = useMutation(AwardChallengeDocument);
  const [winners, setWinners] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(winners.length === 0);
    if (!winners.length) return;
    const done = await award.run({
      id: challenge.id,
      winners: winners.map((submissionId) => ({ submissionId })),
      note: note.trim() || null,
    });
    if (done) onChanged();
  };
  return (
    <form className="maru-form award-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('manage.awardTitle')}</h3>
      <ResultsTable criteria={challenge.criteria} results={results ?? []} />
      <fieldset className="maru-fieldset">
        <legend>{t('manage.winners')}</legend>
        {missing ? <p className="maru-field__error">{t('manage.winnersRequired')}</p> : null}
        <ul className="maru-checkboxes">
          {(results ?? []).map((row) => (
            <li key={row.submission.id}>
              <label>
                <input
                  type="checkbox"
                  checked={winners.includes(row.submission.id)}
                  onChange={(event) =>
                    setWinners(
                      event.target.checked
                        ? [...winners, row.submission.id]
                        : winners.filter((id) => id !== row.submission.id),
                    )
                  }
                />{' '}
                {t('manage.winnerLabel', {
                  title: row.submission.title,
                  organization: row.submission.organization.name,
                })}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field label={t('manage.awardNote')} hint={t('manage.awardNoteHint')}>
        {(control) => <textarea {...control} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <FormErrorSummary error={toFormError(award.error)} />
      <button type="submit" className="maru-button" disabled={award.running}>
        {award.running ? t('common.working') : t('manage.award')}
      </button>
    </form>
  );
}
