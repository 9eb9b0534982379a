import { FormErrorSummary } from '@maru/ui';
import { ConfirmAction } from '../../forms/confirm-action';
import { useFlash } from '../../forms/flash';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { RejectSubmissionDocument, ShortlistSubmissionDocument } from './challenge-mutations';
import './agency-actions.css';

export interface DecidableSubmission {
  id: string;
  title: string;
  status: string;
  organization: { name: string };
}

/** The agency's decision on one submitted entry: shortlist it (it goes on), or reject it after a check. */
export function SubmissionDecision({
  submission,
  onChanged,
}: {
  submission: DecidableSubmission;
  onChanged: () => void;
}) {
  const { t } = useT();
  const flash = useFlash();
  const shortlist = useMutation(ShortlistSubmissionDocument);
  const reject = useMutation(RejectSubmissionDocument);
  if (submission.status !== 'SUBMITTED' && submission.status !== 'SHORTLISTED') return null;
  return (
    <div className="submission-decisions" role="group" aria-label={submission.title}>
      <FormErrorSummary error={toFormError(shortlist.error ?? reject.error)} />
      {submission.status === 'SUBMITTED' ? (
        <button
          type="button"
          className="maru-button maru-button--secondary"
          disabled={shortlist.running}
          aria-label={t('agency.decide.shortlistNamed', { title: submission.title })}
          onClick={() =>
            void shortlist.run({ id: submission.id }).then((done) => {
              if (!done) return;
              flash(t('agency.decide.shortlisted', { title: submission.title }));
              onChanged();
            })
          }
        >
          {shortlist.running ? t('common.working') : t('agency.decide.shortlist')}
        </button>
      ) : null}
      <ConfirmAction
        label={t('agency.decide.rejectNamed', { title: submission.title })}
        question={t('agency.decide.rejectQuestion')}
        confirmLabel={t('agency.decide.rejectYes')}
        summary={[
          { term: t('agency.decide.rejectSubmission'), value: submission.title },
          { term: t('agency.decide.rejectCompany'), value: submission.organization.name },
          { term: t('agency.actions.confirmWhat'), value: t('agency.decide.rejectWhat') },
        ]}
        note={t('agency.actions.cannotUndo')}
        successMessage={t('agency.decide.rejected', { title: submission.title })}
        onConfirm={async () => {
          const done = !!(await reject.run({ id: submission.id }));
          if (done) onChanged();
          return done;
        }}
      />
    </div>
  );
}
