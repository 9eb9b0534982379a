import { ChallengeList } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ChallengeListDocument } from '../challenges/challenge-list-page';
import { useLoadMore } from '../challenges/use-load-more';

/** The agency's own challenges, drafts included, newest first. */
export function AgencyChallengesPage() {
  const { t } = useT();
  usePageTitle(t('manage.listTitle'));
  return (
    <div className="page">
      <SignInRequired roles={['CHALLENGE_MANAGER', 'AGENCY_ADMIN']}>
        <AgencyChallenges />
      </SignInRequired>
    </div>
  );
}

function AgencyChallenges() {
  const { t } = useT();
  const { viewer } = useSession();
  const page = useLoadMore(
    ChallengeListDocument,
    { first: 20, sort: 'NEWEST' as const, filter: { agencyId: viewer?.organization.id ?? '' } },
    (data) => data.challenges,
  );
  return (
    <>
      <div className="page-heading">
        <h1>{t('manage.listTitle')}</h1>
        <Link className="maru-button" to="/challenges/new">
          {t('nav.postChallenge')}
        </Link>
      </div>
      <p className="maru-lead">{t('manage.listIntro', { agency: viewer?.organization.name ?? '' })}</p>
      <ChallengeList
        challenges={page.nodes}
        totalCount={page.totalCount ?? undefined}
        loading={page.loading && page.nodes.length === 0}
        error={page.error ? `${page.error.message} (${page.error.code})` : null}
        onRetry={page.reload}
        hrefFor={(challenge) => `/challenges/${challenge.id}`}
        renderLink={renderLink}
        headingLevel={2}
        {...(page.hasNextPage ? { onLoadMore: page.loadMore, loadingMore: page.loading } : {})}
      />
    </>
  );
}
