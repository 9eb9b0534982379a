import { AsyncState, Deadline, KoreanTime, MarkdownText, StatusBadge } from '@maru/ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ConfirmAction } from '../../forms/confirm-action';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { nextStep } from './next-step';
import { MySubmissionDocument, WithdrawSubmissionDocument } from './submission-queries';
import '../company/company.css';

/** One of the company's submissions: what was sent, where it stands, and — while the challenge is open — edit or withdraw. */
export function SubmissionPage() {
  const { t } = useT();
  usePageTitle(t('mySubmission.title'));
  return (
    <div className="page">
      <SignInRequired>
        <Submission />
      </SignInRequired>
    </div>
  );
}

function Submission() {
  const { t } = useT();
  const explain = useErrorText();
  const id = useParams().id ?? '';
  const { viewer } = useSession();
  const result = useQuery(MySubmissionDocument, { id });
  const [refusal, setRefusal] = useState<string | null>(null);
  const node = result.data?.node;
  const submission = node && 'title' in node ? node : null;
  if (!submission || submission.organization.id !== viewer?.organization.id) {
    // A malformed id is refused (BAD_USER_INPUT); a submission of another company comes back null — the same answer.
    const refused = result.error?.code === 'BAD_USER_INPUT' || (!result.loading && !result.error) || submission;
    if (refused)
      return (
        <section className="maru-notice" aria-labelledby="submission-hidden">
          <h1 id="submission-hidden">{t('mySubmission.hiddenTitle')}</h1>
          <p>{t('mySubmission.hiddenBody')}</p>
          <p>
            <Link to="/my/submissions">{t('mySubmission.backToList')}</Link>
          </p>
        </section>
      );
    return (
      <AsyncState
        loading={result.loading}
        error={result.error ? explain(result.error) : null}
        onRetry={result.reload}
        empty
        emptyMessage={t('mySubmission.hiddenBody')}
      />
    );
  }
  const { challenge } = submission;
  const open = challenge.status === 'OPEN';
  const canWithdraw = open && (submission.status === 'DRAFT' || submission.status === 'SUBMITTED');
  const step = nextStep(submission.status, challenge.status);

  const withdraw = async () => {
    setRefusal(null);
    try {
      await graphqlRequest(WithdrawSubmissionDocument, { id: submission.id });
      result.reload();
      return true;
    } catch (caught) {
      const error =
        caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught));
      // Say why in the words of what changed: the challenge closed meanwhile, or the entry moved on.
      const fresh = await graphqlRequest(MySubmissionDocument, { id: submission.id }).catch(() => null);
      const now = fresh?.node && 'title' in fresh.node ? fresh.node : null;
      if (now && now.challenge.status !== 'OPEN')
        setRefusal(
          `${t('mySubmission.withdrawClosed', { status: t(`challengeStatus.${now.challenge.status}`) })} (${error.code})`,
        );
      else if (now && now.status !== submission.status)
        setRefusal(
          `${t('mySubmission.withdrawMoved', { status: t(`mySubmission.status.${now.status}`) })} (${error.code})`,
        );
      else setRefusal(explain(error));
      result.reload();
      return false;
    }
  };

  return (
    <article className="submission-view">
      <Breadcrumbs
        trail={[
          { to: '/my', label: t('myDashboard.title') },
          { to: '/my/submissions', label: t('mySubmissions.title') },
        ]}
        current={submission.title}
      />
      <h1>{submission.title}</h1>
      <p className="maru-lead">
        <StatusBadge kind="submission" status={submission.status} /> <span>{t(`mySubmissions.next.${step}`)}</span>
      </p>
      {refusal ? (
        <div className="maru-notice maru-notice--danger" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('mySubmissions.challenge')}</dt>
        <dd>
          <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
          <span className="muted"> · {challenge.agency.name}</span>
        </dd>
        <dt>{t('mySubmission.challengeStatus')}</dt>
        <dd>
          <StatusBadge kind="challenge" status={challenge.status} />
        </dd>
        <dt>{t('mySubmission.deadline')}</dt>
        <dd>
          <Deadline value={challenge.submissionDeadline} />
        </dd>
        <dt>{t('mySubmission.organization')}</dt>
        <dd>{submission.organization.name}</dd>
        <dt>{t('mySubmission.submittedAt')}</dt>
        <dd>
          {submission.submittedAt ? <KoreanTime value={submission.submittedAt} /> : t('mySubmission.notSubmitted')}
        </dd>
        <dt>{t('mySubmissions.updated')}</dt>
        <dd>
          <KoreanTime value={submission.updatedAt} />
        </dd>
        <dt>{t('mySubmission.teamSize')}</dt>
        <dd>{submission.teamSize}</dd>
        {submission.pluginPackage ? (
          <>
            <dt>{t('mySubmission.pluginPackage')}</dt>
            <dd>
              <code>
                {submission.pluginPackage.name}@{submission.pluginPackage.version}
              </code>
            </dd>
          </>
        ) : null}
      </dl>
      {submission.awardNote ? (
        <section className="section" aria-labelledby="award-note">
          <h2 id="award-note">{t('mySubmission.awardNote')}</h2>
          <p>{submission.awardNote}</p>
        </section>
      ) : null}
      <section className="section" aria-labelledby="what-was-sent">
        <h2 id="what-was-sent">{t('mySubmission.sent')}</h2>
        <h3>{t('mySubmission.summary')}</h3>
        <p>{submission.summary || t('mySubmission.none')}</p>
        <h3>{t('mySubmission.proposal')}</h3>
        {submission.proposal ? (
          <div className="submission-view__proposal">
            <MarkdownText text={submission.proposal} />
          </div>
        ) : (
          <p>{t('mySubmission.none')}</p>
        )}
        {submission.links.length ? (
          <>
            <h3>{t('mySubmission.links')}</h3>
            <ul>
              {submission.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="noopener noreferrer">
                    {link.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {open && (submission.status === 'DRAFT' || canWithdraw) ? (
        <section className="section" aria-labelledby="submission-actions">
          <h2 id="submission-actions">{t('mySubmission.actions')}</h2>
          <div className="button-row">
            {submission.status === 'DRAFT' ? (
              <Link className="maru-button" to={`/challenges/${challenge.id}/submit`}>
                {t('mySubmission.editDraft')}
              </Link>
            ) : null}
            {canWithdraw ? (
              <ConfirmAction
                label={t('mySubmission.withdraw')}
                question={t('mySubmission.withdrawQuestion', { title: submission.title })}
                confirmLabel={t('mySubmission.withdrawConfirm')}
                summary={[
                  { term: t('mySubmissions.submission'), value: submission.title },
                  { term: t('mySubmissions.challenge'), value: challenge.title },
                  { term: t('mySubmission.deadline'), value: <Deadline value={challenge.submissionDeadline} /> },
                  { term: t('mySubmission.afterwards'), value: t('mySubmission.withdrawEffect') },
                ]}
                note={t('mySubmission.withdrawNote')}
                successMessage={t('mySubmission.withdrawn', { title: submission.title })}
                onConfirm={withdraw}
              />
            ) : null}
          </div>
          <p className="hint">{t('mySubmission.withdrawHint')}</p>
        </section>
      ) : null}
    </article>
  );
}
