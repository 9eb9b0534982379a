import type { RouteObject } from 'react-router';

/** The company screens' routes (see router.tsx for the order they are tried in). */
export const companyRoutes: RouteObject[] = [];
