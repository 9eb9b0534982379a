import { DateTime, StatusBadge } from '@maru/ui';
import type { ChallengeSubmissionsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { SubmissionDecision } from './submission-decision';

type Submission = NonNullable<ChallengeSubmissionsQuery['challenge']>['submissions']['nodes'][number];

/** Submissions with their organization, status and date: the company's own, or all received for the agency. */
export function SubmissionList({
  heading,
  submissions,
  onDecided,
}: {
  heading: string;
  submissions: Submission[];
  /** The agency decides on each entry (shortlist or reject) while submissions are closed or in evaluation. */
  onDecided?: () => void;
}) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="submission-list-heading">
      <h2 id="submission-list-heading">{heading}</h2>
      {onDecided ? <p className="hint">{t('agency.decide.hint')}</p> : null}
      <ul className="plain-list">
        {submissions.map((submission) => (
          <li key={submission.id} className="maru-card">
            <h3 className="maru-card__title">{submission.title}</h3>
            <p className="muted">
              {submission.organization.name} · <StatusBadge kind="submission" status={submission.status} />
              {submission.submittedAt ? (
                <>
                  {' '}
                  · {t('submissions.submittedAt')} <DateTime value={submission.submittedAt} />
                </>
              ) : null}
            </p>
            {submission.summary ? <p>{submission.summary}</p> : null}
            {onDecided ? <SubmissionDecision submission={submission} onChanged={onDecided} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
