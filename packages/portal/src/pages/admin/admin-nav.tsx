import { NavLink } from 'react-router';
import { useT } from '../../i18n/use-t';

/** The platform admin's screens, side by side on each of them. */
export function AdminNav() {
  const { t } = useT();
  const links = [
    { to: '/admin', label: t('admin.title'), end: true },
    { to: '/admin/plugins', label: t('plugins.title'), end: false },
    { to: '/admin/services', label: t('serviceAdmin.title'), end: true },
    { to: '/admin/deliveries', label: t('serviceAdmin.deliveriesTitle'), end: true },
    { to: '/organizations', label: t('admin.organizations'), end: true },
    { to: '/audit', label: t('audit.title'), end: true },
  ];
  return (
    <nav className="admin-nav" aria-label={t('admin.sections')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
