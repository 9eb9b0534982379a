import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { AccessPage } from './pages/access/access-page';
import { PluginsPage } from './pages/admin/plugins-page';
import { AuditPage } from './pages/audit/audit-page';
import { ChallengeListPage } from './pages/challenges/challenge-list-page';
import { ChallengePage } from './pages/challenge/challenge-page';
import { DataCataloguePage } from './pages/data/data-catalogue-page';
import { AgencyChallengesPage } from './pages/manage/agency-challenges-page';
import { NewChallengePage } from './pages/manage/new-challenge-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReviewsPage } from './pages/reviews/reviews-page';
import { ScorePage } from './pages/reviews/score-page';
import { ServicesPage } from './pages/services/services-page';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { MySubmissionsPage } from './pages/submissions/my-submissions-page';
import { SubmitPage } from './pages/submissions/submit-page';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <ChallengeListPage /> },
      { path: '/challenges/new', element: <NewChallengePage /> },
      { path: '/challenges/:id', element: <ChallengePage /> },
      { path: '/challenges/:id/submit', element: <SubmitPage /> },
      { path: '/challenges/:id/review', element: <ScorePage /> },
      { path: '/services', element: <ServicesPage /> },
      { path: '/data', element: <DataCataloguePage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/manage', element: <AgencyChallengesPage /> },
      { path: '/my/submissions', element: <MySubmissionsPage /> },
      { path: '/reviews', element: <ReviewsPage /> },
      { path: '/admin/plugins', element: <PluginsPage /> },
      { path: '/access', element: <AccessPage /> },
      { path: '/audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
