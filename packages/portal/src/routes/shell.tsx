import type { RouteObject } from 'react-router';
import { PolicyPage } from '../pages/policies/policy-page';
import { StartPage } from '../pages/sign-in/start-page';
import { START_PATH } from '../layout/landing';

/** The shell screens' routes (see router.tsx for the order they are tried in). */
export const shellRoutes: RouteObject[] = [
  // The operator's policy pages the footer links to (KRDS): privacy, terms, copyright, accessibility.
  { path: '/policies/:kind', element: <PolicyPage /> },
  // A sign-in with nowhere asked for comes back here and goes on to the member's own page.
  { path: START_PATH, element: <StartPage /> },
];
