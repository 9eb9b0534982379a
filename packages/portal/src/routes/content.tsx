import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const DatasetPage = page(() => import('../pages/dataset/dataset-page'), 'DatasetPage');

/** The content screens' routes (see router.tsx for the order they are tried in). */
export const contentRoutes: RouteObject[] = [{ path: '/data/:id', element: later(DatasetPage) }];
