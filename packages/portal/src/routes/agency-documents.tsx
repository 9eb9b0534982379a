import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const AgencyDocumentsPage = page(
  () => import('../pages/agency-documents/agency-documents-page'),
  'AgencyDocumentsPage',
);
const IssueDocumentPage = page(() => import('../pages/agency-documents/issue-document-page'), 'IssueDocumentPage');

/** The agency's documents: issued (and revoked), presented to its challenges, and required by them. */
export const agencyDocumentRoutes: RouteObject[] = [
  { path: '/manage/documents', element: later(AgencyDocumentsPage) },
  { path: '/manage/documents/issue', element: later(IssueDocumentPage) },
];
