import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/use-t';

export interface BreadcrumbStep {
  to: string;
  label: string;
}

interface BreadcrumbContextValue {
  /** The page's title, from usePageTitle: the last crumb when the page gives no trail of its own. */
  setTitle: (title: string | null) => void;
  /** A page that shows its own trail (Breadcrumbs) says so while it is on screen: the layout's trail steps aside. */
  claim: () => () => void;
  title: string | null;
  claimed: boolean;
}

const BreadcrumbContext = createContext<BreadcrumbContextValue | null>(null);

/** Holds what the layout needs to show breadcrumbs on every page below the home page. */
export function BreadcrumbProvider({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState<string | null>(null);
  const [claims, setClaims] = useState(0);
  const claim = useCallback(() => {
    setClaims((count) => count + 1);
    return () => setClaims((count) => count - 1);
  }, []);
  const value = useMemo(() => ({ setTitle, claim, title, claimed: claims > 0 }), [title, claims, claim]);
  return <BreadcrumbContext.Provider value={value}>{children}</BreadcrumbContext.Provider>;
}

/** Used by usePageTitle: the page's title becomes its crumb. */
export function usePageCrumb(title: string | null | undefined): void {
  const setTitle = useContext(BreadcrumbContext)?.setTitle;
  useLayoutEffect(() => {
    if (!setTitle) return;
    setTitle(title ?? null);
    return () => setTitle(null);
  }, [setTitle, title]);
}

/**
 * The layout's trail (KRDS puts breadcrumbs on every page below the home page): Home › the page's title, unless the
 * page shows a longer trail of its own with `Breadcrumbs`.
 */
export function LayoutBreadcrumbs() {
  const context = useContext(BreadcrumbContext);
  const { pathname } = useLocation();
  if (!context || pathname === '/' || context.claimed || !context.title) return null;
  return <BreadcrumbTrail current={context.title} />;
}

/**
 * The path from the home page to this one, for a page that knows the steps between (e.g. Home › Agency challenges
 * › Edit). Pages without one get Home › their title from the layout.
 */
export function Breadcrumbs({ trail = [], current }: { trail?: BreadcrumbStep[]; current: string }) {
  const claim = useContext(BreadcrumbContext)?.claim;
  useLayoutEffect(() => claim?.(), [claim]);
  return <BreadcrumbTrail trail={trail} current={current} />;
}

function BreadcrumbTrail({ trail = [], current }: { trail?: BreadcrumbStep[]; current: string }) {
  const { t } = useT();
  return (
    <nav className="breadcrumbs" aria-label={t('layout.breadcrumbs')}>
      <ol>
        <li>
          <Link to="/">{t('layout.home')}</Link>
        </li>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
