import type { RouteObject } from 'react-router';

/** The agency screens' routes (see router.tsx for the order they are tried in). */
export const agencyRoutes: RouteObject[] = [];
