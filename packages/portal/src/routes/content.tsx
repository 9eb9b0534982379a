import type { RouteObject } from 'react-router';

/** The content screens' routes (see router.tsx for the order they are tried in). */
export const contentRoutes: RouteObject[] = [];
