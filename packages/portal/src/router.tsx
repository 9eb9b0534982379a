import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { lazyPage as page, later } from './layout/lazy-page';
import { RouteError } from './layout/route-error';
import { ChallengeListPage } from './pages/challenges/challenge-list-page';
import { ChallengePage } from './pages/challenge/challenge-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { adminRoutes } from './routes/admin';
import { agencyRoutes } from './routes/agency';
import { agencyDocumentRoutes } from './routes/agency-documents';
import { citizenRoutes } from './routes/citizen';
import { companyRoutes } from './routes/company';
import { contentRoutes } from './routes/content';
import { dataAdminRoutes } from './routes/data-admin';
import { shellRoutes } from './routes/shell';

// The pages of signed-in work and administration load when first opened (layout/lazy-page.tsx).
const ServicesPage = page(() => import('./pages/services/services-page'), 'ServicesPage');
const DataCataloguePage = page(() => import('./pages/data/data-catalogue-page'), 'DataCataloguePage');
const NewChallengePage = page(() => import('./pages/manage/new-challenge-page'), 'NewChallengePage');
const AgencyChallengesPage = page(() => import('./pages/manage/agency-challenges-page'), 'AgencyChallengesPage');
const SubmitPage = page(() => import('./pages/submissions/submit-page'), 'SubmitPage');
const NoticesPage = page(() => import('./pages/notices/notices-page'), 'NoticesPage');
const NoticeSettingsPage = page(() => import('./pages/notices/notice-settings-page'), 'NoticeSettingsPage');
const MyDocumentsPage = page(() => import('./pages/documents/my-documents-page'), 'MyDocumentsPage');
const ScorePage = page(() => import('./pages/reviews/score-page'), 'ScorePage');
const PilotLaunchPage = page(() => import('./pages/pilot/pilot-launch-page'), 'PilotLaunchPage');
const AccessPage = page(() => import('./pages/access/access-page'), 'AccessPage');
const InsightsPage = page(() => import('./pages/insights/insights-page'), 'InsightsPage');
const AccountPage = page(() => import('./pages/account/account-page'), 'AccountPage');
const OrganizationPage = page(() => import('./pages/organization/organization-page'), 'OrganizationPage');
const OrganizationTreePage = page(() => import('./pages/organizations/organization-tree-page'), 'OrganizationTreePage');

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <ChallengeListPage /> },
      { path: '/challenges/new', element: later(NewChallengePage) },
      { path: '/challenges/:id', element: <ChallengePage /> },
      { path: '/challenges/:id/submit', element: later(SubmitPage) },
      { path: '/challenges/:id/review', element: later(ScorePage) },
      { path: '/challenges/:id/launch', element: later(PilotLaunchPage) },
      { path: '/services', element: later(ServicesPage) },
      { path: '/data', element: later(DataCataloguePage) },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/manage', element: later(AgencyChallengesPage) },
      { path: '/my/documents', element: later(MyDocumentsPage) },
      { path: '/notices', element: later(NoticesPage) },
      { path: '/notices/settings', element: later(NoticeSettingsPage) },
      { path: '/access', element: later(AccessPage) },
      { path: '/insights', element: later(InsightsPage) },
      { path: '/account', element: later(AccountPage) },
      { path: '/organization', element: later(OrganizationPage) },
      { path: '/organizations', element: later(OrganizationTreePage) },
      // Each area's screens, in their own files (routes/) so the areas grow without touching one another.
      ...shellRoutes,
      ...contentRoutes,
      ...agencyRoutes,
      ...agencyDocumentRoutes,
      ...dataAdminRoutes,
      ...citizenRoutes,
      ...companyRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
