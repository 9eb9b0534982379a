import { Link } from 'react-router';
import { useT } from '../i18n/use-t';

/** The path from the home page to this one (KRDS puts breadcrumbs on every page below the home page). */
export function Breadcrumbs({
  trail = [],
  current,
}: {
  trail?: Array<{ to: string; label: string }>;
  current: string;
}) {
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
