import { FormErrorSummary, KoreanTime } from '@maru/ui';
import { ConfirmAction } from '../../forms/confirm-action';
import type { ChallengeDetailQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { CloseChallengeDocument, PublishChallengeDocument, StartEvaluationDocument } from './challenge-mutations';
import './agency-actions.css';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;

/**
 * The one next step of the lifecycle that is a button — publish a draft, close submissions, start the evaluation —
 * each through a check of what will happen (none can be undone), then a success message.
 */
export function StatusActions({ challenge, onChanged }: { challenge: Challenge; onChanged: () => void }) {
  const { t } = useT();
  const publish = useMutation(PublishChallengeDocument);
  const close = useMutation(CloseChallengeDocument);
  const evaluate = useMutation(StartEvaluationDocument);
  const deadline = {
    term: t('agency.actions.publishDeadline'),
    value: <KoreanTime value={challenge.submissionDeadline} />,
  };
  const step =
    challenge.status === 'DRAFT'
      ? {
          mutation: publish,
          label: t('manage.publish'),
          hint: t('manage.publishHint'),
          question: t('agency.actions.publishQuestion'),
          what: [t('agency.actions.publishWhat'), t('agency.actions.publishLocks')].join(' '),
          rows: [deadline],
          yes: t('agency.actions.publishYes'),
          done: t('agency.actions.published'),
        }
      : challenge.status === 'OPEN'
        ? {
            mutation: close,
            label: t('manage.close'),
            hint: t('manage.closeHint'),
            question: t('agency.actions.closeQuestion'),
            what: t('agency.actions.closeWhat'),
            rows: [deadline],
            yes: t('agency.actions.closeYes'),
            done: t('agency.actions.closed'),
          }
        : challenge.status === 'CLOSED'
          ? {
              mutation: evaluate,
              label: t('manage.startEvaluation'),
              hint: t('manage.startEvaluationHint'),
              question: t('agency.actions.evaluateQuestion'),
              what: t('agency.actions.evaluateWhat'),
              rows: [],
              yes: t('agency.actions.evaluateYes'),
              done: t('agency.actions.evaluating'),
            }
          : null;
  if (!step) return null;
  return (
    <div className="status-actions">
      <h3>{t('manage.nextStep')}</h3>
      <p className="hint">{step.hint}</p>
      <FormErrorSummary error={toFormError(step.mutation.error)} />
      <ConfirmAction
        label={step.label}
        question={step.question}
        confirmLabel={step.yes}
        danger={false}
        summary={[
          { term: t('agency.actions.confirmChallenge'), value: challenge.title },
          ...step.rows,
          { term: t('agency.actions.confirmWhat'), value: step.what },
        ]}
        note={t('agency.actions.cannotUndo')}
        successMessage={step.done}
        onConfirm={async () => {
          const done = !!(await step.mutation.run({ id: challenge.id }));
          if (done) onChanged();
          return done;
        }}
      />
    </div>
  );
}
