import { AsyncState } from '@maru/ui';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ConflictDeclaration } from './conflict-declaration';
import { ScoringContextDocument } from './review-queries';
import { SubmissionScoring } from './submission-scoring';
import { toErrorText } from '../../graphql/form-error';

/** A panelist scores every submitted entry of a challenge in evaluation, criterion by criterion. */
export function ScorePage() {
  const { t } = useT();
  usePageTitle(t('score.title'));
  return (
    <div className="page">
      <SignInRequired roles={['REVIEWER']}>
        <Score />
      </SignInRequired>
    </div>
  );
}

function Score() {
  const { t } = useT();
  const id = useParams().id ?? '';
  const context = useQuery(ScoringContextDocument, { id });
  const challenge = context.data?.challenge;
  if (!challenge) {
    return (
      <AsyncState
        loading={context.loading}
        error={toErrorText(context.error)}
        onRetry={context.reload}
        empty
        emptyMessage={t('challenge.notFound')}
      />
    );
  }
  // Scoring waits for the reviewer's declaration of no conflict; a conflicted reviewer scores nothing.
  const seat = challenge.myPanelSeat;
  const entries = challenge.submissions.nodes.filter((s) => s.status !== 'DRAFT' && s.status !== 'WITHDRAWN');
  return (
    <>
      <h1>{t('score.heading', { title: challenge.title })}</h1>
      <p className="maru-lead">{t('score.intro')}</p>
      <p>
        <Link to={`/challenges/${challenge.id}`}>{t('submit.backToChallenge')}</Link>
      </p>
      {challenge.status !== 'EVALUATING' ? <p className="maru-notice">{t('score.notEvaluating')}</p> : null}
      {seat?.conflictOfInterest ? (
        <p className="maru-notice maru-notice--danger" role="alert">
          {t('score.conflicted')}
        </p>
      ) : seat && !seat.declaredNoConflictAt ? (
        <ConflictDeclaration challengeId={challenge.id} onDeclared={context.reload} />
      ) : (
        <AsyncState empty={entries.length === 0} emptyMessage={t('score.empty')}>
          {entries.map((submission) => (
            <SubmissionScoring
              key={submission.id}
              criteria={challenge.criteria}
              submission={submission}
              disabled={challenge.status !== 'EVALUATING'}
            />
          ))}
        </AsyncState>
      )}
    </>
  );
}
