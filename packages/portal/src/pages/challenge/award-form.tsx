import { Field, FormErrorSummary, ResultsTable } from '@maru/ui';
import { useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import type { ChallengeDetailQuery, ChallengeResultsQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { AwardChallengeDocument } from './challenge-mutations';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;
type Results = NonNullable<NonNullable<ChallengeResultsQuery['challenge']>['results']>;

/** The ranking so far, a checkbox per entry to name the winners, a public note, then a check before awarding. */
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
  const rows = results ?? [];
  const chosen = rows.filter((row) => winners.includes(row.submission.id));
  return (
    <div className="maru-form award-form" id="award">
      <h3>{t('manage.awardTitle')}</h3>
      <ResultsTable criteria={challenge.criteria} results={rows} />
      <fieldset className="maru-fieldset" aria-describedby={missing ? 'winners-missing' : undefined}>
        <legend>{t('manage.winners')}</legend>
        {missing ? (
          <p className="maru-field__error" id="winners-missing">
            {t('manage.winnersRequired')}
          </p>
        ) : null}
        <ul className="maru-checkboxes">
          {rows.map((row) => (
            <li key={row.submission.id}>
              <label>
                <input
                  type="checkbox"
                  checked={winners.includes(row.submission.id)}
                  {...(missing ? { 'aria-invalid': true } : {})}
                  onChange={(event) => {
                    setMissing(false);
                    setWinners(
                      event.target.checked
                        ? [...winners, row.submission.id]
                        : winners.filter((id) => id !== row.submission.id),
                    );
                  }}
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
      {chosen.length ? (
        <ConfirmAction
          label={t('manage.award')}
          question={t('agency.actions.awardQuestion')}
          confirmLabel={t('agency.actions.awardYes')}
          danger={false}
          summary={[
            { term: t('agency.actions.confirmChallenge'), value: challenge.title },
            {
              term: t('agency.actions.awardWinners'),
              value: (
                <ul>
                  {chosen.map((row) => (
                    <li key={row.submission.id}>
                      {row.submission.title} ({row.submission.organization.name})
                    </li>
                  ))}
                </ul>
              ),
            },
            { term: t('agency.actions.awardNote'), value: note.trim() || '–' },
            { term: t('agency.actions.confirmWhat'), value: t('agency.actions.awardWhat') },
          ]}
          note={t('agency.actions.cannotUndo')}
          successMessage={t('agency.actions.awarded')}
          onConfirm={async () => {
            const done = !!(await award.run({
              id: challenge.id,
              winners: chosen.map((row) => ({ submissionId: row.submission.id })),
              note: note.trim() || null,
            }));
            if (done) onChanged();
            return done;
          }}
        />
      ) : (
        <button type="button" className="maru-button maru-button--secondary" onClick={() => setMissing(true)}>
          {t('manage.award')}
        </button>
      )}
    </div>
  );
}
