import { AuditList } from '@maru/ui';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { useLoadMore } from '../challenges/use-load-more';
import { AuditFilterForm, type AuditFilterValues } from './audit-filter-form';
import { ChainCheck } from './chain-check';

const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        seq
        at
        action
        outcome
        actorMemberId
        targetId
        requestId
      }
    }
  }
`);

/** The hash-chained audit trail: all of it for platform admins, their organization's for organization admins. */
export function AuditPage() {
  const { t } = useT();
  usePageTitle(t('audit.title'));
  return (
    <div className="page">
      <SignInRequired roles={['PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN']}>
        <Audit />
      </SignInRequired>
    </div>
  );
}

function Audit() {
  const { t } = useT();
  const { viewer, hasRole } = useSession();
  const platform = hasRole('PLATFORM_ADMIN');
  const [filter, setFilter] = useState<AuditFilterValues>({ action: '', outcome: '' });
  const variables = {
    first: 50,
    filter: {
      ...(platform ? {} : { organizationId: viewer?.organization.id ?? '' }),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
    },
  };
  const page = useLoadMore(AuditEventsDocument, variables, (data) => data.auditEvents);
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="maru-lead">
        {platform
          ? t('audit.introPlatform')
          : t('audit.introOrganization', { organization: viewer?.organization.name ?? '' })}
      </p>
      {platform ? <ChainCheck /> : null}
      <AuditFilterForm value={filter} onChange={setFilter} />
      <p className="muted">{t('audit.count', { count: page.totalCount ?? 0 })}</p>
      <AuditList
        events={page.nodes}
        loading={page.loading && page.nodes.length === 0}
        error={page.error ? `${page.error.message} (${page.error.code})` : null}
        onRetry={page.reload}
        emptyMessage={t('audit.empty')}
        {...(page.hasNextPage ? { onLoadMore: page.loadMore, loadingMore: page.loading } : {})}
      />
    </>
  );
}
