import type { RouteObject } from 'react-router';

/** The citizen screens' routes (see router.tsx for the order they are tried in). */
export const citizenRoutes: RouteObject[] = [];
