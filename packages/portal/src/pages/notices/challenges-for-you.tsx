import { ChallengeList } from '@maru/ui';
import { Link } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { ChallengesForYouDocument } from './notice-queries';
import { toErrorText } from '../../graphql/form-error';

/** 나에게 맞는 챌린지: open challenges matching the organization's interests and eligibility, soonest deadline first. */
export function ChallengesForYou() {
  const { t } = useT();
  const forYou = useQuery(ChallengesForYouDocument);
  const nodes = forYou.data?.challengesForYou.nodes ?? [];
  return (
    <section aria-labelledby="for-you-heading" className="maru-stack">
      <h2 id="for-you-heading">{t('forYou.title')}</h2>
      {nodes.length === 0 && !forYou.loading ? (
        <p className="muted">
          {t('forYou.empty')} <Link to="/notices/settings">{t('forYou.declare')}</Link>
        </p>
      ) : (
        <ChallengeList
          challenges={nodes}
          loading={forYou.loading && !forYou.data}
          error={toErrorText(forYou.error)}
          onRetry={forYou.reload}
          hrefFor={(challenge) => `/challenges/${challenge.id}`}
          renderLink={renderLink}
          headingLevel={3}
        />
      )}
    </section>
  );
}
