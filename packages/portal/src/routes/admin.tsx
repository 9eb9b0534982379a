import type { RouteObject } from 'react-router';

/** The admin screens' routes (see router.tsx for the order they are tried in). */
export const adminRoutes: RouteObject[] = [];
