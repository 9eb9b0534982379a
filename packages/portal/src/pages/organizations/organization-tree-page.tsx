import { Link } from 'react-router';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import type { AgencyTreeQuery } from '../../gql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AgencyForm } from './agency-form';
import { CompanyList } from './company-list';
import { AgencyTreeDocument } from './organization-tree-queries';

export type Agency = AgencyTreeQuery['organizations']['nodes'][number];

/** The agency tree: platform admins see every agency, agency admins their own and those below; add and rename. */
export function OrganizationTreePage() {
  const { t } = useT();
  usePageTitle(t('organizations.title'));
  return (
    <div className="page">
      <Breadcrumbs current={t('organizations.title')} />
      <SignInRequired roles={['PLATFORM_ADMIN', 'AGENCY_ADMIN']}>
        <Tree />
      </SignInRequired>
    </div>
  );
}

function Tree() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer, hasRole, refresh } = useSession();
  const platform = hasRole('PLATFORM_ADMIN');
  const own = viewer?.organization;
  const result = useQuery(AgencyTreeDocument, platform ? {} : { parentId: own?.id ?? '', includeDescendants: true }, {
    skip: !own,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const below = result.data?.organizations.nodes ?? [];
  // An agency admin's own agency heads the tree (the query returns those below it).
  const agencies: Agency[] =
    platform || !own ? below : [{ id: own.id, name: own.name, slug: '', version: 0, parent: null }, ...below];
  const known = new Set(agencies.map((agency) => agency.id));
  const roots = agencies.filter((agency) => !agency.parent || !known.has(agency.parent.id));
  const childrenOf = (id: string) => agencies.filter((agency) => agency.parent?.id === id);
  const changed = (message: string) => {
    setNotice(message);
    result.reload();
    void refresh();
  };
  const renderNode = (agency: Agency) => (
    <li key={agency.id}>
      <div className="org-node">
        <Link to={`/organization?id=${encodeURIComponent(agency.id)}`} className="org-node__name">
          {agency.name}
        </Link>
        <AgencyForm mode="rename" agency={agency} onDone={changed} />
        <AgencyForm mode="create" agency={agency} onDone={changed} />
      </div>
      {childrenOf(agency.id).length ? <ul>{childrenOf(agency.id).map(renderNode)}</ul> : null}
    </li>
  );
  return (
    <>
      <h1>{t('organizations.title')}</h1>
      <p className="maru-lead">{platform ? t('organizations.introPlatform') : t('organizations.introAgency')}</p>
      <div role="status">{notice ? <p className="maru-notice maru-notice--success">{notice}</p> : null}</div>
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {platform ? <AgencyForm mode="create" agency={null} onDone={changed} /> : null}
      <ul className="org-tree" aria-label={t('organizations.treeLabel')}>
        {roots.map(renderNode)}
      </ul>
      {platform ? <CompanyList /> : null}
    </>
  );
}
