import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { AgencyOnly } from './agency-only';
import { AgencyDocumentChallengesDocument } from './agency-document-queries';
import { IssuedDocuments } from './issued-documents';
import { ReceivedDocuments } from './received-documents';
import { RequiredDocumentsSection } from './required-documents-section';
import './agency-documents.css';

/** 서류 관리: the documents an agency issued (and revokes), those presented to its challenges, and those they require. */
export function AgencyDocumentsPage() {
  const { t } = useT();
  usePageTitle(t('agencyDocuments.title'));
  return (
    <div className="page agency-documents">
      <Breadcrumbs
        trail={[{ to: '/manage', label: t('agencyDocuments.crumb') }]}
        current={t('agencyDocuments.title')}
      />
      <AgencyOnly>
        <AgencyDocuments />
      </AgencyOnly>
    </div>
  );
}

function AgencyDocuments() {
  const { t } = useT();
  const { viewer } = useSession();
  const { hash } = useLocation();
  const agencyId = viewer?.organization.id ?? '';
  const published = useQuery(AgencyDocumentChallengesDocument, {
    agencyId,
    includeSubAgencies: false,
    statuses: ['OPEN', 'CLOSED', 'EVALUATING', 'AWARDED'],
  });
  const changeable = useQuery(AgencyDocumentChallengesDocument, {
    agencyId,
    includeSubAgencies: true,
    statuses: ['DRAFT', 'OPEN'],
  });
  const loaded = !!published.data && !!changeable.data;
  // A link to one section (#issued, #received, #required) lands on it once the lists are there.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView();
    target?.focus();
  }, [loaded, hash]);
  return (
    <>
      <div className="page-heading">
        <h1>{t('agencyDocuments.title')}</h1>
        <Link className="maru-button" to="/manage/documents/issue">
          {t('agencyDocuments.issued.issueAction')}
        </Link>
      </div>
      <p className="maru-lead">{t('agencyDocuments.intro')}</p>
      <nav className="agency-documents__toc" aria-label={t('agencyDocuments.sections')}>
        <ul>
          <li>
            <a href="#issued">{t('agencyDocuments.issued.title')}</a>
          </li>
          <li>
            <a href="#received">{t('agencyDocuments.received.title')}</a>
          </li>
          <li>
            <a href="#required">{t('agencyDocuments.required.title')}</a>
          </li>
        </ul>
      </nav>
      <IssuedDocuments />
      <ReceivedDocuments challenges={published} />
      <RequiredDocumentsSection challenges={changeable} onSaved={published.reload} />
    </>
  );
}
