import type { ReactNode } from 'react';

/** What a `renderLink` prop receives: render your router's link with these. */
export interface LinkRenderProps {
  href: string;
  className?: string;
  children: ReactNode;
}

/**
 * Renders a link with the app's router (e.g. react-router's `<Link to={href}>`).
 * Without one, components render a plain `<a href>`.
 */
export type LinkRenderer = (props: LinkRenderProps) => ReactNode;

/** Navigation props shared by every card: the components never depend on a router. */
export interface LinkProps {
  /** Where the card's title links to; no link when left out. */
  href?: string;
  /** Renders the link with the app's router; a plain `<a>` by default. */
  renderLink?: LinkRenderer;
}

export function MaruLink({
  href,
  renderLink,
  className,
  children,
}: LinkRenderProps & { renderLink?: LinkRenderer | undefined }) {
  if (renderLink) return <>{renderLink({ href, className, children })}</>;
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}
