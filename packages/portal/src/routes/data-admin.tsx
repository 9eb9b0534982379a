import type { RouteObject } from 'react-router';
import { lazyPage as page, later } from '../layout/lazy-page';

const DataConnectionsPage = page(() => import('../pages/data-admin/data-connections-page'), 'DataConnectionsPage');
const NewConnectionPage = page(() => import('../pages/data-admin/new-connection-page'), 'NewConnectionPage');
const ConnectionPage = page(() => import('../pages/data-admin/connection-page'), 'ConnectionPage');

/** The data-admin screens' routes (see router.tsx for the order they are tried in). */
export const dataAdminRoutes: RouteObject[] = [
  { path: '/manage/data', element: later(DataConnectionsPage) },
  { path: '/manage/data/new', element: later(NewConnectionPage) },
  { path: '/manage/data/:id', element: later(ConnectionPage) },
];
