import { AsyncState } from '@maru/ui';
import { Link } from 'react-router';
import type { AgencyDocumentChallengesQuery } from '../../gql/graphql';
import type { QueryState } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { ReceivedDocumentsList } from './received-documents-list';
import { useRefusalText } from './refusal-text';

/** Documents companies presented to the agency's published challenges, each checked with its issuer on request. */
export function ReceivedDocuments({ challenges }: { challenges: QueryState<AgencyDocumentChallengesQuery> }) {
  const { t } = useT();
  const refusal = useRefusalText();
  // Companies present to the challenges that ask for documents (My documents offers only those).
  const asking = (challenges.data?.challenges.nodes ?? []).filter((c) => c.requiredDocuments.length > 0);
  return (
    <section className="section" aria-labelledby="received">
      <h2 id="received" tabIndex={-1}>
        {t('agencyDocuments.received.title')}
      </h2>
      <p className="muted">{t('agencyDocuments.received.intro')}</p>
      <AsyncState
        loading={challenges.loading && !challenges.data}
        error={challenges.error ? refusal(challenges.error) : null}
        onRetry={challenges.reload}
        empty={asking.length === 0}
        emptyMessage={t('agencyDocuments.received.noChallenges')}
      >
        {asking.map((challenge) => (
          <section
            key={challenge.id}
            className="agency-documents__challenge"
            aria-labelledby={`received-${challenge.id}`}
          >
            <h3 id={`received-${challenge.id}`}>
              <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
            </h3>
            <ReceivedDocumentsList targetId={challenge.id} title={challenge.title} />
          </section>
        ))}
      </AsyncState>
    </section>
  );
}
