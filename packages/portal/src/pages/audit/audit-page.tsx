import { useMemo, useState } from 'react';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AdminNav } from '../admin/admin-nav';
import { koreaDayEnd, koreaDayStart } from '../../format/korea-time';
import { globalId } from '../admin/global-id';
import { useLoadMore } from '../challenges/use-load-more';
import { AuditFilterForm, NO_AUDIT_FILTER, type AuditFilterValues } from './audit-filter-form';
import { AuditEventsDocument, AuditObjectsDocument, AuditOrganizationsDocument } from './audit-queries';
import { AuditTable } from './audit-table';
import { ChainCheck } from './chain-check';
import '../admin/admin.css';
import './audit.css';

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
  const explain = useErrorText();
  const { viewer, hasRole } = useSession();
  const platform = hasRole('PLATFORM_ADMIN');
  const [filter, setFilter] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const organizations = useQuery(AuditOrganizationsDocument, undefined, { skip: !platform });
  const organizationId = platform ? filter.organizationId : (viewer?.organization.id ?? '');
  const variables = {
    first: 50,
    filter: {
      ...(organizationId ? { organizationId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.from ? { from: koreaDayStart(filter.from) } : {}),
      ...(filter.to ? { to: koreaDayEnd(filter.to) } : {}),
    },
  };
  const page = useLoadMore(AuditEventsDocument, variables, (data) => data.auditEvents);
  // The members acting and the entries acted on, looked up once per page so the table names and links them.
  const ids = useMemo(() => {
    const wanted = new Set<string>();
    for (const event of page.nodes) {
      if (event.actorMemberId) wanted.add(event.actorMemberId);
      if (event.targetId && event.action.startsWith('submission.')) wanted.add(globalId('Submission', event.targetId));
    }
    return [...wanted].slice(0, 100);
  }, [page.nodes]);
  const objects = useQuery(AuditObjectsDocument, { ids }, { skip: ids.length === 0, partial: true });
  const byId = useMemo(
    () => new Map((objects.data?.nodes ?? []).flatMap((node) => (node ? [[node.id, node] as const] : []))),
    [objects.data],
  );
  return (
    <>
      <Breadcrumbs trail={platform ? [{ to: '/admin', label: t('admin.title') }] : []} current={t('audit.title')} />
      <h1>{t('audit.title')}</h1>
      <p className="maru-lead">
        {platform
          ? t('audit.introPlatform')
          : t('audit.introOrganization', { organization: viewer?.organization.name ?? '' })}
      </p>
      {platform ? <AdminNav /> : null}
      {platform ? <ChainCheck /> : null}
      <AuditFilterForm
        value={filter}
        organizations={platform ? (organizations.data?.organizations.nodes ?? []) : null}
        onChange={setFilter}
      />
      <p className="muted" role="status">
        {page.totalCount === null || page.loading ? t('common.loading') : t('audit.count', { count: page.totalCount })}
      </p>
      {page.error ? <p className="maru-form-alert">{explain(page.error)}</p> : null}
      {page.totalCount === 0 && !page.loading ? <p>{t('audit.empty')}</p> : null}
      {page.nodes.length ? <AuditTable events={page.nodes} objects={byId} admin={platform} /> : null}
      {page.hasNextPage ? (
        <button
          type="button"
          className="maru-button maru-button--secondary"
          disabled={page.loading}
          onClick={page.loadMore}
        >
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}
