import { ChallengeList } from '@maru/ui';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ChallengeSort, ChallengeStatus } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { usePageTitle } from '../../layout/use-page-title';
import { ChallengeSearchForm, PUBLIC_STATUSES } from './challenge-search-form';
import { useLoadMore } from './use-load-more';
import { ChallengeSortControl, parseSort, SORTS } from './challenge-sort';
import './challenges.css';
import { ChallengesForYou } from '../notices/challenges-for-you';
import { toErrorText } from '../../graphql/form-error';

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

const PAST_STATUSES: ChallengeStatus[] = ['CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'];

/**
 * Browse and search the published challenges, open ones first: words, status
 * and order live in the URL, so a search can be shared. Without a status the
 * page shows the open challenges in the chosen order, then the earlier ones.
 */
export function ChallengeListPage() {
  const { t } = useT();
  usePageTitle(t('challenges.title'));
  const { viewer, loading, options } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const sort = parseSort(params.get('sort'));
  const chosen = PUBLIC_STATUSES.includes(status as ChallengeStatus) ? (status as ChallengeStatus) : null;
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
            Object.fromEntries(
              Object.entries({ q: next.search, status: next.status, sort: params.get('sort') ?? '' }).filter(
                ([, value]) => value,
              ),
            ),
          )
        }
      />
      <ChallengeSortControl current={sort} />
      {chosen ? (
        <ChallengeSection
          search={search}
          statuses={[chosen]}
          sort={SORTS[sort]}
          emptyMessage={t('challenges.noMatch')}
        />
      ) : (
        <>
          <ChallengeSection
            title={t('challenges.openTitle')}
            search={search}
            statuses={['OPEN']}
            sort={SORTS[sort]}
            emptyMessage={search ? t('challenges.noMatch') : t('challenges.openEmpty')}
          />
          <ChallengeSection
            title={t('challenges.pastTitle')}
            hint={t('challenges.pastHint')}
            search={search}
            statuses={PAST_STATUSES}
            sort="NEWEST"
            emptyMessage={search ? t('challenges.noMatch') : t('challenges.pastEmpty')}
          />
        </>
      )}
    </div>
  );
}

interface ChallengeSectionProps {
  title?: string;
  hint?: string;
  search: string;
  statuses: ChallengeStatus[];
  sort: ChallengeSort;
  emptyMessage: string;
}

/** One list of challenges (a heading when the page holds two), twelve at a time. */
function ChallengeSection({ title, hint, search, statuses, sort, emptyMessage }: ChallengeSectionProps) {
  const headingId = useId();
  const variables = { first: 12, sort, filter: { statuses, ...(search ? { search } : {}) } };
  const page = useLoadMore(ChallengeListDocument, variables, (data) => data.challenges);
  const list = (
    <ChallengeList
      challenges={page.nodes}
      totalCount={page.totalCount ?? undefined}
      loading={page.loading && page.nodes.length === 0}
      error={toErrorText(page.error)}
      onRetry={page.reload}
      hrefFor={(challenge) => `/challenges/${challenge.id}`}
      renderLink={renderLink}
      headingLevel={title ? 3 : 2}
      emptyMessage={emptyMessage}
      {...(page.hasNextPage ? { onLoadMore: page.loadMore, loadingMore: page.loading } : {})}
    />
  );
  if (!title) return list;
  return (
    <section className="challenge-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {list}
    </section>
  );
}
