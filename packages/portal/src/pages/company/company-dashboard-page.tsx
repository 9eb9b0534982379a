import { AsyncState, Deadline, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { nextStep } from '../submissions/next-step';
import { useOrganizationSubmissions, type OwnSubmissionRow } from '../submissions/use-organization-submissions';
import { CompanyDashboardDocument } from './company-queries';
import './company.css';

/** The company's landing page after sign-in: challenges for us, our submissions, services, documents and notices. */
export function CompanyDashboardPage() {
  const { t } = useT();
  usePageTitle(t('myDashboard.title'));
  return (
    <div className="page">
      <SignInRequired roles={['COMPANY_ADMIN', 'DEVELOPER']}>
        <Dashboard />
      </SignInRequired>
    </div>
  );
}

function Dashboard() {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const figures = useQuery(CompanyDashboardDocument, { lang: i18n.language });
  const own = useOrganizationSubmissions(viewer?.organization.id);
  const rows = own.rows ?? [];
  const data = figures.data;
  const grants = data?.serviceGrants.nodes ?? [];
  const active = grants.filter((g) => g.status === 'ACTIVE');
  const inProgress = rows.filter((r) => r.submission.status === 'DRAFT' && r.challenge.status === 'OPEN');
  // One entry per organization and phase: a withdrawn one still holds the place, so it is shown, not a new form.
  const entered = new Map(rows.map((r) => [r.challenge.id, r.submission] as const));
  return (
    <>
      <h1>{t('myDashboard.title')}</h1>
      <p className="maru-lead">{t('myDashboard.intro', { organization: viewer?.organization.name ?? '' })}</p>
      <AsyncState
        loading={figures.loading && !data}
        error={figures.error ? explain(figures.error) : null}
        onRetry={figures.reload}
      >
        {data ? (
          <ul className="dashboard-tiles" aria-label={t('myDashboard.summary')}>
            <Tile to="#for-us" value={data.challengesForYou.totalCount} label={t('myDashboard.tiles.forUs')} />
            <Tile to="/my/submissions" value={inProgress.length} label={t('myDashboard.tiles.drafts')} />
            <Tile to="/my/services" value={active.length} label={t('myDashboard.tiles.services')} />
            <Tile to="/my/documents" value={data.heldDocuments.totalCount} label={t('myDashboard.tiles.documents')} />
            <Tile to="/notices" value={data.unreadNoticeCount} label={t('myDashboard.tiles.notices')} />
          </ul>
        ) : null}
      </AsyncState>
      <div className="dashboard-grid">
        <section className="dashboard-panel" id="for-us" aria-labelledby="for-us-heading">
          <h2 id="for-us-heading">{t('myDashboard.forUs')}</h2>
          <p className="hint">{t('myDashboard.forUsHint')}</p>
          {data && data.challengesForYou.nodes.length === 0 ? (
            <p>
              {t('myDashboard.forUsEmpty')} <Link to="/notices/settings">{t('myDashboard.declareInterests')}</Link>
            </p>
          ) : (
            <ul className="dashboard-list">
              {(data?.challengesForYou.nodes ?? []).map((challenge) => {
                const ours = entered.get(challenge.id);
                return (
                  <li key={challenge.id}>
                    <Link to={`/challenges/${challenge.id}`} className="dashboard-list__title">
                      {challenge.title}
                    </Link>
                    <span className="muted">{challenge.agency.name}</span>
                    <span>
                      {t('myDashboard.deadline')} <Deadline value={challenge.submissionDeadline} />
                    </span>
                    {ours ? (
                      <Link to={`/my/submissions/${ours.id}`}>
                        {t('myDashboard.entered', { status: t(`mySubmission.status.${ours.status}`) })}
                      </Link>
                    ) : (
                      <Link
                        className="maru-button maru-button--secondary"
                        to={`/challenges/${challenge.id}/submit`}
                        aria-label={t('myDashboard.writeFor', { title: challenge.title })}
                      >
                        {t('myDashboard.write')}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            <Link to="/">{t('myDashboard.allChallenges')}</Link>
          </p>
        </section>
        <section className="dashboard-panel" aria-labelledby="my-submissions-heading">
          <h2 id="my-submissions-heading">{t('mySubmissions.title')}</h2>
          <AsyncState
            loading={own.loading}
            error={own.error ? explain(own.error) : null}
            onRetry={own.reload}
            empty={rows.length === 0}
            emptyMessage={t('mySubmissions.empty')}
          >
            <ul className="dashboard-list">
              {latest(rows).map(({ challenge, submission }) => (
                <li key={submission.id}>
                  <Link to={`/my/submissions/${submission.id}`} className="dashboard-list__title">
                    {submission.title}
                  </Link>
                  <span className="muted">{challenge.title}</span>
                  <span>
                    <StatusBadge kind="submission" status={submission.status} />{' '}
                    {t(`mySubmissions.next.${nextStep(submission.status, challenge.status)}`)}
                  </span>
                </li>
              ))}
            </ul>
          </AsyncState>
          <p>
            <Link to="/my/submissions">{t('myDashboard.allSubmissions', { count: rows.length })}</Link>
          </p>
        </section>
        <section className="dashboard-panel" aria-labelledby="my-services-heading">
          <h2 id="my-services-heading">{t('myServices.title')}</h2>
          {data && grants.length === 0 ? <p>{t('myServices.empty')}</p> : null}
          <ul className="dashboard-list">
            {grants.slice(0, 5).map((grant) => (
              <li key={grant.id}>
                <span className="dashboard-list__title">{grant.service?.name ?? t('myServices.gone')}</span>
                <span>
                  <StatusBadge kind="serviceGrant" status={grant.status} />{' '}
                  {grant.status === 'ACTIVE'
                    ? t('myServices.usedToday', {
                        used: grant.usedToday,
                        quota: grant.dailyQuota ?? t('myServices.noQuota'),
                      })
                    : null}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/my/services">{t('myDashboard.allServices')}</Link>
          </p>
        </section>
        <section className="dashboard-panel" aria-labelledby="documents-notices-heading">
          <h2 id="documents-notices-heading">{t('myDashboard.documentsAndNotices')}</h2>
          <p>
            {t('myDashboard.documentsHeld', { count: data?.heldDocuments.totalCount ?? 0 })}{' '}
            <Link to="/my/documents">{t('nav.myDocuments')}</Link>
          </p>
          <p>
            {t('myDashboard.unread', { count: data?.unreadNoticeCount ?? 0 })}{' '}
            <Link to="/notices">{t('nav.notices')}</Link>
          </p>
        </section>
      </div>
    </>
  );
}

/** The five most recently changed submissions. */
function latest(rows: OwnSubmissionRow[]): OwnSubmissionRow[] {
  return [...rows].sort((a, b) => b.submission.updatedAt.localeCompare(a.submission.updatedAt)).slice(0, 5);
}

function Tile({ to, value, label }: { to: string; value: number; label: string }) {
  const inner = (
    <>
      <span className="dashboard-tile__value">{value}</span>
      <span className="dashboard-tile__label">{label}</span>
    </>
  );
  return (
    <li className="dashboard-tile">{to.startsWith('#') ? <a href={to}>{inner}</a> : <Link to={to}>{inner}</Link>}</li>
  );
}
