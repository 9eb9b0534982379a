import { AsyncState, Deadline, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AssignmentProgressDocument, ReviewAssignmentsDocument } from './review-queries';
import type { ReviewAssignmentsQuery } from '../../gql/graphql';
import '../company/company.css';

type Assignment = ReviewAssignmentsQuery['challenges']['nodes'][number];
const ORDER: readonly Assignment['status'][] = ['EVALUATING', 'CLOSED', 'OPEN'];

/** The reviewer's assignments: each challenge whose panel they sit on, its progress, deadline and declaration. */
export function ReviewsPage() {
  const { t } = useT();
  usePageTitle(t('reviews.title'));
  return (
    <div className="page">
      <SignInRequired roles={['REVIEWER']}>
        <Reviews />
      </SignInRequired>
    </div>
  );
}

function Reviews() {
  const { t } = useT();
  const explain = useErrorText();
  const result = useQuery(ReviewAssignmentsDocument);
  // What can be scored now first, then what closed, then what still takes submissions (each soonest deadline first).
  const mine = (result.data?.challenges.nodes ?? [])
    .filter((c) => c.myPanelSeat)
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  const count = (status: Assignment['status']) => mine.filter((c) => c.status === status).length;
  return (
    <>
      <h1>{t('reviews.title')}</h1>
      <p className="maru-lead">{t('reviews.intro')}</p>
      <AsyncState
        loading={result.loading && !result.data}
        error={result.error ? explain(result.error) : null}
        onRetry={result.reload}
        empty={mine.length === 0}
        emptyMessage={t('reviews.empty')}
      >
        <p>{t('reviews.summary', { evaluating: count('EVALUATING'), closed: count('CLOSED'), open: count('OPEN') })}</p>
        <ul className="plain-list assignments">
          {mine.map((challenge) => (
            <AssignmentCard key={challenge.id} challenge={challenge} />
          ))}
        </ul>
      </AsyncState>
    </>
  );
}

function AssignmentCard({ challenge }: { challenge: Assignment }) {
  const { t } = useT();
  const { viewer } = useSession();
  const seat = challenge.myPanelSeat!;
  const entries = useQuery(AssignmentProgressDocument, { id: challenge.id }, { skip: challenge.status === 'OPEN' });
  const inPlay = (entries.data?.challenge?.submissions.nodes ?? []).filter(
    (s) => s.phase === challenge.currentPhase && (s.status === 'SUBMITTED' || s.status === 'SHORTLISTED'),
  );
  const scored = inPlay.filter((s) => s.reviews?.some((r) => r.reviewerId === viewer?.id)).length;
  const headingId = `assignment-${challenge.id}`;
  return (
    <li className="maru-card assignment" aria-labelledby={headingId}>
      <h2 className="maru-card__title" id={headingId}>
        <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
      </h2>
      <p className="muted">
        {challenge.agency.name} · <StatusBadge kind="challenge" status={challenge.status} />
      </p>
      <dl className="facts">
        <dt>{t('reviews.progress')}</dt>
        <dd>
          {challenge.status === 'OPEN' ? (
            t('reviews.notClosed')
          ) : entries.data ? (
            <span className="assignment__progress">
              <progress max={Math.max(inPlay.length, 1)} value={scored} aria-label={t('reviews.progress')} />{' '}
              {t('reviews.scoredOf', { scored, total: inPlay.length })}
            </span>
          ) : (
            t('common.loading')
          )}
        </dd>
        <dt>{challenge.status === 'OPEN' ? t('reviews.submissionDeadline') : t('reviews.evaluationEnd')}</dt>
        <dd>
          <Deadline value={challenge.status === 'OPEN' ? challenge.submissionDeadline : challenge.evaluationEnd} />
        </dd>
        <dt>{t('reviews.declaration')}</dt>
        <dd>
          {seat.conflictOfInterest
            ? t('reviews.conflicted')
            : seat.declaredNoConflictAt
              ? t('reviews.declared')
              : t('reviews.notDeclared')}
        </dd>
      </dl>
      {challenge.status === 'EVALUATING' && !seat.conflictOfInterest ? (
        <p className="maru-card__actions">
          <Link className="maru-button" to={`/challenges/${challenge.id}/review`}>
            {t('reviews.score', { title: challenge.title })}
          </Link>
        </p>
      ) : (
        <p className="hint">{seat.conflictOfInterest ? t('reviews.conflictedHint') : t('reviews.notYet')}</p>
      )}
    </li>
  );
}
