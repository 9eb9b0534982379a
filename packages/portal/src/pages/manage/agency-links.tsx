import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';

const LINKS = [
  { to: '/manage/data', key: 'data' },
  { to: '/manage/documents', key: 'documents' },
  { to: '/access', key: 'access' },
  { to: '/organization', key: 'organization' },
  { to: '/insights', key: 'insights' },
] as const;

/** The agency's other work, one step away from its landing page. */
export function AgencyLinks() {
  const { t } = useT();
  return (
    <nav className="agency-links" aria-label={t('agency.otherWork')}>
      <h2 className="agency-links__title">{t('agency.otherWork')}</h2>
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>
              <span className="agency-links__name">{t(`agency.links.${link.key}`)}</span>
              <span className="agency-links__hint">{t(`agency.links.${link.key}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
