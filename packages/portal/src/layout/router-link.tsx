import { Link } from 'react-router';
import type { LinkRenderer } from '@maru/ui';

/** Lets @maru/ui's cards link through react-router instead of reloading the page. */
export const renderLink: LinkRenderer = ({ href, className, children }) => (
  <Link to={href} className={className}>
    {children}
  </Link>
);
