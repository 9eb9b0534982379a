import { ChallengeList } from '@maru/ui';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ChallengeStatus } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { usePageTitle } from '../../layout/use-page-title';
import { ChallengeSearchForm, PUBLIC_STATUSES } from './challenge-search-form';
import { useLoadMore } from './use-load-more';
import { ChallengesForYou } from '../notices/challenges-for-you';

export const ChallengeListDocument = graphql(`
  query ChallengeList($filter: ChallengeFilter, $first: Int, $after: String, $sort: ChallengeSort) {
    challenges(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ChallengeListItem
      }
    }
  }
`);

/** Browse and search the published challenges: words and status live in the URL, so a search can be shared. */
export function ChallengeListPage() {
  const { t } = useT();
  usePageTitle(t('challenges.title'));
  const { viewer, loading, options } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const statuses = PUBLIC_STATUSES.includes(status as ChallengeStatus) ? [status as ChallengeStatus] : null;
  const variables = {
    first: 12,
    sort: 'NEWEST' as const,
    filter: { ...(search ? { search } : {}), ...(statuses ? { statuses } : {}) },
  };
  const page = useLoadMore(ChallengeListDocument, variables, (data) => data.challenges);
  return (
    <div className="page">
      <h1>{t('challenges.title')}</h1>
      <p className="maru-lead">{t('challenges.intro')}</p>
      {!viewer && !loading ? (
        <p className="maru-notice">
          {options?.demo ? t('challenges.signInHintDemo') : t('challenges.signInHint')}{' '}
          <Link to="/sign-in">{options?.demo ? t('challenges.signInLinkDemo') : t('challenges.signInLink')}</Link>
        </p>
      ) : null}
      {viewer?.organization.kind === 'COMPANY' ? <ChallengesForYou /> : null}
      <ChallengeSearchForm
        search={search}
        status={status}
        onSearch={(next) =>
          setParams(
            Object.fromEntries(Object.entries({ q: next.search, status: next.status }).filter(([, value]) => value)),
          )
        }
      />
      <ChallengeList
        challenges={page.nodes}
        totalCount={page.totalCount ?? undefined}
        loading={page.loading && page.nodes.length === 0}
        error={page.error ? `${page.error.message} (${page.error.code})` : null}
        onRetry={page.reload}
        hrefFor={(challenge) => `/challenges/${challenge.id}`}
        renderLink={renderLink}
        headingLevel={2}
        emptyMessage={search || status ? t('challenges.noMatch') : undefined}
        {...(page.hasNextPage ? { onLoadMore: page.loadMore, loadingMore: page.loading } : {})}
      />
    </div>
  );
}
