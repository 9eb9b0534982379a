import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const EditChallengePage = page(() => import('../pages/manage/edit-challenge-page'), 'EditChallengePage');

/** The agency screens' routes (see router.tsx for the order they are tried in). */
export const agencyRoutes: RouteObject[] = [{ path: '/manage/challenges/:id/edit', element: later(EditChallengePage) }];
