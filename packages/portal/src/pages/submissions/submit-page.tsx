import { AsyncState, SubmissionForm, type SubmissionFormValues } from '@maru/ui';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import {
  CreateSubmissionDocument,
  SubmitContextDocument,
  SubmitSubmissionDocument,
  UpdateSubmissionDocument,
} from './submission-queries';

/** A company's entry to an open challenge: save a draft, or submit it accepting the terms. */
export function SubmitPage() {
  const { t } = useT();
  usePageTitle(t('submit.title'));
  return (
    <div className="page">
      <SignInRequired roles={['COMPANY_ADMIN', 'DEVELOPER']}>
        <Submit />
      </SignInRequired>
    </div>
  );
}

function Submit() {
  const { t } = useT();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const explain = useErrorText();
  const { viewer } = useSession();
  const context = useQuery(SubmitContextDocument, { id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const [savedDraft, setSavedDraft] = useState<string | null>(null);
  const challenge = context.data?.challenge;
  if (!challenge) {
    return (
      <AsyncState
        loading={context.loading}
        error={context.error ? explain(context.error) : null}
        onRetry={context.reload}
        empty
        emptyMessage={t('challenge.notFound')}
      />
    );
  }
  const draft = challenge.submissions.nodes.find((s) => s.status === 'DRAFT');
  const sent = challenge.submissions.nodes.find((s) => s.status !== 'DRAFT' && s.status !== 'WITHDRAWN');
  // One entry per organization and phase: a withdrawn one still holds the place.
  const withdrawn = challenge.submissions.nodes.find(
    (s) => s.status === 'WITHDRAWN' && s.phase === challenge.currentPhase,
  );

  // Creates the draft (or updates the one there is), then submits it when asked to.
  const save = async (values: SubmissionFormValues, submit: boolean) => {
    setBusy(true);
    setError(null);
    const fields = {
      title: values.title,
      summary: values.summary || null,
      proposal: values.proposal || null,
      teamSize: values.teamSize,
      links: values.links,
      pluginPackage: values.pluginPackage,
    };
    try {
      const draftId = savedDraft ?? draft?.id;
      const submissionId = draftId
        ? (await graphqlRequest(UpdateSubmissionDocument, { id: draftId, input: fields })).updateSubmission.submission
            .id
        : (await graphqlRequest(CreateSubmissionDocument, { input: { challengeId: challenge.id, ...fields } }))
            .createSubmission.submission.id;
      setSavedDraft(submissionId);
      if (submit) {
        await graphqlRequest(SubmitSubmissionDocument, { id: submissionId });
        void navigate('/my/submissions', { state: { submitted: values.title } });
      } else context.reload();
    } catch (caught) {
      setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('submit.heading', { title: challenge.title })}</h1>
      <p className="maru-lead">{t('submit.intro', { organization: viewer?.organization.name ?? '' })}</p>
      <p>
        <Link to={`/challenges/${challenge.id}`}>{t('submit.backToChallenge')}</Link>
      </p>
      {challenge.status !== 'OPEN' ? (
        <p className="maru-notice">{t('submit.notOpen')}</p>
      ) : withdrawn && !draft && !sent && !savedDraft ? (
        <p className="maru-notice">
          {t('submit.withdrawnBefore', { title: withdrawn.title })}{' '}
          <Link to={`/my/submissions/${withdrawn.id}`}>{t('submit.viewSent')}</Link>
        </p>
      ) : sent ? (
        <p className="maru-notice">
          {t('submit.alreadySent', { title: sent.title })}{' '}
          <Link to={`/my/submissions/${sent.id}`}>{t('submit.viewSent')}</Link>
        </p>
      ) : (
        <>
          <div role="status">
            {savedDraft && !busy && !error ? (
              <p className="maru-notice maru-notice--success">{t('submit.draftSaved')}</p>
            ) : null}
          </div>
          <SubmissionForm
            key={draft?.id ?? 'new'}
            terms={challenge.terms}
            eligibility={challenge.eligibility}
            initialValues={
              draft ? { ...draft, summary: draft.summary, pluginPackage: draft.pluginPackage ?? null } : undefined
            }
            busy={busy}
            error={error ? { message: explain(error), ...(error.field ? { field: error.field } : {}) } : null}
            onSubmit={(values) => void save(values, true)}
            onSaveDraft={(values) => void save(values, false)}
          />
        </>
      )}
    </>
  );
}
