import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const CompanyDashboardPage = page(() => import('../pages/company/company-dashboard-page'), 'CompanyDashboardPage');
const MySubmissionsPage = page(() => import('../pages/submissions/my-submissions-page'), 'MySubmissionsPage');
const SubmissionPage = page(() => import('../pages/submissions/submission-page'), 'SubmissionPage');
const MyServicesPage = page(() => import('../pages/company/my-services-page'), 'MyServicesPage');
const TryServicePage = page(() => import('../pages/company/try-service-page'), 'TryServicePage');
const ReviewsPage = page(() => import('../pages/reviews/reviews-page'), 'ReviewsPage');

/** The company screens' routes (see router.tsx for the order they are tried in), and the reviewer's assignments. */
export const companyRoutes: RouteObject[] = [
  { path: '/my', element: later(CompanyDashboardPage) },
  { path: '/my/submissions', element: later(MySubmissionsPage) },
  { path: '/my/submissions/:id', element: later(SubmissionPage) },
  { path: '/my/services', element: later(MyServicesPage) },
  { path: '/my/services/:name/try', element: later(TryServicePage) },
  { path: '/reviews', element: later(ReviewsPage) },
];
