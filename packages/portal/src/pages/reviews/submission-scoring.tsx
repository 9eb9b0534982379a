import { MarkdownText, ReviewScoringForm } from '@maru/ui';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import type { ScoringContextQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { ScoreSubmissionDocument, SubmissionReviewsDocument } from './review-queries';

type Context = NonNullable<ScoringContextQuery['challenge']>;

/** One entry: what the company proposes, and the reviewer's scoring form (pre-filled with their earlier review). */
export function SubmissionScoring({
  criteria,
  submission,
  disabled,
}: {
  criteria: Context['criteria'];
  submission: Context['submissions']['nodes'][number];
  disabled: boolean;
}) {
  const { t } = useT();
  const { viewer } = useSession();
  const score = useMutation(ScoreSubmissionDocument);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const reviews = useQuery(SubmissionReviewsDocument, { id: submission.id });
  const node = reviews.data?.node;
  const mine = node && 'reviews' in node ? node.reviews?.find((review) => review.reviewerId === viewer?.id) : undefined;
  const headingId = `entry-${submission.id}`;
  return (
    <section className="section maru-card scoring" aria-labelledby={headingId}>
      <h2 id={headingId}>{submission.title}</h2>
      <p className="muted">
        {t('score.byOrganization', { organization: submission.organization.name, size: submission.teamSize })}
      </p>
      {submission.summary ? <p className="maru-lead">{submission.summary}</p> : null}
      <details>
        <summary>{t('score.proposal')}</summary>
        <MarkdownText text={submission.proposal} />
        {submission.links.length ? (
          <ul>
            {submission.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noreferrer noopener" target="_blank">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </details>
      <div role="status">
        {savedAt ? (
          <p className="maru-notice maru-notice--success">{t('score.saved')}</p>
        ) : mine ? (
          <p className="hint">{t('score.alreadyScored')}</p>
        ) : null}
      </div>
      {disabled || reviews.loading ? null : (
        <ReviewScoringForm
          key={mine ? 'rescore' : 'first'}
          criteria={criteria}
          submission={{ title: submission.title, organization: submission.organization }}
          initialValues={mine ? { scores: mine.scores, publicComment: mine.publicComment ?? '' } : undefined}
          busy={score.running}
          error={toFormError(score.error)}
          onSubmit={async (values) => {
            const result = await score.run({
              submissionId: submission.id,
              scores: values.scores,
              publicComment: values.publicComment || null,
            });
            if (result) setSavedAt(result.scoreSubmission.review.updatedAt);
          }}
        />
      )}
    </section>
  );
}
