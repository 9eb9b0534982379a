import { FormErrorSummary, KoreanTime } from '@maru/ui';
import { ConfirmAction } from '../../forms/confirm-action';
import type { ChallengeDetailQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { AdvancePhaseDocument } from './challenge-mutations';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;

/** Opens the next phase of a challenge in stages, for the shortlisted entries only, after a check of what follows. */
export function AdvancePhase({
  challenge,
  shortlisted,
  onChanged,
}: {
  challenge: Challenge;
  /** Titles of the entries shortlisted in this phase: they go on. */
  shortlisted: string[];
  onChanged: () => void;
}) {
  const { t, i18n } = useT();
  const advance = useMutation(AdvancePhaseDocument);
  const next = challenge.phases[challenge.currentPhase];
  if (!next || (challenge.status !== 'CLOSED' && challenge.status !== 'EVALUATING')) return null;
  return (
    <div className="advance-phase">
      <h3>{t('agency.actions.advanceTitle')}</h3>
      <p className="hint">
        {t('agency.actions.advanceHint', {
          phase: next.name,
          deadline:
            new Intl.DateTimeFormat(i18n.language, {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone: 'Asia/Seoul',
            }).format(Date.parse(next.submissionDeadline)) + ' KST',
        })}
      </p>
      <FormErrorSummary error={toFormError(advance.error)} />
      <ConfirmAction
        label={t('agency.actions.advance')}
        question={t('agency.actions.advanceQuestion')}
        confirmLabel={t('agency.actions.advanceYes')}
        summary={[
          { term: t('agency.actions.confirmChallenge'), value: challenge.title },
          { term: t('agency.actions.advancePhase'), value: next.name },
          { term: t('agency.actions.publishDeadline'), value: <KoreanTime value={next.submissionDeadline} /> },
          {
            term: t('agency.actions.advanceShortlisted'),
            value: shortlisted.length ? shortlisted.join(', ') : '–',
          },
          { term: t('agency.actions.confirmWhat'), value: t('agency.actions.advanceWhat') },
        ]}
        note={t('agency.actions.cannotUndo')}
        successMessage={t('agency.actions.advanced')}
        onConfirm={async () => {
          const done = !!(await advance.run({ id: challenge.id }));
          if (done) onChanged();
          return done;
        }}
      />
    </div>
  );
}
