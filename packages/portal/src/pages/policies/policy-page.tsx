import { AsyncState, Markdown } from '@maru/ui';
import { useParams } from 'react-router';
import type { PolicyKind } from '../../gql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SitePolicyDocument } from '../../layout/site-identity';
import { usePageTitle } from '../../layout/use-page-title';
import { NotFoundPage } from '../not-found-page';

const KINDS: Record<string, PolicyKind> = {
  privacy: 'PRIVACY',
  terms: 'TERMS',
  copyright: 'COPYRIGHT',
  accessibility: 'ACCESSIBILITY',
};

/** `/policies/:kind`: a policy page the operator configured (개인정보처리방침, 이용약관, 저작권정책, 웹 접근성). */
export function PolicyPage() {
  const { kind = '' } = useParams();
  const policyKind = KINDS[kind];
  return policyKind ? <Policy kind={policyKind} /> : <NotFoundPage />;
}

function Policy({ kind }: { kind: PolicyKind }) {
  const { t, i18n } = useT();
  const explain = useErrorText();
  const language = i18n.resolvedLanguage === 'en' ? 'EN' : 'KO';
  const query = useQuery(SitePolicyDocument, { language, kind });
  const policy = query.data?.site.policy;
  usePageTitle(policy?.title ?? (query.data ? t('notFound.title') : null));
  if (query.data && !policy) return <NotFoundPage />;
  return (
    <AsyncState
      loading={query.loading && !query.data}
      error={query.error ? explain(query.error) : null}
      onRetry={query.reload}
    >
      {policy ? (
        // A page written only in the other language says so to screen readers.
        <article className="page policy-page" lang={policy.language === 'EN' ? 'en' : 'ko'}>
          <h1>{policy.title}</h1>
          <Markdown text={policy.body} headingLevel={2} />
        </article>
      ) : null}
    </AsyncState>
  );
}
