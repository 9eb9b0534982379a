import { AsyncState } from '@maru/ui';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import type { ChallengeStatus } from '../../gql/graphql';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { useLoadMore } from '../challenges/use-load-more';
import { AgencyTaskTableDocument } from './agency-queries';
import { AgencyLinks } from './agency-links';
import { TaskTable } from './task-table';
import './agency.css';

const FILTERS: Array<ChallengeStatus | 'ALL'> = [
  'ALL',
  'DRAFT',
  'OPEN',
  'CLOSED',
  'EVALUATING',
  'AWARDED',
  'CANCELLED',
];

/** The agency's landing page: its challenges as a task table (what to do next on each), and its other work. */
export function AgencyChallengesPage() {
  const { t } = useT();
  usePageTitle(t('agency.title'));
  return (
    <div className="page agency-page">
      <SignInRequired roles={['CHALLENGE_MANAGER', 'AGENCY_ADMIN']}>
        <AgencyChallenges />
      </SignInRequired>
    </div>
  );
}

function AgencyChallenges() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const [params, setParams] = useSearchParams();
  const status = FILTERS.find((s) => s === params.get('status')) ?? 'ALL';
  const page = useLoadMore(
    AgencyTaskTableDocument,
    { agencyId: viewer?.organization.id ?? '', statuses: status === 'ALL' ? null : [status] },
    (data) => data.challenges,
  );
  return (
    <>
      <Breadcrumbs current={t('agency.title')} />
      <div className="page-heading">
        <h1>{t('agency.title')}</h1>
        <Link className="maru-button" to="/challenges/new">
          {t('nav.postChallenge')}
        </Link>
      </div>
      <p className="maru-lead">{t('agency.intro', { agency: viewer?.organization.name ?? '' })}</p>
      <AgencyLinks />
      <section aria-labelledby="agency-tasks-heading" className="section">
        <h2 id="agency-tasks-heading">{t('agency.tasksTitle')}</h2>
        <div className="agency-filter">
          <label htmlFor="agency-status-filter">{t('agency.filterLabel')}</label>
          <select
            id="agency-status-filter"
            value={status}
            onChange={(event) => {
              const next = event.target.value;
              setParams(next === 'ALL' ? {} : { status: next }, { replace: true });
            }}
          >
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {value === 'ALL' ? t('agency.filterAll') : t(`challengeStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <AsyncState
          loading={page.loading && page.nodes.length === 0}
          error={page.error ? explain(page.error) : null}
          onRetry={page.reload}
          empty={!page.loading && page.nodes.length === 0}
          emptyMessage={status === 'ALL' ? t('agency.empty') : t('agency.emptyFiltered')}
        >
          <p className="muted" role="status">
            {t('agency.count', { count: page.totalCount ?? page.nodes.length })}
          </p>
          <TaskTable challenges={page.nodes} />
          {page.hasNextPage ? (
            <button
              type="button"
              className="maru-button maru-button--secondary"
              disabled={page.loading}
              onClick={page.loadMore}
            >
              {page.loading ? t('common.working') : t('agency.loadMore')}
            </button>
          ) : null}
        </AsyncState>
      </section>
    </>
  );
}
