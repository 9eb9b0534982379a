import { AsyncState, ChallengePage as ChallengeView, type LinkedService } from '@maru/ui';
import { Link, useParams } from 'react-router';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { toErrorText, toFormError } from '../../graphql/form-error';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { usePageTitle } from '../../layout/use-page-title';
import {
  AnswerQuestionDocument,
  AskQuestionDocument,
  ChallengeDetailDocument,
  ChallengeQuestionsDocument,
  ChallengeResultsDocument,
  ChallengeSubmissionsDocument,
  LinkedServicesDocument,
} from './challenge-queries';
import { PilotPackageUpload } from '../pilot/pilot-package-upload';
import { useSession } from '../../auth/session';
import { Announcements } from './announcements';
import { ManagePanel } from './manage-panel';
import { SubmissionList } from './submission-list';
import { useChallengeRole } from './use-challenge-role';

/** One challenge: the public page for everyone, plus what the viewer's role lets them do with it. */
export function ChallengePage() {
  const { t } = useT();
  const id = useParams().id ?? '';
  const detail = useQuery(ChallengeDetailDocument, { id });
  const challenge = detail.data?.challenge ?? null;
  usePageTitle(challenge?.title ?? t('challenge.title'));
  const questions = useQuery(ChallengeQuestionsDocument, { id });
  const services = useQuery(
    LinkedServicesDocument,
    { ids: challenge?.serviceIds ?? [] },
    { skip: !challenge?.serviceIds.length },
  );
  // The panel is FORBIDDEN for everyone but the agency and the panel: keep the submissions anyway.
  const submissions = useQuery(ChallengeSubmissionsDocument, { id }, { partial: true, skip: !challenge });
  const panel = submissions.data?.challenge?.panel ?? null;
  const role = useChallengeRole(challenge, panel);
  const seesScores =
    challenge?.status === 'AWARDED' || (challenge?.status === 'EVALUATING' && (role.manages || role.reviews));
  const results = useQuery(ChallengeResultsDocument, { id }, { skip: !seesScores });
  const { hasRole } = useSession();
  const ask = useMutation(AskQuestionDocument);
  const answer = useMutation(AnswerQuestionDocument);

  if (!challenge) {
    return (
      <div className="page">
        <AsyncState
          loading={detail.loading}
          error={toErrorText(detail.error)}
          onRetry={detail.reload}
          empty={!detail.loading}
          emptyMessage={<NotFound />}
        />
      </div>
    );
  }
  const linkedServices = [
    ...(services.data?.nodes ?? []).flatMap((node) => (isService(node) ? [node] : [])),
    ...challenge.pilotServices,
  ];
  const received = submissions.data?.challenge?.submissions.nodes ?? [];
  const refreshAll = () => {
    detail.reload();
    questions.reload();
    submissions.reload();
    results.reload();
  };
  const actions = (
    <>
      {role.submits && challenge.status === 'OPEN' ? (
        <Link className="maru-button" to={`/challenges/${challenge.id}/submit`}>
          {t('challenge.submitProposal')}
        </Link>
      ) : null}
      {role.reviews && challenge.status === 'EVALUATING' ? (
        <Link className="maru-button" to={`/challenges/${challenge.id}/review`}>
          {t('challenge.scoreSubmissions')}
        </Link>
      ) : null}
      {!role.viewer && challenge.status === 'OPEN' ? <p className="hint">{t('challenge.signInToTakePart')}</p> : null}
      {hasRole('PLATFORM_ADMIN') && challenge.status === 'AWARDED' && !challenge.pilotServices.length ? (
        <Link className="maru-button" to={`/challenges/${challenge.id}/launch`}>
          {t('pilot.launchLink')}
        </Link>
      ) : null}
    </>
  );
  return (
    <div className="page">
      <ChallengeView
        challenge={{
          ...challenge,
          questions: questions.data?.challenge?.questions.nodes ?? [],
          services: linkedServices,
          results: results.data?.challenge?.results ?? null,
        }}
        renderLink={renderLink}
        hrefForDataConnection={(connection) => `/data/${encodeURIComponent(connection.id)}`}
        hrefForService={(service) => `/services?focus=${encodeURIComponent(service.key)}`}
        actions={actions}
        qa={{
          loading: questions.loading && !questions.data,
          error: toErrorText(questions.error),
          busy: ask.running || answer.running,
          formError: toFormError(ask.error ?? answer.error),
          ...(role.viewer && !role.manages && challenge.status === 'OPEN'
            ? {
                onAsk: async (question: string) =>
                  settled(await ask.run({ challengeId: challenge.id, question }), questions.reload),
              }
            : {}),
          ...(role.manages
            ? {
                onAnswer: async (questionId: string, text: string) =>
                  settled(await answer.run({ id: questionId, answer: text }), questions.reload),
              }
            : {}),
        }}
      >
        {role.manages ? (
          <ManagePanel
            challenge={challenge}
            panel={panel}
            results={results.data?.challenge?.results ?? null}
            unanswered={(questions.data?.challenge?.questions.nodes ?? []).filter((q) => !q.answeredAt).length}
            shortlisted={received.filter((s) => s.status === 'SHORTLISTED').map((s) => s.title)}
            onChanged={refreshAll}
          />
        ) : null}
        {challenge.status !== 'DRAFT' || role.manages ? (
          <Announcements
            challengeId={challenge.id}
            canPost={role.manages && challenge.status !== 'DRAFT' && challenge.status !== 'CANCELLED'}
          />
        ) : null}
        {role.submits && challenge.status === 'AWARDED'
          ? (submissions.data?.challenge?.submissions.nodes ?? [])
              .filter((s) => s.status === 'WINNER' && s.organization.id === role.viewer?.organization.id)
              .map((s) => <PilotPackageUpload key={s.id} submissionId={s.id} />)
          : null}
        {role.viewer && submissions.data?.challenge?.submissions.nodes.length ? (
          <SubmissionList
            heading={
              role.manages
                ? t('challenge.submissionsReceived')
                : role.company
                  ? t('challenge.yourSubmissions')
                  : t('challenge.submissions')
            }
            submissions={submissions.data.challenge.submissions.nodes}
            {...(role.manages && (challenge.status === 'CLOSED' || challenge.status === 'EVALUATING')
              ? { onDecided: refreshAll }
              : {})}
          />
        ) : null}
      </ChallengeView>
    </div>
  );
}

/** Reloads after a success; rejects after a refusal, so the Q&A form keeps the text (the error is shown from the mutation). */
function settled(result: unknown, reload: () => void): void {
  if (!result) throw new Error('refused');
  reload();
}

const isService = (node: unknown): node is LinkedService =>
  typeof node === 'object' && node !== null && typeof (node as { key?: unknown }).key === 'string';

function NotFound() {
  const { t } = useT();
  return <>{t('challenge.notFound')}</>;
}
