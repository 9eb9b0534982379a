import type { RouteObject } from 'react-router';

/** The shell screens' routes (see router.tsx for the order they are tried in). */
export const shellRoutes: RouteObject[] = [];
