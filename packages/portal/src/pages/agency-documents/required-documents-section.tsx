import { AsyncState, StatusBadge, type ChallengeStatus } from '@maru/ui';
import { Link } from 'react-router';
import type { AgencyDocumentChallengesQuery } from '../../gql/graphql';
import type { QueryState } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { useRefusalText } from './refusal-text';
import { RequiredDocumentsPanel, type Requirement } from './required-documents-panel';
import { useTypeName } from './use-type-name';

/** The agency's challenges with the documents each asks for, and a way to change them. */
export function RequiredDocumentsSection({
  challenges,
  onSaved,
}: {
  challenges: QueryState<AgencyDocumentChallengesQuery>;
  onSaved?: () => void;
}) {
  const { t } = useT();
  const refusal = useRefusalText();
  const nodes = challenges.data?.challenges.nodes ?? [];
  return (
    <section className="section" aria-labelledby="required">
      <h2 id="required" tabIndex={-1}>
        {t('agencyDocuments.required.title')}
      </h2>
      <p className="muted">{t('agencyDocuments.required.intro')}</p>
      <AsyncState
        loading={challenges.loading && !challenges.data}
        error={challenges.error ? refusal(challenges.error) : null}
        onRetry={challenges.reload}
        empty={nodes.length === 0}
        emptyMessage={t('agencyDocuments.required.noChallenges')}
      >
        <ul className="plain-list" aria-label={t('agencyDocuments.required.caption')}>
          {nodes.map((challenge) => (
            <li key={challenge.id} className="maru-card agency-documents__card">
              <p className="maru-card__meta">
                <StatusBadge kind="challenge" status={challenge.status as ChallengeStatus} />
              </p>
              <h3 className="maru-card__title">
                <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
              </h3>
              <dl className="facts">
                <dt>{t('agencyDocuments.required.documents')}</dt>
                <dd>
                  <RequirementList requirements={challenge.requiredDocuments} />
                </dd>
              </dl>
              <details className="agency-documents__disclosure">
                <summary>{t('agencyDocuments.required.change')}</summary>
                <RequiredDocumentsPanel
                  challengeId={challenge.id}
                  title={challenge.title}
                  requiredDocuments={challenge.requiredDocuments}
                  onSaved={() => {
                    challenges.reload();
                    onSaved?.();
                  }}
                />
              </details>
            </li>
          ))}
        </ul>
      </AsyncState>
    </section>
  );
}

/** "Business registration proof, issued within 90 days", or "None". */
export function RequirementList({ requirements }: { requirements: readonly Requirement[] }) {
  const { t } = useT();
  const typeName = useTypeName();
  if (requirements.length === 0) return <>{t('agencyDocuments.required.none')}</>;
  return (
    <ul className="compact-list">
      {requirements.map((r) => (
        <li key={r.type}>
          {r.maxAgeDays
            ? t('agencyDocuments.required.withinDays', { type: typeName(r.type), days: r.maxAgeDays })
            : typeName(r.type)}
        </li>
      ))}
    </ul>
  );
}
