import { AsyncState, Deadline, KoreanTime, StatusBadge } from '@maru/ui';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/session';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { nextStep } from './next-step';
import { useOrganizationSubmissions } from './use-organization-submissions';
import '../company/company.css';

/** Every submission of the member's organization, with its challenge, where it stands and what comes next. */
export function MySubmissionsPage() {
  const { t } = useT();
  usePageTitle(t('mySubmissions.title'));
  return (
    <div className="page">
      <SignInRequired>
        <MySubmissions />
      </SignInRequired>
    </div>
  );
}

function MySubmissions() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const location = useLocation();
  const submitted = (location.state as { submitted?: string } | null)?.submitted;
  const result = useOrganizationSubmissions(viewer?.organization.id);
  const rows = result.rows ?? [];
  return (
    <>
      <Breadcrumbs trail={[{ to: '/my', label: t('myDashboard.title') }]} current={t('mySubmissions.title')} />
      <h1>{t('mySubmissions.title')}</h1>
      <p className="maru-lead">{t('mySubmissions.intro')}</p>
      <div role="status">
        {submitted ? (
          <p className="maru-notice maru-notice--success">{t('mySubmissions.submitted', { title: submitted })}</p>
        ) : null}
      </div>
      <AsyncState
        loading={result.loading}
        error={result.error ? explain(result.error) : null}
        onRetry={result.reload}
        empty={rows.length === 0}
        emptyMessage={t('mySubmissions.empty')}
      >
        <div className="maru-table-scroll" role="region" aria-label={t('mySubmissions.title')} tabIndex={0}>
          <table className="maru-table">
            <caption className="maru-visually-hidden">{t('mySubmissions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mySubmissions.submission')}</th>
                <th scope="col">{t('mySubmissions.challenge')}</th>
                <th scope="col">{t('mySubmissions.status')}</th>
                <th scope="col">{t('mySubmissions.nextStep')}</th>
                <th scope="col">{t('mySubmissions.deadline')}</th>
                <th scope="col">{t('mySubmissions.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ challenge, submission }) => (
                <tr key={submission.id}>
                  <th scope="row">
                    <Link to={`/my/submissions/${submission.id}`}>{submission.title}</Link>
                  </th>
                  <td>
                    <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
                    <span className="muted"> · {challenge.agency.name}</span>
                  </td>
                  <td>
                    <StatusBadge kind="submission" status={submission.status} />
                  </td>
                  <td>
                    {t(`mySubmissions.next.${nextStep(submission.status, challenge.status)}`)}
                    {submission.status === 'DRAFT' && challenge.status === 'OPEN' ? (
                      <>
                        {' '}
                        <Link to={`/challenges/${challenge.id}/submit`}>{t('mySubmissions.continue')}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Deadline value={challenge.submissionDeadline} />
                  </td>
                  <td>
                    <KoreanTime value={submission.submittedAt ?? submission.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AsyncState>
    </>
  );
}
