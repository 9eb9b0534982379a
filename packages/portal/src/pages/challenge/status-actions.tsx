import { FormErrorSummary } from '@maru/ui';
import type { ChallengeDetailQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { CloseChallengeDocument, PublishChallengeDocument, StartEvaluationDocument } from './challenge-mutations';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;

/** The one next step of the lifecycle that is a button: publish a draft, close submissions, start the evaluation. */
export function StatusActions({ challenge, onChanged }: { challenge: Challenge; onChanged: () => void }) {
  const { t } = useT();
  const publish = useMutation(PublishChallengeDocument);
  const close = useMutation(CloseChallengeDocument);
  const evaluate = useMutation(StartEvaluationDocument);
  const step =
    challenge.status === 'DRAFT'
      ? { mutation: publish, label: t('manage.publish'), hint: t('manage.publishHint') }
      : challenge.status === 'OPEN'
        ? { mutation: close, label: t('manage.close'), hint: t('manage.closeHint') }
        : challenge.status === 'CLOSED'
          ? { mutation: evaluate, label: t('manage.startEvaluation'), hint: t('manage.startEvaluationHint') }
          : null;
  if (!step) return null;
  const run = async () => {
    if (await step.mutation.run({ id: challenge.id })) onChanged();
  };
  return (
    <div className="status-actions">
      <h3>{t('manage.nextStep')}</h3>
      <p className="hint">{step.hint}</p>
      <FormErrorSummary error={toFormError(step.mutation.error)} />
      <button type="button" className="maru-button" disabled={step.mutation.running} onClick={() => void run()}>
        {step.mutation.running ? t('common.working') : step.label}
      </button>
    </div>
  );
}
