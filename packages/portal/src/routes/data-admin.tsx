import type { RouteObject } from 'react-router';

/** The data-admin screens' routes (see router.tsx for the order they are tried in). */
export const dataAdminRoutes: RouteObject[] = [];
