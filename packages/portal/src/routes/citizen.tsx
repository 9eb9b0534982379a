import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const MyDataPage = page(() => import('../pages/citizen/my-data-page'), 'MyDataPage');

/** The citizen screens' routes (see router.tsx for the order they are tried in). */
export const citizenRoutes: RouteObject[] = [{ path: '/me/data', element: later(MyDataPage) }];
